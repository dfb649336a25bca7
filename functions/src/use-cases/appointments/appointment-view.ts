import {
  DOCTOR_TITLE_LABELS,
  SESSION_HOURS,
  type AppointmentStatus,
  type AppointmentView,
} from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import { NO_SHOW_PENALTY_TEXT } from './booking-policy';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** An unpaid hold past its expiry reads as released even before the scheduled release has run. */
export function isExpiredHold(a: Pick<AppointmentRecord, 'status' | 'holdExpiresAt'>, now: Date): boolean {
  return (
    a.status === 'pending_payment' &&
    !!a.holdExpiresAt &&
    new Date(a.holdExpiresAt).getTime() <= now.getTime()
  );
}

function slotTime(a: AppointmentRecord): string {
  const weekday = WEEKDAYS[new Date(`${a.date}T12:00:00+08:00`).getUTCDay()] ?? '';
  return `${a.date}（${weekday}）${a.start.slice(11, 16)}–${a.end.slice(11, 16)}`;
}

/** The contract shape, with the confirmation the patient must be given (Beijing art. 15). */
export function toAppointmentView(a: AppointmentRecord, now: Date): AppointmentView {
  const expired = isExpiredHold(a, now);
  const status: AppointmentStatus = expired ? 'cancelled' : a.status;
  const cancelReason = expired ? 'hold_expired' : a.cancelReason;
  const titleLabel = DOCTOR_TITLE_LABELS[a.doctorTitle];
  return {
    id: a.id,
    slotId: a.slotId,
    sessionId: a.sessionId,
    patientId: a.patientId,
    patientName: a.patientName,
    status,
    feeFen: a.feeFen,
    ...(a.holdExpiresAt ? { holdExpiresAt: a.holdExpiresAt } : {}),
    date: a.date,
    period: a.period,
    start: a.start,
    end: a.end,
    department: { id: a.departmentId, name: a.departmentName },
    doctor: { id: a.doctorId, name: a.doctorName, title: a.doctorTitle, titleLabel },
    confirmation: {
      slotTime: slotTime(a),
      department: a.departmentName,
      doctor: `${a.doctorName} ${titleLabel}`,
      howToCancel: `请在就诊当天 ${SESSION_HOURS[a.period].end} 前在“我的预约”中取消；已支付的挂号费原路退回。`,
      noShowPenalty: NO_SHOW_PENALTY_TEXT,
    },
    createdAt: a.createdAt,
    ...(a.cancelledAt ? { cancelledAt: a.cancelledAt } : {}),
    ...(cancelReason ? { cancelReason } : {}),
    ...(a.refundRequired !== undefined ? { refundRequired: a.refundRequired } : {}),
    ...(a.suspensionOffer ? { suspensionOffer: a.suspensionOffer } : {}),
    ...(a.queueNumber !== undefined ? { queueNumber: a.queueNumber } : {}),
    ...(a.checkedInAt ? { checkedInAt: a.checkedInAt } : {}),
    ...(a.voidedAt ? { voidedAt: a.voidedAt } : {}),
    ...(a.voidUndo
      ? { voidUndo: { at: a.voidUndo.at, restoredAppointmentId: a.voidUndo.restoredAppointmentId } }
      : {}),
    ...(a.restoredFromAppointmentId ? { restoredFromAppointmentId: a.restoredFromAppointmentId } : {}),
    ...(a.waitlistEntryId ? { waitlistEntryId: a.waitlistEntryId } : {}),
  };
}
