import { DOCTOR_TITLE_LABELS, type OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import { composeMessage } from '../messages/compose-message';

const PERIOD = { am: '上午', pm: '下午' } as const;

/** What each way a doctor books for a patient says: who booked, the title, and what to bring. */
const DOCTOR_BOOKING_WORDING = {
  extra_number: { title: '加号成功', who: '医生已为您加号', bring: '' },
  referral: { title: '转诊预约成功', who: '转诊医生已为您预约', bring: '请携带转诊单及本人证件就诊。' },
  in_clinic: { title: '诊间预约成功', who: '医生已为您预约', bring: '' },
} as const;

/**
 * Tells the patient a doctor booked them a number (in the consulting room, as an extra number, or by
 * referral from an alliance clinic), and how to pay when there is a fee.
 */
export function doctorBookingMessage(a: AppointmentRecord, now: Date): OutboxMessage {
  const wording = DOCTOR_BOOKING_WORDING[a.bookedVia ?? 'in_clinic'];
  const pay =
    a.status === 'pending_payment'
      ? `请在 ${a.holdExpiresAt?.slice(11, 16) ?? ''} 前在“我的预约”中支付挂号费，逾期号源将释放。`
      : '请按时就诊。';
  return composeMessage(
    {
      kind: 'booking_confirmed',
      entityId: a.id,
      step: a.bookedVia ?? 'doctor',
      recipientAccountId: a.accountId,
      title: wording.title,
      body: `${a.patientName}：${wording.who} ${a.date} ${PERIOD[a.period]} ${a.start.slice(11, 16)}–${a.end.slice(11, 16)} ${a.departmentName} ${a.doctorName}（${DOCTOR_TITLE_LABELS[a.doctorTitle]}）。${wording.bring}${pay}`,
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
