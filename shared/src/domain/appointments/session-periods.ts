import { clinicPeriodSchema } from '../../schemas/catalogue.schema';
import type { ClinicPeriod } from '../../schemas/catalogue.schema';
import { atShanghai, formatMinutes, minutesOfDay } from '../calendar/shanghai-time';
import type { DateString, TimeString } from '../calendar/shanghai-time';

/** A clinic session (出诊单元) is half a working day (Beijing art. 29); the catalogue owns the type. */
export type SessionPeriod = ClinicPeriod;
export const SESSION_PERIODS: readonly SessionPeriod[] = clinicPeriodSchema.options;

/** Clinic hours of the Dalian guide (2.3). */
export const SESSION_HOURS: Record<SessionPeriod, { start: TimeString; end: TimeString }> = {
  am: { start: '08:00', end: '11:30' },
  pm: { start: '13:00', end: '16:30' },
};

/** Beijing art. 10 caps a time segment at 30 minutes; 20 is what leading provinces reach. */
export const MAX_SLOT_MINUTES = 30;
export const DEFAULT_SLOT_MINUTES = 20;

export interface SlotTemplate {
  index: number;
  start: TimeString;
  end: TimeString;
  capacity: number;
}

/** The instant a session starts. */
export function sessionStartsAt(date: DateString, period: SessionPeriod): Date {
  return atShanghai(date, SESSION_HOURS[period].start);
}

/** The instant a session ends: the cancellation deadline and the no-show moment. */
export function sessionEndsAt(date: DateString, period: SessionPeriod): Date {
  return atShanghai(date, SESSION_HOURS[period].end);
}

/**
 * Cuts a session into time slots of `slotMinutes` and spreads `capacity` evenly, giving the
 * remainder to the earliest slots (patients prefer early numbers, and an early slot that
 * overruns has the rest of the session to catch up). A session that does not divide evenly
 * ends with a shorter slot rather than running past clinic hours. Slots may get capacity 0
 * when there are fewer numbers than slots; they are kept so slot times never depend on
 * capacity.
 */
export function generateSlots(
  period: SessionPeriod,
  options: { capacity: number; slotMinutes?: number },
): SlotTemplate[] {
  const slotMinutes = options.slotMinutes ?? DEFAULT_SLOT_MINUTES;
  if (!Number.isInteger(slotMinutes) || slotMinutes < 5 || slotMinutes > MAX_SLOT_MINUTES) {
    throw new RangeError(`Slot length must be a whole number of minutes from 5 to ${MAX_SLOT_MINUTES}`);
  }
  if (!Number.isInteger(options.capacity) || options.capacity < 0) {
    throw new RangeError('Capacity must be a non-negative integer');
  }
  const start = minutesOfDay(SESSION_HOURS[period].start);
  const end = minutesOfDay(SESSION_HOURS[period].end);
  const count = Math.ceil((end - start) / slotMinutes);
  const base = Math.floor(options.capacity / count);
  const remainder = options.capacity % count;
  return Array.from({ length: count }, (_, index) => {
    const slotStart = start + index * slotMinutes;
    return {
      index,
      start: formatMinutes(slotStart),
      end: formatMinutes(Math.min(slotStart + slotMinutes, end)),
      capacity: base + (index < remainder ? 1 : 0),
    };
  });
}
