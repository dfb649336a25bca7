import { randomUUID } from 'node:crypto';
import { type BillLine, type OutboxMessage, toShanghaiIso, truncateText } from '@jiuyi/shared';
import type { BillRecord } from '../../ports/bill-store';
import type { PaymentRecord } from '../../ports/payment-store';
import { composeMessage } from '../messages/compose-message';
import { newPayment, yuan } from '../payments/payment-records';

/** How long a bill's items stay reserved for its payment; WeChat refuses the payment after it. */
export const BILL_HOLD_MINUTES = 15;

export const BILLS_PAGE = '/pages/bills/index';

/** A new pending bill; its payment id is chosen now, so concurrent requests create the same payment. */
export function newBill(
  init: { accountId: string; patientId: string; lines: BillLine[]; totalFen: number },
  now: Date,
): BillRecord {
  const at = toShanghaiIso(now);
  return {
    id: randomUUID(),
    accountId: init.accountId,
    patientId: init.patientId,
    paymentId: randomUUID(),
    lines: init.lines,
    totalFen: init.totalFen,
    status: 'pending',
    expiresAt: toShanghaiIso(new Date(now.getTime() + BILL_HOLD_MINUTES * 60_000)),
    createdAt: at,
    updatedAt: at,
    refunds: {},
  };
}

/** What the payer sees in WeChat: the first item's name and how many more. */
function describe(bill: BillRecord): string {
  const first = bill.lines[0]?.name ?? '门诊费用';
  const more = bill.lines.length > 1 ? `等${bill.lines.length}项` : '';
  return truncateText(`门诊缴费-${first}${more}`, 127);
}

/** The bill's unpaid WeChat payment: the bill's total, expiring with the bill's hold. */
export function newBillPayment(bill: BillRecord, payerOpenid: string, now: Date): PaymentRecord {
  return newPayment(
    {
      id: bill.paymentId,
      accountId: bill.accountId,
      subject: { kind: 'bill', billId: bill.id },
      description: describe(bill),
      amountFen: bill.totalFen,
      payerOpenid,
      expiresAt: bill.expiresAt,
    },
    now,
  );
}

/** 缴费成功 (NHC 2023: a message after payment). */
export function billPaidMessage(payment: PaymentRecord, bill: BillRecord, now: Date): OutboxMessage {
  return composeMessage(
    {
      kind: 'payment_succeeded',
      entityId: payment.id,
      step: 'bill-paid',
      recipientAccountId: payment.accountId,
      title: '门诊缴费成功',
      body: `您已缴费 ${yuan(bill.totalFen)}（${bill.lines.length} 项）。检查请按申请单到相应科室，药品请到药房取药。`,
      link: BILLS_PAGE,
      data: { amount: yuan(bill.totalFen) },
    },
    now,
  );
}
