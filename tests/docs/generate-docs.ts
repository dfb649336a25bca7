import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderErrorsMarkdown, renderOpenApi } from './render-docs';

/** `npm run docs`: regenerates docs/errors.md and docs/openapi.json from the code. */
const root = resolve(__dirname, '../..');
writeFileSync(resolve(root, 'docs/errors.md'), renderErrorsMarkdown());
writeFileSync(resolve(root, 'docs/openapi.json'), `${JSON.stringify(renderOpenApi(), null, 2)}\n`);
console.log('Wrote docs/errors.md and docs/openapi.json');
