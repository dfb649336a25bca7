import { randomUUID } from 'node:crypto';
import { toShanghaiIso, truncateText, type RefundCause } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type { PaymentActor, PaymentRecord, RefundRecord } from '../../ports/payment-store';
import { compactId } from './payment-numbers';

/** How long after its creation a pending payment or refund is first checked with WeChat. */
export const FIRST_CHECK_DELAY_MS = 60_000;

/** `¥15.00` from 1500 fen, without floating point. */
export function yuan(fen: number): string {
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export function checkAfter(now: Date, delayMs = FIRST_CHECK_DELAY_MS): string {
  return toShanghaiIso(new Date(now.getTime() + delayMs));
}

/** A new unpaid payment, first checked with WeChat a minute from now; its order number is its id. */
export function newPayment(
  init: Pick<
    PaymentRecord,
    'id' | 'accountId' | 'subject' | 'description' | 'amountFen' | 'payerOpenid' | 'expiresAt'
  >,
  now: Date,
): PaymentRecord {
  const at = toShanghaiIso(now);
  return {
    id: init.id,
    outTradeNo: compactId(init.id),
    accountId: init.accountId,
    subject: init.subject,
    description: init.description,
    amountFen: init.amountFen,
    payerOpenid: init.payerOpenid,
    status: 'created',
    expiresAt: init.expiresAt,
    refundedFen: 0,
    refundingFen: 0,
    nextCheckAt: checkAfter(now),
    createdAt: at,
    updatedAt: at,
    version: 0,
  };
}

/** A new unpaid payment of an appointment's registration fee, expiring with its hold. */
export function newAppointmentPayment(
  appointment: AppointmentRecord,
  payerOpenid: string,
  now: Date,
): PaymentRecord {
  return newPayment(
    {
      id: randomUUID(),
      accountId: appointment.accountId,
      subject: { kind: 'appointment', appointmentId: appointment.id },
      description: truncateText(
        `挂号费-${appointment.departmentName}-${appointment.doctorName}-${appointment.date}`,
        127,
      ),
      amountFen: appointment.feeFen,
      payerOpenid,
      expiresAt: appointment.holdExpiresAt ?? toShanghaiIso(now),
    },
    now,
  );
}

/** A new refund request of `amountFen` against a payment. */
export function newRefund(
  payment: PaymentRecord,
  init: { amountFen: number; cause: RefundCause; reason: string; requestedBy?: PaymentActor },
  now: Date,
): RefundRecord {
  const id = randomUUID();
  const at = toShanghaiIso(now);
  return {
    id,
    paymentId: payment.id,
    outRefundNo: compactId(id),
    amountFen: init.amountFen,
    status: 'requested',
    cause: init.cause,
    reason: init.reason,
    requestedAt: at,
    ...(init.requestedBy ? { requestedBy: init.requestedBy } : {}),
    nextCheckAt: checkAfter(now),
    updatedAt: at,
  };
}

/** The order's real total at WeChat: what it collected (an amount mismatch) or the amount asked. */
export function orderTotalFen(payment: PaymentRecord): number {
  return payment.receivedFen ?? payment.amountFen;
}

/** What is left to refund: paid, minus refunded, minus refunds on their way. */
export function refundableFen(payment: PaymentRecord): number {
  const paid = ['paid', 'refunding', 'refunded'].includes(payment.status) ? orderTotalFen(payment) : 0;
  return paid - payment.refundedFen - payment.refundingFen;
}
