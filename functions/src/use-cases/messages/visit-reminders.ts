import {
  DOCTOR_TITLE_LABELS,
  eveningBeforeReminderAt,
  reminderStillUseful,
  shanghaiTime,
  slotSoonReminderAt,
  toShanghaiIso,
} from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type { DueTimer, TimerGuard } from '../../ports/due-timer';

/** The steps of an appointment's reminders; cancelling an appointment cancels all of them. */
export const VISIT_REMINDER_STEPS = ['evening-before', 'slot-soon'] as const;

/** The page a visit reminder opens. */
export const appointmentLink = (appointmentId: string) =>
  `/pages/appointment-detail/index?id=${appointmentId}`;

/**
 * The reminders of one booked visit, as due timers to write in the booking's own transaction:
 *
 * - `evening-before`: 20:00 Shanghai the day before (`eveningBeforeReminderAt`);
 * - `slot-soon`: 30 minutes before the slot (`slotSoonReminderAt`).
 *
 * Both say that a visit neither cancelled nor attended counts as a no-show. The no-show warning
 * itself is the message `markNoShows` writes with the no-show when the session ends
 * (`noShowWarningAt`): it carries the count in the window and what the next one costs, which a
 * timer written at booking time cannot know.
 *
 * A reminder whose moment has passed when the booking is made is left out (the confirmation said it
 * all). Each fires only while the appointment is still in a status it makes sense for (`guardKey`
 * is the appointment's item), so a status change that forgot to cancel it cannot send it.
 */
export function visitReminderTimers(a: AppointmentRecord, guardKey: TimerGuard['key']): DueTimer[] {
  const start = new Date(a.start);
  const created = new Date(a.createdAt);
  const time = shanghaiTime(start);
  const visitTime = `${a.date} ${time}`;
  const where = `${a.departmentName} ${a.doctorName}（${DOCTOR_TITLE_LABELS[a.doctorTitle]}）`;
  const aggregate = { type: 'appointment', id: a.id };
  const base = {
    entityId: a.id,
    recipientAccountId: a.accountId,
    link: appointmentLink(a.id),
    channels: ['wechat_subscribe'] as const,
    data: { patientName: a.patientName, department: a.departmentName, visitTime },
  };
  const booked: TimerGuard = { key: guardKey, attribute: 'data.status', oneOf: ['booked'] };
  const timers: DueTimer[] = [];

  const evening = eveningBeforeReminderAt(a.date);
  if (reminderStillUseful(evening, created, start)) {
    timers.push({
      aggregate,
      step: 'evening-before',
      dueAt: toShanghaiIso(evening),
      notAfter: a.start,
      guard: booked,
      message: {
        ...base,
        kind: 'visit_reminder_evening',
        title: '明日就诊提醒',
        body: `${a.patientName}：您预约了明天 ${time} ${where}的号，请携带身份证件按时到诊。不能前来请在就诊前取消，未取消又未就诊将记爽约。`,
      },
    });
  }

  const soon = slotSoonReminderAt(start);
  if (reminderStillUseful(soon, created, start)) {
    timers.push({
      aggregate,
      step: 'slot-soon',
      dueAt: toShanghaiIso(soon),
      notAfter: a.start,
      guard: booked,
      message: {
        ...base,
        kind: 'visit_reminder_soon',
        title: '就诊即将开始',
        body: `${a.patientName}：您 ${time} 在${where}的就诊将在 30 分钟后开始，请到分诊台签到。`,
      },
    });
  }

  return timers;
}
