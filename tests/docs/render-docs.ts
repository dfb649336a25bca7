import { z } from 'zod';
import * as shared from '@jiuyi/shared';
import { ERROR_CATALOGUE } from '@jiuyi/shared';
import { ROUTES } from '../../functions/src/routes';

/** docs/errors.md: every stable error code with its status and Chinese message. */
export function renderErrorsMarkdown(): string {
  const rows = Object.entries(ERROR_CATALOGUE).map(
    ([code, e]) => `| \`${code}\` | ${e.status} | ${e.message} |`,
  );
  return [
    '# Error codes',
    '',
    'Generated from `shared/src/errors.ts` by `npm run docs`; a test fails when this file is stale.',
    'Every error response is `{ "error": { "code", "message", "details"? } }`.',
    '',
    '| code | HTTP status | message |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Every zod schema exported by `@jiuyi/shared`, as JSON Schema components. */
function schemaComponents(): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(shared).sort(([a], [b]) => a.localeCompare(b))) {
    if (!name.endsWith('Schema') || !(value instanceof z.ZodType)) continue;
    try {
      components[name.replace(/Schema$/, '')] = z.toJSONSchema(value, {
        unrepresentable: 'any',
        io: 'input',
      });
    } catch {
      // Schemas with transforms that JSON Schema cannot express are left out rather than misdescribed.
    }
  }
  return components;
}

/** docs/openapi.json: the route list and the contract's schemas. */
export function renderOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES.filter((r) => !r.localOnly)) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.handler,
      responses: { default: { description: 'See components; errors follow ErrorResponse' } },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Jiuyi 就医 API', version: '1' },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: schemaComponents() },
  };
}
