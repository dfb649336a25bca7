import { addDays, daysBetween, type Statement, type StatementSummary } from '@jiuyi/shared';
import type { LedgerLine } from '../../ports/payment-store';
import type { PaymentPorts } from './payment-ports';

function summarise(date: string, lines: LedgerLine[]): StatementSummary {
  const payments = lines.filter((l) => l.kind === 'payment');
  const refunds = lines.filter((l) => l.kind === 'refund');
  const paymentsFen = payments.reduce((sum, l) => sum + l.amountFen, 0);
  const refundsFen = refunds.reduce((sum, l) => sum + l.amountFen, 0);
  return {
    date,
    paymentCount: payments.length,
    paymentsFen,
    refundCount: refunds.length,
    refundsFen,
    netFen: paymentsFen - refundsFen,
  };
}

/** One day's statement: money that settled that day (Shanghai), oldest first, with totals. */
export async function getStatement(ports: Pick<PaymentPorts, 'payments'>, date: string): Promise<Statement> {
  const lines = (await ports.payments.ledger(date)).sort((a, b) => a.at.localeCompare(b.at));
  return {
    ...summarise(date, lines),
    lines: lines.map((l) => ({
      kind: l.kind,
      at: l.at,
      paymentId: l.paymentId,
      outTradeNo: l.outTradeNo,
      transactionId: l.transactionId,
      ...(l.refundId ? { refundId: l.refundId } : {}),
      ...(l.outRefundNo ? { outRefundNo: l.outRefundNo } : {}),
      amountFen: l.amountFen,
      description: l.description,
    })),
  };
}

/** Daily totals for a date range, one summary per day. */
export async function listStatements(
  ports: Pick<PaymentPorts, 'payments'>,
  from: string,
  to: string,
): Promise<StatementSummary[]> {
  const days = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
  return Promise.all(days.map(async (d) => summarise(d, await ports.payments.ledger(d))));
}

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = value;
  // Quote anything a spreadsheet could misread; a leading =+-@ would be run as a formula.
  const formulaLike = /^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text);
  const guarded = formulaLike ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) || guarded !== text ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function yuanPlain(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The statement as CSV (UTF-8 with BOM so Excel reads the Chinese), amounts in fen and yuan. */
export function statementCsv(statement: Statement): string {
  const kindLabel = { payment: '收款', refund: '退款' } as const;
  const rows: Array<Array<string | number>> = [
    ['类型', '时间', '商户订单号', '微信支付单号', '商户退款单号', '金额(分)', '金额(元)', '说明'],
    ...statement.lines.map((l) => [
      kindLabel[l.kind],
      l.at,
      l.outTradeNo,
      l.transactionId,
      l.outRefundNo ?? '',
      l.kind === 'refund' ? -l.amountFen : l.amountFen,
      yuanPlain(l.kind === 'refund' ? -l.amountFen : l.amountFen),
      l.description,
    ]),
    [],
    [
      '收款合计',
      statement.date,
      `${statement.paymentCount} 笔`,
      '',
      '',
      statement.paymentsFen,
      yuanPlain(statement.paymentsFen),
      '',
    ],
    [
      '退款合计',
      statement.date,
      `${statement.refundCount} 笔`,
      '',
      '',
      -statement.refundsFen,
      yuanPlain(-statement.refundsFen),
      '',
    ],
    ['净额', statement.date, '', '', '', statement.netFen, yuanPlain(statement.netFen), ''],
  ];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
