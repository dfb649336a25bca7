import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderErrorsMarkdown, renderOpenApi } from './render-docs';

const root = resolve(__dirname, '../..');

describe('generated docs are current (run `npm run docs` after changing the contract)', () => {
  it('docs/errors.md lists every error code', () => {
    expect(readFileSync(resolve(root, 'docs/errors.md'), 'utf8')).toBe(renderErrorsMarkdown());
  });

  it('docs/openapi.json matches the routes and schemas', () => {
    const published = JSON.parse(readFileSync(resolve(root, 'docs/openapi.json'), 'utf8')) as unknown;
    expect(published).toEqual(renderOpenApi());
  });
});
