import { DomainError, toShanghaiIso, type AppointmentView, type WaitlistEntryView } from '@jiuyi/shared';
import type { AppointmentStore } from '../../ports/appointment-store';
import type { WaitlistStore } from '../../ports/waitlist-store';
import { bookingConfirmedMessage } from '../appointments/appointment-messages';
import { isExpiredHold, toAppointmentView } from '../appointments/appointment-view';
import { toWaitlistEntryView } from './waitlist-view';

/** The account's waitlist entries, newest first; waiting ones say how many are ahead. */
export async function listWaitlist(waitlist: WaitlistStore, accountId: string): Promise<WaitlistEntryView[]> {
  const entries = (await waitlist.list(accountId)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return Promise.all(
    entries.map(async (e) =>
      toWaitlistEntryView(
        e,
        e.status === 'waiting' ? await waitlist.countAhead(e.sessionId, e.seq) : undefined,
      ),
    ),
  );
}

/**
 * The patient leaves the queue. Only a waiting entry can leave; an offered number is an
 * appointment and is cancelled as one.
 */
export async function leaveWaitlist(
  waitlist: WaitlistStore,
  accountId: string,
  entryId: string,
  now: Date,
): Promise<WaitlistEntryView> {
  const entry = await waitlist.get(accountId, entryId);
  if (!entry) throw new DomainError('NOT_FOUND');
  if (entry.status !== 'waiting')
    throw new DomainError('WAITLIST_NOT_WAITING', { details: { status: entry.status } });
  const at = toShanghaiIso(now);
  if (!(await waitlist.leave(entry, { status: 'cancelled', at }, []))) {
    throw new DomainError('WAITLIST_NOT_WAITING');
  }
  return toWaitlistEntryView({ ...entry, status: 'cancelled', updatedAt: at });
}

/**
 * The patient takes a free (fee 0) number offered from the waitlist before the offer expires:
 * the hold becomes a booking, with the confirmation message in the same transaction. A paid
 * number is taken by paying for it instead.
 */
export async function confirmWaitlistOffer(
  ports: { waitlist: WaitlistStore; appointments: AppointmentStore },
  accountId: string,
  entryId: string,
  now: Date,
): Promise<AppointmentView> {
  const entry = await ports.waitlist.get(accountId, entryId);
  if (!entry) throw new DomainError('NOT_FOUND');
  const appointment = entry.appointmentId
    ? await ports.appointments.get(accountId, entry.appointmentId)
    : undefined;
  if (!appointment) throw new DomainError('WAITLIST_NOT_WAITING', { details: { status: entry.status } });
  if (isExpiredHold(appointment, now)) throw new DomainError('WAITLIST_OFFER_EXPIRED');
  if (appointment.status !== 'pending_payment') {
    throw new DomainError('APPOINTMENT_STATUS_CONFLICT', { details: { status: appointment.status } });
  }
  if (appointment.feeFen > 0) {
    throw new DomainError('APPOINTMENT_STATUS_CONFLICT', {
      message: '该号源需支付挂号费，请完成支付',
      details: { feeFen: appointment.feeFen },
    });
  }
  const at = toShanghaiIso(now);
  const booked = { ...appointment, status: 'booked' as const, updatedAt: at };
  if (!(await ports.waitlist.confirmFreeOffer(appointment, at, [bookingConfirmedMessage(booked, now)]))) {
    const fresh = await ports.appointments.get(accountId, appointment.id);
    if (fresh && isExpiredHold(fresh, now)) throw new DomainError('WAITLIST_OFFER_EXPIRED');
    throw new DomainError('APPOINTMENT_STATUS_CONFLICT');
  }
  return toAppointmentView(booked, now);
}
