import { shanghaiTime, type NoShowPolicy, type OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import { composeMessage } from '../messages/compose-message';
import { yuan } from '../payments/payment-records';
import { toAppointmentView } from './appointment-view';

const appointmentPage = (id: string) => `/pages/appointment-detail/index?id=${id}`;
const WAITLIST_PAGE = '/pages/waitlist/index';

function facts(a: AppointmentRecord, now: Date) {
  const { confirmation } = toAppointmentView(a, now);
  return {
    confirmation,
    data: {
      patientName: a.patientName,
      department: a.departmentName,
      visitTime: confirmation.slotTime,
      doctor: confirmation.doctor,
    },
  };
}

/** The time to pay (or confirm) by, as the patient reads it. */
function deadline(a: AppointmentRecord): string {
  return a.holdExpiresAt ? `${a.holdExpiresAt.slice(0, 10)} ${shanghaiTime(new Date(a.holdExpiresAt))}` : '';
}

/**
 * The booking confirmation (Beijing art. 15): time slot, department, doctor and title, how to
 * cancel and the no-show penalty; an unpaid hold also says by when to pay.
 */
export function bookingConfirmedMessage(a: AppointmentRecord, now: Date): OutboxMessage {
  const { confirmation, data } = facts(a, now);
  const pay = a.status === 'pending_payment' ? `请在 ${deadline(a)} 前完成支付，逾期号源自动释放。` : '';
  return composeMessage(
    {
      kind: 'booking_confirmed',
      entityId: a.id,
      step: a.status === 'pending_payment' ? 'held' : 'booked',
      recipientAccountId: a.accountId,
      title: a.status === 'pending_payment' ? '预约待支付' : '预约成功',
      body: `${a.patientName}：已为您预约 ${confirmation.slotTime} ${confirmation.department} ${confirmation.doctor}。${pay}取消方式：${confirmation.howToCancel}爽约规则：${confirmation.noShowPenalty}`,
      link: appointmentPage(a.id),
      data,
    },
    now,
  );
}

/** A released number is held for the first in the waitlist: what it is and by when to take it. */
export function waitlistOfferMessage(a: AppointmentRecord, now: Date): OutboxMessage {
  const { confirmation, data } = facts(a, now);
  const act = a.feeFen > 0 ? '完成支付' : '在“我的候补”中确认';
  return composeMessage(
    {
      kind: 'waitlist_freed',
      entityId: a.id,
      step: 'offered',
      recipientAccountId: a.accountId,
      title: '候补成功，请及时确认',
      body: `${a.patientName}：您候补的 ${confirmation.slotTime} ${confirmation.department} ${confirmation.doctor} 有号了，已为您保留。请在 ${deadline(a)} 前${act}，逾期号源将让给下一位。取消方式：${confirmation.howToCancel}爽约规则：${confirmation.noShowPenalty}`,
      link: appointmentPage(a.id),
      data,
    },
    now,
  );
}

/** Why a waiting patient was passed over, in words they can act on. */
const SKIP_TEXT: Record<string, string> = {
  duplicate: '该就诊人在此出诊单元已有预约',
  limit: '该就诊人或账号当天的预约数量已达上限',
  no_show_block: '该就诊人因多次爽约暂停网上预约',
  closed: '该出诊单元已停止预约',
};

/** The waitlist ended without a number: passed over or the session closed. */
export function waitlistEndedMessage(
  entry: { id: string; accountId: string; patientName: string; date: string; departmentName: string },
  reason: string,
  now: Date,
): OutboxMessage {
  return composeMessage(
    {
      kind: 'waitlist_freed',
      entityId: entry.id,
      step: `ended-${reason}`,
      recipientAccountId: entry.accountId,
      title: '候补未成功',
      body: `${entry.patientName}：您候补的 ${entry.date} ${entry.departmentName} 未能分配号源（${SKIP_TEXT[reason] ?? '候补已结束'}）。`,
      link: WAITLIST_PAGE,
      data: { patientName: entry.patientName, department: entry.departmentName, visitTime: entry.date },
    },
    now,
  );
}

/** A visit became a no-show: which one, how many now count, and what the next one costs. */
export function noShowMessage(
  a: AppointmentRecord,
  countInWindow: number,
  policy: NoShowPolicy,
  now: Date,
): OutboxMessage {
  const { confirmation, data } = facts(a, now);
  const blocked = countInWindow >= policy.threshold;
  const consequence = blocked
    ? `已暂停网上预约 ${policy.blockDays} 天。`
    : `${policy.windowDays} 天内爽约 ${policy.threshold} 次将暂停网上预约 ${policy.blockDays} 天。`;
  return composeMessage(
    {
      kind: 'no_show_warning',
      entityId: a.id,
      step: 'recorded',
      recipientAccountId: a.accountId,
      title: '爽约记录',
      body: `${a.patientName}：您预约的 ${confirmation.slotTime} ${confirmation.department} ${confirmation.doctor} 未取消也未就诊，已记爽约（${policy.windowDays} 天内第 ${countInWindow} 次）。${consequence}`,
      link: appointmentPage(a.id),
      data,
    },
    now,
  );
}

/** Checked in: the queue number. */
export function checkedInMessage(a: AppointmentRecord, queueNumber: number, now: Date): OutboxMessage {
  const { confirmation, data } = facts(a, now);
  return composeMessage(
    {
      kind: 'general',
      entityId: a.id,
      step: 'checked-in',
      recipientAccountId: a.accountId,
      title: '签到成功',
      body: `${a.patientName}：已签到 ${confirmation.department} ${confirmation.doctor}，您的排队号是 ${queueNumber} 号，请留意叫号。`,
      link: appointmentPage(a.id),
      data: { ...data, queueNumber: String(queueNumber) },
    },
    now,
  );
}

/**
 * The identity check at triage failed and the booking is void (Beijing art. 20–21); a paid fee
 * goes back in full (`refundFen`, 0 when nothing was paid).
 */
export function voidedMessage(a: AppointmentRecord, refundFen: number, now: Date): OutboxMessage {
  const { confirmation, data } = facts(a, now);
  const refund = refundFen > 0 ? `已支付的挂号费 ${yuan(refundFen)} 将全额原路退回。` : '';
  return composeMessage(
    {
      kind: 'general',
      entityId: a.id,
      step: 'voided',
      recipientAccountId: a.accountId,
      title: '预约已作废',
      body: `${a.patientName}：${confirmation.slotTime} ${confirmation.department} 的预约在签到时核验证件不一致，已作废，号源已释放。${refund}实名就医须由就诊人本人持预约所用证件就诊，请重新预约。`,
      link: appointmentPage(a.id),
      data,
    },
    now,
  );
}

/**
 * Outpatient staff undid a void (the check was a mistake): the number is the patient's again, as
 * `restored`; one that had been paid is unpaid now (that fee went back), so it is held for payment.
 */
export function voidUndoneMessage(restored: AppointmentRecord, now: Date): OutboxMessage {
  const { confirmation, data } = facts(restored, now);
  const next =
    restored.status === 'pending_payment'
      ? `原挂号费已全额原路退回，请在 ${deadline(restored)} 前重新支付挂号费，逾期号源自动释放。`
      : '请到分诊台签到。';
  return composeMessage(
    {
      kind: 'general',
      entityId: restored.id,
      step: 'void-undone',
      recipientAccountId: restored.accountId,
      title: '预约作废已撤销',
      body: `${restored.patientName}：${confirmation.slotTime} ${confirmation.department} ${confirmation.doctor} 的预约作废已由门诊工作人员撤销，号源已为您恢复。${next}`,
      link: appointmentPage(restored.id),
      data,
    },
    now,
  );
}
