import { itemSizeBytes, writeUnits } from './item-size';

describe('itemSizeBytes', () => {
  it('counts names and UTF-8 bytes of strings, including Chinese text', () => {
    // Prepare
    const item = { pk: 'ab', name: '张三' };
    // Act
    const bytes = itemSizeBytes(item);
    // Assess: 2 + 2 for pk, 4 + 6 for a name of two 3-byte characters
    expect(bytes).toBe(14);
  });

  it('counts numbers by significant digits, ignoring leading and trailing zeros', () => {
    // Act / Assess: name 1 byte + ceil(digits / 2) + 1
    expect(itemSizeBytes({ n: 1 })).toBe(1 + 2);
    expect(itemSizeBytes({ n: 1500 })).toBe(1 + 2);
    expect(itemSizeBytes({ n: 1763000000 })).toBe(1 + 3);
    expect(itemSizeBytes({ n: -12.345 })).toBe(1 + 4);
  });

  it('adds 3 bytes per map or list and 1 per element, and nested keys count like names', () => {
    // Prepare
    const item = { m: { ab: 'x', c: true }, l: [1, 'yz'], e: {} };
    // Act
    const bytes = itemSizeBytes(item);
    // Assess: m = 1 + 3 + (1 + 2 + 1) + (1 + 1 + 1); l = 1 + 3 + (1 + 2) + (1 + 2); e = 1 + 3
    expect(bytes).toBe(11 + 10 + 4);
  });

  it('skips undefined attributes, as the document client removes them', () => {
    expect(itemSizeBytes({ a: 'x', b: undefined, c: null })).toBe(2 + 2);
  });
});

describe('writeUnits', () => {
  it('rounds up to started kilobytes and doubles inside a transaction', () => {
    expect(writeUnits(10, false)).toBe(1);
    expect(writeUnits(1024, true)).toBe(2);
    expect(writeUnits(1025, true)).toBe(4);
    expect(writeUnits(2100, false)).toBe(3);
  });
});
