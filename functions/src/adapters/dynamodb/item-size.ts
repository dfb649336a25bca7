/**
 * DynamoDB item sizes by the published rules ("Item sizes and formats" in the DynamoDB developer guide),
 * for items in the document client's native form. Capacity is billed on these sizes, and DynamoDB Local
 * does not report them faithfully, so the cost of a write is computed here from the items themselves.
 */

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/** 1 byte per two significant digits plus 1; leading and trailing zeros do not count. */
function numberBytes(value: number | bigint): number {
  const digits = String(value)
    .replace(/^-/, '')
    .replace(/e[+-]?\d+$/i, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(digits.length / 2) + 1;
}

function valueBytes(value: unknown): number {
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number' || typeof value === 'bigint') return numberBytes(value);
  if (typeof value === 'boolean' || value === null) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set)
    return [...(value as Set<unknown>)].reduce<number>((n, v) => n + valueBytes(v), 0);
  // Lists and maps carry 3 bytes of their own and 1 byte per element.
  if (Array.isArray(value)) return 3 + value.reduce<number>((n, v) => n + 1 + valueBytes(v), 0);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return 3 + entries.reduce((n, [k, v]) => n + 1 + utf8(k) + valueBytes(v), 0);
  }
  throw new TypeError(`DynamoDB cannot store a ${typeof value}`);
}

/** Bytes of an item: every attribute's name plus its value; undefined attributes are not written. */
export function itemSizeBytes(item: Record<string, unknown>): number {
  return Object.entries(item)
    .filter(([, v]) => v !== undefined)
    .reduce((n, [name, v]) => n + utf8(name) + valueBytes(v), 0);
}

/** Write capacity units of one item: 1 per started KB for a standard write, 2 inside a transaction. */
export function writeUnits(bytes: number, transactional: boolean): number {
  return Math.max(1, Math.ceil(bytes / 1024)) * (transactional ? 2 : 1);
}
