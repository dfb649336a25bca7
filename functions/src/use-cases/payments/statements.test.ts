import type { Statement } from '@jiuyi/shared';
import { statementCsv } from './statements';

const statement: Statement = {
  date: '2025-10-13',
  paymentCount: 2,
  paymentsFen: 3005,
  refundCount: 1,
  refundsFen: 1500,
  netFen: 1505,
  lines: [
    {
      kind: 'payment',
      at: '2025-10-13T09:00:00.000+08:00',
      paymentId: '11111111-1111-4111-8111-111111111111',
      outTradeNo: '11111111111141118111111111111111',
      transactionId: '4200000000000000000000000001',
      amountFen: 1500,
      description: '挂号费-脊柱外科-王医生-2025-10-15',
    },
    {
      kind: 'payment',
      at: '2025-10-13T09:05:00.000+08:00',
      paymentId: '22222222-2222-4222-8222-222222222222',
      outTradeNo: '22222222222242228222222222222222',
      transactionId: '4200000000000000000000000002',
      amountFen: 1505,
      description: '=HYPERLINK("http://evil"),"x"',
    },
    {
      kind: 'refund',
      at: '2025-10-13T10:00:00.000+08:00',
      paymentId: '11111111-1111-4111-8111-111111111111',
      outTradeNo: '11111111111141118111111111111111',
      transactionId: '4200000000000000000000000001',
      refundId: '33333333-3333-4333-8333-333333333333',
      outRefundNo: '33333333333343338333333333333333',
      amountFen: 1500,
      description: '挂号费-脊柱外科-王医生-2025-10-15',
    },
  ],
};

describe('statementCsv', () => {
  it('writes a BOM, one row per line with signed fen and yuan, and the three totals', () => {
    // Act
    const rows = statementCsv(statement).slice(1).trimEnd().split('\r\n');
    // Assess
    expect(statementCsv(statement).startsWith('\uFEFF')).toBe(true);
    expect(rows[1]).toBe(
      '收款,2025-10-13T09:00:00.000+08:00,11111111111141118111111111111111,4200000000000000000000000001,,1500,15.00,挂号费-脊柱外科-王医生-2025-10-15',
    );
    expect(rows[3]).toContain(',33333333333343338333333333333333,-1500,-15.00,');
    expect(rows.slice(-3)).toEqual([
      '收款合计,2025-10-13,2 笔,,,3005,30.05,',
      '退款合计,2025-10-13,1 笔,,,-1500,-15.00,',
      '净额,2025-10-13,,,,1505,15.05,',
    ]);
  });

  it('neutralises text a spreadsheet would run as a formula and quotes commas and quotes', () => {
    const row = statementCsv(statement).split('\r\n')[2];
    expect(row?.endsWith(`,"'=HYPERLINK(""http://evil""),""x"""`)).toBe(true);
  });
});
