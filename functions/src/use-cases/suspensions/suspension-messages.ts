import { DOCTOR_TITLE_LABELS, type OutboxMessage, type SuspensionChoice, truncateText } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type { SuspensionOfferRecord } from '../../ports/suspension-store';
import { composeMessage } from '../messages/compose-message';

const link = (appointmentId: string) => `/pages/appointment-detail/index?id=${appointmentId}`;
const hhmm = (iso: string) => iso.slice(11, 16);
const when = (iso: string) => `${iso.slice(5, 10)} ${hhmm(iso)}`;
const PERIOD = { am: '上午', pm: '下午' } as const;

/** What the session_suspended template shows: the department and the visit's time. */
function visitFacts(a: AppointmentRecord): Record<string, string> {
  return {
    date: a.date,
    department: truncateText(a.departmentName, 100),
    doctor: truncateText(a.doctorName, 100),
    visitTime: `${a.date} ${hhmm(a.start)}`,
  };
}

/** The offer a displaced patient receives (Beijing art. 23: the patient is told, never silently dropped). */
export function offerMessage(
  a: AppointmentRecord,
  offer: SuspensionOfferRecord,
  reason: string,
  now: Date,
): OutboxMessage {
  const options = [
    offer.substitute
      ? `替诊：${offer.substitute.doctorName}（${DOCTOR_TITLE_LABELS[offer.substitute.doctorTitle]}）${hhmm(offer.substitute.start)}–${hhmm(offer.substitute.end)}，已为您保留`
      : undefined,
    offer.makeUp
      ? `补诊：${offer.makeUp.date} ${PERIOD[offer.makeUp.period]} ${offer.makeUp.doctorName}`
      : undefined,
    a.status === 'booked' && a.feeFen > 0 ? '退号：挂号费原路退回' : '退号',
  ].filter((o): o is string => o !== undefined);
  const fallback = offer.substitute ? '替诊' : '退号';
  return composeMessage(
    {
      kind: 'session_suspended',
      entityId: a.id,
      step: `suspension-offer:${offer.sessionId}`,
      recipientAccountId: a.accountId,
      title: '停诊通知',
      body: `${a.patientName}：您预约的 ${a.date} ${PERIOD[a.period]} ${a.doctorName} 门诊因“${truncateText(reason, 60)}”停诊。可选：${options.join('；')}。请在 ${when(offer.deadline)} 前选择，逾期按“${fallback}”处理。`,
      link: link(a.id),
      channels: ['wechat_subscribe', 'sms'],
      data: visitFacts(a),
    },
    now,
  );
}

/** What was done with the patient's booking once the offer is settled. */
export function resolutionMessage(
  a: AppointmentRecord,
  offer: SuspensionOfferRecord,
  choice: SuspensionChoice,
  moved: AppointmentRecord | undefined,
  now: Date,
): OutboxMessage {
  const refund = a.status === 'booked' && a.feeFen > 0 ? '，挂号费将原路退回' : '';
  const body =
    choice === 'cancel' || !moved
      ? `${a.patientName}：${a.date} ${PERIOD[a.period]} ${a.doctorName} 门诊停诊，您的预约已取消${refund}。`
      : `${a.patientName}：您的预约已改为 ${moved.date} ${hhmm(moved.start)}–${hhmm(moved.end)} ${moved.departmentName} ${moved.doctorName}（${DOCTOR_TITLE_LABELS[moved.doctorTitle]}），请按时就诊。`;
  return composeMessage(
    {
      kind: 'session_suspended',
      entityId: a.id,
      step: `suspension-resolved:${offer.sessionId}`,
      recipientAccountId: a.accountId,
      title: choice === 'cancel' ? '停诊退号' : '停诊改约成功',
      body,
      link: link(a.id),
      data: visitFacts(moved ?? a),
    },
    now,
  );
}
