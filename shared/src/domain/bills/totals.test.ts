import { checkBillTotals, lineTotalFen, MAX_LINE_FEN } from './totals';

const line = (
  id: string,
  quantity: number,
  unitPriceFen: number,
  lineTotalFen = quantity * unitPriceFen,
) => ({
  id,
  quantity,
  unitPriceFen,
  lineTotalFen,
});

describe('lineTotalFen', () => {
  it('multiplies integer quantity and integer unit price', () => {
    expect(lineTotalFen(3, 1850)).toBe(5550);
  });

  it('refuses fractions and negatives', () => {
    expect(lineTotalFen(1.5, 100)).toBeUndefined();
    expect(lineTotalFen(2, 99.5)).toBeUndefined();
    expect(lineTotalFen(-1, 100)).toBeUndefined();
  });
});

describe('checkBillTotals', () => {
  it('sums the line totals of consistent lines exactly', () => {
    expect(checkBillTotals([line('a', 1, 2500), line('b', 2, 1850), line('c', 3, 1)])).toEqual({
      ok: true,
      totalFen: 6203,
    });
  });

  it('refuses a line whose total is not quantity × unit price', () => {
    const result = checkBillTotals([line('a', 1, 2500), line('b', 2, 1850, 3600)]);
    expect(result).toEqual({
      ok: false,
      problems: [{ kind: 'line_mismatch', itemId: 'b', expectedFen: 3700, statedFen: 3600 }],
    });
  });

  it('refuses yuan-style decimals anywhere in a line', () => {
    const result = checkBillTotals([{ id: 'a', quantity: 1, unitPriceFen: 25.5, lineTotalFen: 25.5 }]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        { kind: 'not_integer', itemId: 'a', field: 'unitPriceFen' },
        { kind: 'not_integer', itemId: 'a', field: 'lineTotalFen' },
      ]);
  });

  it('refuses a zero quantity, a negative price and a line above the ceiling', () => {
    const result = checkBillTotals([line('z', 0, 100), line('n', 1, -5), line('big', 2, MAX_LINE_FEN)]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => [p.kind, 'itemId' in p ? p.itemId : ''])).toEqual([
        ['out_of_range', 'z'],
        ['out_of_range', 'n'],
        ['out_of_range', 'n'],
        ['out_of_range', 'big'],
      ]);
  });

  it('refuses an empty bill', () => {
    expect(checkBillTotals([])).toEqual({ ok: false, problems: [{ kind: 'empty' }] });
  });
});
