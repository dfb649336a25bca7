import { toShanghaiIso, type OutboxMessage } from '@jiuyi/shared';
import { logger } from '../../http/logger';
import type { BillRecord } from '../../ports/bill-store';
import { HisError } from '../../ports/his';
import type { PaidFacts, PaymentRecord } from '../../ports/payment-store';
import { composeMessage } from '../messages/compose-message';
import { newRefund, yuan } from '../payments/payment-records';
import { executeRefund } from '../payments/refunds';
import type { PaymentPorts } from '../payments/payment-ports';
import { BILLS_PAGE, billPaidMessage } from './bill-records';
import { billItemIds } from './bill-view';

export type BillConfirmOutcome = 'booked' | 'refunding' | 'duplicate' | 'moved';

/** Longer than any HIS call with its retry; a crashed holder's lease lapses for the sweep. */
const WRITE_BACK_LEASE_MS = 60_000;

/** The money arrived after the bill's items had gone to another payment: it all goes back. */
function billPaidAfterReleaseMessage(payment: PaymentRecord, now: Date): OutboxMessage {
  return composeMessage(
    {
      kind: 'payment_succeeded',
      entityId: payment.id,
      step: 'bill-paid-after-release',
      recipientAccountId: payment.accountId,
      title: '缴费到账时项目已另行缴费，将全额退款',
      body: `您支付的 ${yuan(payment.amountFen)} 到账时，支付时限已过，所选项目已由另一笔支付缴费。款项将全额原路退回，请留意退款通知。`,
      link: BILLS_PAGE,
    },
    now,
  );
}

function billIdOf(payment: PaymentRecord): string | undefined {
  return payment.subject.kind === 'bill' ? payment.subject.billId : undefined;
}

/**
 * Tells the HIS which items the payment paid, once: skipped when the bill records that the HIS
 * already confirmed, and a lease on the bill lets one process at a time make the call, so racing
 * duplicates (a notification and the reconciliation) call the HIS once. A HIS that
 * is down throws, so the notification is answered with an error and WeChat sends it again; a HIS
 * that refuses (an item paid at the window meanwhile, a price changed) is flagged for staff.
 */
export async function writeBackPaidBill(
  ports: PaymentPorts,
  payment: PaymentRecord,
  now: Date,
): Promise<void> {
  const billId = billIdOf(payment);
  const bill = billId ? await ports.bills.get(billId) : undefined;
  if (!bill || bill.status !== 'paid' || bill.writtenBackAt || bill.writeBackRefusedAt) return;
  if (!payment.transactionId) return;
  const at = toShanghaiIso(now);
  const until = toShanghaiIso(new Date(now.getTime() + WRITE_BACK_LEASE_MS));
  if (!(await ports.bills.claimWriteBack(bill.id, at, until))) return;
  try {
    await ports.his.markPaid({
      patientId: bill.patientId,
      paymentId: payment.id,
      transactionId: payment.transactionId,
      itemIds: billItemIds(bill),
      totalFen: bill.totalFen,
      paidAt: payment.paidAt ?? toShanghaiIso(now),
    });
  } catch (error) {
    if (!(error instanceof HisError) || error.transient) {
      await ports.bills.releaseWriteBack(bill.id);
      throw error;
    }
    logger.error('HIS refused a paid bill', { paymentId: payment.id, code: error.code });
    await ports.payments.flagIssue({
      id: `his_rejected-${payment.id}`,
      kind: 'his_rejected',
      paymentId: payment.id,
      outTradeNo: payment.outTradeNo,
      transactionId: payment.transactionId,
      expectedFen: bill.totalFen,
      detail: `医院收费系统拒绝登记已支付的项目（${error.code}：${error.itemIds.join(',')}），请人工核对并退款`,
      at: toShanghaiIso(now),
    });
    await ports.bills.markWriteBackRefused(bill.id, toShanghaiIso(now));
    return;
  }
  if (await ports.bills.markWrittenBack(bill.id, toShanghaiIso(now)))
    logger.info('bill written back to HIS', { paymentId: payment.id, billId: bill.id });
}

async function refundLatePayment(
  ports: PaymentPorts,
  payment: PaymentRecord,
  paid: PaidFacts,
  now: Date,
): Promise<BillConfirmOutcome> {
  const refund = newRefund(
    payment,
    { amountFen: payment.amountFen, cause: 'hold_released', reason: '缴费到账时项目已另行缴费' },
    now,
  );
  const outcome = await ports.payments.confirmPaidForRefund(payment, paid, refund, [
    billPaidAfterReleaseMessage(payment, now),
  ]);
  if (outcome.kind === 'refund_required') {
    logger.warn('bill payment after its items were taken: refunding in full', { paymentId: payment.id });
    await executeRefund(ports, outcome.refund, now);
    return 'refunding';
  }
  return outcome.kind === 'duplicate' ? 'duplicate' : 'moved';
}

/**
 * Applies a paid bill payment once (the bill branch of the payment confirmation).
 * 1. Bill still pending → one transaction: payment paid, bill and item locks paid, ledger, message;
 *    then the HIS is told.
 * 2. Bill superseded or closed (its items went to another payment after the hold) → paid and
 *    refunded in full, patient told.
 * 3. Anything that moved in between → `moved`, and the caller reads the payment again.
 */
export async function applyBillPaid(
  ports: PaymentPorts,
  payment: PaymentRecord,
  paid: PaidFacts,
  now: Date,
): Promise<BillConfirmOutcome> {
  const billId = billIdOf(payment);
  const bill: BillRecord | undefined = billId ? await ports.bills.get(billId) : undefined;
  if (!bill) throw new Error(`bill of payment ${payment.id} not found`);
  if (bill.status === 'pending') {
    const outcome = await ports.payments.confirmBillPaid(payment, bill, paid, [
      billPaidMessage(payment, bill, now),
    ]);
    if (outcome.kind === 'booked' || outcome.kind === 'duplicate') {
      await writeBackPaidBill(ports, outcome.payment, now);
      return outcome.kind;
    }
    if (await ports.bills.supersedeIfLost(bill, paid.at)) return refundLatePayment(ports, payment, paid, now);
    return 'moved';
  }
  if (bill.status === 'paid') return 'duplicate';
  await ports.bills.supersedeIfLost(bill, paid.at);
  return refundLatePayment(ports, payment, paid, now);
}
