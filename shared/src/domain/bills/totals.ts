/**
 * Outpatient bill arithmetic (诊间支付). Every amount is an integer number of fen, so a total is an
 * exact sum and nothing is ever rounded; a line whose stored total disagrees with quantity × unit
 * price is refused rather than trusted, because the patient must pay exactly what the HIS charges.
 */

/** The most one bill line may cost (¥1,000,000): far above any outpatient item, far below 2^53. */
export const MAX_LINE_FEN = 100_000_000;

export interface PricedLine {
  id: string;
  quantity: number;
  unitPriceFen: number;
  lineTotalFen: number;
}

export type TotalsProblem =
  | { kind: 'not_integer'; itemId: string; field: 'quantity' | 'unitPriceFen' | 'lineTotalFen' }
  | { kind: 'out_of_range'; itemId: string; field: 'quantity' | 'unitPriceFen' | 'lineTotalFen' }
  | { kind: 'line_mismatch'; itemId: string; expectedFen: number; statedFen: number }
  | { kind: 'empty' };

export type TotalsCheck = { ok: true; totalFen: number } | { ok: false; problems: TotalsProblem[] };

/** quantity × unit price, or undefined when either is not a non-negative safe integer. */
export function lineTotalFen(quantity: number, unitPriceFen: number): number | undefined {
  if (!Number.isSafeInteger(quantity) || !Number.isSafeInteger(unitPriceFen)) return undefined;
  if (quantity < 0 || unitPriceFen < 0) return undefined;
  const total = quantity * unitPriceFen;
  return Number.isSafeInteger(total) ? total : undefined;
}

function lineProblems(line: PricedLine): TotalsProblem[] {
  const fields = ['quantity', 'unitPriceFen', 'lineTotalFen'] as const;
  const notInteger = fields.filter((f) => !Number.isInteger(line[f]));
  if (notInteger.length) return notInteger.map((field) => ({ kind: 'not_integer', itemId: line.id, field }));
  const outOfRange = fields.filter(
    (f) => line[f] < 0 || line[f] > MAX_LINE_FEN || (f === 'quantity' && line[f] === 0),
  );
  if (outOfRange.length) return outOfRange.map((field) => ({ kind: 'out_of_range', itemId: line.id, field }));
  const expected = lineTotalFen(line.quantity, line.unitPriceFen);
  if (expected === undefined || expected > MAX_LINE_FEN)
    return [{ kind: 'out_of_range', itemId: line.id, field: 'lineTotalFen' }];
  if (expected !== line.lineTotalFen)
    return [{ kind: 'line_mismatch', itemId: line.id, expectedFen: expected, statedFen: line.lineTotalFen }];
  return [];
}

/**
 * Checks every line (integers, a positive quantity, quantity × unit price = line total) and sums
 * the line totals. Any problem refuses the whole bill: a partly trusted bill is not a bill.
 */
export function checkBillTotals(lines: readonly PricedLine[]): TotalsCheck {
  if (lines.length === 0) return { ok: false, problems: [{ kind: 'empty' }] };
  const problems = lines.flatMap(lineProblems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, totalFen: lines.reduce((sum, l) => sum + l.lineTotalFen, 0) };
}
