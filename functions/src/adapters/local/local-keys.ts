import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The local stage's data and index keys, kept in a git-ignored key file so that a `--persist`
 * database stays readable across restarts. Never used outside the local stage.
 */
export function loadOrCreateLocalKeys(file: string): { dataKey: Buffer; indexKey: Buffer } {
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { dataKey: string; indexKey: string };
    return {
      dataKey: Buffer.from(parsed.dataKey, 'base64'),
      indexKey: Buffer.from(parsed.indexKey, 'base64'),
    };
  }
  const keys = { dataKey: randomBytes(32), indexKey: randomBytes(32) };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ dataKey: keys.dataKey.toString('base64'), indexKey: keys.indexKey.toString('base64') }),
    { mode: 0o600 },
  );
  return keys;
}
