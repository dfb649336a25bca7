import type { ClinicTemplate, DoctorTitle } from '../../schemas/catalogue.schema';
import { addDays, atShanghai, parseDateString, toShanghaiIso } from '../calendar/shanghai-time';
import type { DateString } from '../calendar/shanghai-time';
import { isStatutoryHoliday, isWorkingDay, type WorkingDayCalendar } from '../calendar/working-days';
import { DEFAULT_QUOTA_POLICY, splitQuota } from './quota';
import type { QuotaPolicy, QuotaSplit } from './quota';
import { spreadWithinRoom } from './reserve-spread';
import { generateSlots } from './session-periods';
import type { SessionPeriod } from './session-periods';

/** What the planner needs of a doctor: the slot items carry these so a booking reads one item. */
export interface PlannedDoctor {
  id: string;
  name: string;
  title: DoctorTitle;
  departmentId: string;
  feeFen: number;
}

export interface PlannedSlot {
  id: string;
  index: number;
  /** `+08:00` ISO instants. */
  start: string;
  end: string;
  capacity: number;
  capacityOnline: number;
  /** Kept for on-site registration and in-clinic booking (Beijing art. 10); never sold online. */
  capacityOnSite?: number;
  /** Kept for referrals from alliance doctors, who book it ahead of the public (Beijing art. 16–17). */
  capacityReferral?: number;
}

export interface PlannedSession {
  id: string;
  departmentId: string;
  doctor: PlannedDoctor;
  date: DateString;
  period: SessionPeriod;
  capacity: number;
  quota: QuotaSplit;
  slotMinutes: number;
  slots: PlannedSlot[];
}

export interface PlanOptions {
  /** The hospital's working-day calendar (confirmed years from the table). */
  calendar: WorkingDayCalendar;
  quotaPolicy?: QuotaPolicy;
  /** The weekday (1–5) whose clinics run on a make-up working day (调休上班) that falls on a weekend. */
  makeUpDaySchedule?: number;
}

/** Deterministic ids make materialisation idempotent: the same template and date always name the same items. */
export function sessionIdOf(doctorId: string, date: DateString, period: SessionPeriod): string {
  return `${doctorId}_${date}_${period}`;
}

/** A slot id embeds its session id and start time (`HHmm`). */
export function slotIdOf(sessionId: string, start: string): string {
  return `${sessionId}_${start.replace(':', '')}`;
}

/** ISO weekday of a Shanghai calendar date: 1 is Monday, 7 is Sunday. */
export function isoWeekday(date: DateString): number {
  const parts = parseDateString(date);
  if (!parts) throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  const day = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Which weekday's templates run on `date`: none on a statutory holiday (in a year not confirmed
 * yet, the date-fixed ones); on a weekend that is a
 * make-up working day the full weekday schedule of `makeUpDaySchedule`; otherwise the date's own
 * weekday (so a hospital's regular weekend clinics still run on plain weekends).
 */
export function scheduleWeekday(
  calendar: WorkingDayCalendar,
  date: DateString,
  makeUpDaySchedule = 1,
): number | undefined {
  if (isStatutoryHoliday(calendar, date)) return undefined;
  const weekday = isoWeekday(date);
  if (weekday >= 6 && isWorkingDay(calendar, date)) return makeUpDaySchedule;
  return weekday;
}

function planSession(
  template: ClinicTemplate,
  doctor: PlannedDoctor,
  date: DateString,
  policy: QuotaPolicy,
): PlannedSession {
  const id = sessionIdOf(doctor.id, date, template.period);
  const quota = splitQuota(template.capacity, template.quota ?? policy);
  const total = generateSlots(template.period, {
    capacity: template.capacity,
    slotMinutes: template.slotMinutes,
  });
  // Spreading the online share with the same rule keeps capacityOnline <= capacity in every slot.
  const online = generateSlots(template.period, {
    capacity: quota.online,
    slotMinutes: template.slotMinutes,
  });
  const onSite = spreadWithinRoom(
    total.map((slot, i) => slot.capacity - (online[i]?.capacity ?? 0)),
    quota.onSite,
  );
  // The referral reserve takes what the online share and on-site reserve left of each slot; the
  // three shares sum to the session's capacity, so it always fits.
  const referral = spreadWithinRoom(
    total.map((slot, i) => slot.capacity - (online[i]?.capacity ?? 0) - (onSite[i] ?? 0)),
    quota.referral,
  );
  return {
    id,
    departmentId: doctor.departmentId,
    doctor,
    date,
    period: template.period,
    capacity: template.capacity,
    quota,
    slotMinutes: template.slotMinutes,
    slots: total.map((slot, i) => ({
      id: slotIdOf(id, slot.start),
      index: slot.index,
      start: toShanghaiIso(atShanghai(date, slot.start)),
      end: toShanghaiIso(atShanghai(date, slot.end)),
      capacity: slot.capacity,
      capacityOnline: online[i]?.capacity ?? 0,
      capacityOnSite: onSite[i] ?? 0,
      capacityReferral: referral[i] ?? 0,
    })),
  };
}

/**
 * Materialises weekly templates into dated sessions for `days` days from `from`.
 * 1. Pick the weekday whose templates run on each date (holidays skipped, make-up days honoured).
 * 2. For each template of that weekday whose doctor is known, split the quota and cut the slots.
 * The result is sorted by date, period and doctor, so repeated runs produce identical plans.
 */
export function planSessions(
  templates: readonly ClinicTemplate[],
  doctors: readonly PlannedDoctor[],
  from: DateString,
  days: number,
  options: PlanOptions,
): PlannedSession[] {
  if (!Number.isInteger(days) || days < 0 || days > 60)
    throw new RangeError('Days must be an integer from 0 to 60');
  const byId = new Map(doctors.map((d) => [d.id, d]));
  const policy = options.quotaPolicy ?? DEFAULT_QUOTA_POLICY;
  const sessions: PlannedSession[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const date = addDays(from, offset);
    const weekday = scheduleWeekday(options.calendar, date, options.makeUpDaySchedule);
    if (weekday === undefined) continue;
    for (const template of templates) {
      const doctor = byId.get(template.doctorId);
      if (template.weekday === weekday && doctor) sessions.push(planSession(template, doctor, date, policy));
    }
  }
  return sessions.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.period.localeCompare(b.period) ||
      a.doctor.id.localeCompare(b.doctor.id),
  );
}
