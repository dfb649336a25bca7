import { DOCTOR_TITLE_LABELS, type OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import { composeMessage } from '../messages/compose-message';

const PERIOD = { am: '上午', pm: '下午' } as const;

/** Tells the patient their referring doctor booked them a number, and how to pay when there is a fee. */
export function referralBookingMessage(a: AppointmentRecord, now: Date): OutboxMessage {
  const pay =
    a.status === 'pending_payment'
      ? `请在 ${a.holdExpiresAt?.slice(11, 16) ?? ''} 前在“我的预约”中支付挂号费，逾期号源将释放。`
      : '请按时就诊。';
  return composeMessage(
    {
      kind: 'booking_confirmed',
      entityId: a.id,
      step: 'referral',
      recipientAccountId: a.accountId,
      title: '转诊预约成功',
      body: `${a.patientName}：转诊医生已为您预约 ${a.date} ${PERIOD[a.period]} ${a.start.slice(11, 16)}–${a.end.slice(11, 16)} ${a.departmentName} ${a.doctorName}（${DOCTOR_TITLE_LABELS[a.doctorTitle]}）。请携带转诊单及本人证件就诊。${pay}`,
      link: `/pages/appointment-detail/index?id=${a.id}`,
      data: {
        patientName: a.patientName,
        department: a.departmentName,
        visitTime: `${a.date} ${a.start.slice(11, 16)}`,
      },
    },
    now,
  );
}
