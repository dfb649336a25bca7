import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Total bytes of every file under `dir`, skipping folders whose path relative to `root` is in `skip`. */
export function folderBytes(dir: string, root = dir, skip: ReadonlySet<string> = new Set()): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(relative(root, full))) total += folderBytes(full, root, skip);
    } else {
      total += statSync(full).size;
    }
  }
  return total;
}

/** The weapp build's main package and subpackages, as WeChat counts them (subpackage roots from app.json). */
export function weappPackageSizes(distDir: string): { main: number; subpackages: Record<string, number> } {
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const subpackages = Object.fromEntries(roots.map((root) => [root, folderBytes(join(distDir, root))]));
  return { main: folderBytes(distDir, distDir, new Set(roots)), subpackages };
}
