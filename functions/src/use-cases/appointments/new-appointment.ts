import { randomUUID } from 'node:crypto';
import { toShanghaiIso } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type { SlotRecord } from '../../ports/schedule-store';
import type { BookingPolicy } from './booking-policy';

/** Whose appointment it is: the patient and the account that owns (sees, pays, cancels) it. */
export interface AppointmentHolder {
  accountId: string;
  patientId: string;
  patientName: string;
  /** The person's blind index: the rules that protect a person are keyed by it. */
  identityIndex: string;
}

/**
 * A new appointment for `holder` in `slot`, as every way of booking starts it: a fee makes it an
 * unpaid hold for the policy's `holdMinutes`, a free number is booked outright. Callers add what is
 * theirs (who booked it, from which pool, for which waitlist entry) or override the hold.
 */
export function newAppointmentRecord(
  holder: AppointmentHolder,
  slot: SlotRecord,
  now: Date,
  policy: Pick<BookingPolicy, 'holdMinutes'>,
): AppointmentRecord {
  const at = toShanghaiIso(now);
  return {
    id: randomUUID(),
    accountId: holder.accountId,
    patientId: holder.patientId,
    patientName: holder.patientName,
    identityIndex: holder.identityIndex,
    slotId: slot.id,
    sessionId: slot.sessionId,
    departmentId: slot.departmentId,
    departmentName: slot.departmentName,
    doctorId: slot.doctorId,
    doctorName: slot.doctorName,
    doctorTitle: slot.doctorTitle,
    date: slot.date,
    period: slot.period,
    start: slot.start,
    end: slot.end,
    feeFen: slot.feeFen,
    status: slot.feeFen > 0 ? 'pending_payment' : 'booked',
    ...(slot.feeFen > 0
      ? { holdExpiresAt: toShanghaiIso(new Date(now.getTime() + policy.holdMinutes * 60_000)) }
      : {}),
    createdAt: at,
    updatedAt: at,
  };
}
