import type { OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type { PaymentRecord, RefundRecord } from '../../ports/payment-store';
import { composeMessage } from '../messages/compose-message';
import { yuan } from './payment-records';

const appointmentLink = (appointmentId: string) => `/pages/appointment-detail/index?id=${appointmentId}`;

function linkOf(payment: PaymentRecord): string {
  return payment.subject.kind === 'bill'
    ? '/pages/bills/index'
    : appointmentLink(payment.subject.appointmentId);
}

/** 支付成功: the fee is paid and the number is the patient's. */
export function paidMessage(
  payment: PaymentRecord,
  appointment: AppointmentRecord,
  now: Date,
): OutboxMessage {
  return composeMessage(
    {
      kind: 'payment_succeeded',
      entityId: payment.id,
      step: 'paid',
      recipientAccountId: payment.accountId,
      title: '支付成功，预约已确认',
      body: `您已支付挂号费 ${yuan(payment.amountFen)}。${appointment.departmentName} ${appointment.doctorName}，${appointment.date} ${appointment.start.slice(11, 16)}–${appointment.end.slice(11, 16)}，请按时就诊。`,
      link: linkOf(payment),
      data: { amount: yuan(payment.amountFen), department: appointment.departmentName },
    },
    now,
  );
}

/** The money arrived after the hold was released: the patient is told it goes straight back. */
export function paidAfterReleaseMessage(payment: PaymentRecord, now: Date): OutboxMessage {
  return composeMessage(
    {
      kind: 'payment_succeeded',
      entityId: payment.id,
      step: 'paid-after-release',
      recipientAccountId: payment.accountId,
      title: '支付到账时号源已释放，将全额退款',
      body: `您支付的 ${yuan(payment.amountFen)} 到账时，预约的支付时限已过、号源已释放。款项将全额原路退回，请留意退款通知；如需就诊请重新预约。`,
      link: linkOf(payment),
      data: { amount: yuan(payment.amountFen) },
    },
    now,
  );
}

/** 退款成功. */
export function refundedMessage(payment: PaymentRecord, refund: RefundRecord, now: Date): OutboxMessage {
  return composeMessage(
    {
      kind: 'refund_completed',
      entityId: refund.id,
      step: 'succeeded',
      recipientAccountId: payment.accountId,
      title: '退款成功',
      body: `${yuan(refund.amountFen)} 已原路退回您的微信支付账户（${refund.reason}）。`,
      link: linkOf(payment),
      data: { amount: yuan(refund.amountFen) },
    },
    now,
  );
}

/** An amount WeChat collected that was not the fee: nothing is booked and all of it goes back. */
export function mismatchRefundMessage(
  payment: PaymentRecord,
  refund: RefundRecord,
  now: Date,
): OutboxMessage {
  return composeMessage(
    {
      kind: 'payment_succeeded',
      entityId: payment.id,
      step: 'mismatch-refund',
      recipientAccountId: payment.accountId,
      title: '支付金额有误，预约未完成，将全额退款',
      body: `您支付的 ${yuan(refund.amountFen)} 与应付金额不符，预约未完成。款项将全额原路退回，请留意退款通知；如需就诊请重新预约。`,
      link: linkOf(payment),
      data: { amount: yuan(refund.amountFen) },
    },
    now,
  );
}
