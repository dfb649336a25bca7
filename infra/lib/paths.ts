import * as path from 'node:path';

/** The monorepo root: esbuild resolves `@jiuyi/shared` and every dependency from here. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The one lock file of the npm workspace, which pins what gets bundled. */
export const LOCK_FILE = path.join(REPO_ROOT, 'package-lock.json');

/** `get-health` → `<repo>/functions/src/handlers/get-health.handler.ts` (the convention routes.ts states). */
export function handlerEntry(handler: string): string {
  return path.join(REPO_ROOT, 'functions', 'src', 'handlers', `${handler}.handler.ts`);
}
