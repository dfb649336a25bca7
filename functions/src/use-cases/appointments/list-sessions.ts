import type { SessionView } from '@jiuyi/shared';
import type { ScheduleStore, SlotRecord } from '../../ports/schedule-store';

/** Online numbers left, counting unpaid holds that expired as released (the release job may lag). */
export function remainingOnline(
  slot: Pick<SlotRecord, 'capacityOnline' | 'bookedOnline' | 'holds'>,
  now: Date,
): number {
  const expired = Object.values(slot.holds ?? {}).filter(
    (h) => new Date(h.expiresAt).getTime() <= now.getTime(),
  ).length;
  return Math.max(0, Math.min(slot.capacityOnline, slot.capacityOnline - slot.bookedOnline + expired));
}

/** Referral-reserve numbers left; referral numbers are never held on the slot, so no hold counts. */
export function remainingReferral(slot: Pick<SlotRecord, 'capacityReferral' | 'bookedReferral'>): number {
  return Math.max(0, (slot.capacityReferral ?? 0) - (slot.bookedReferral ?? 0));
}

/**
 * A department's sessions from `from` to `to` with remaining online and referral numbers per slot.
 * 1. One index query returns the range's sessions and slots together.
 * 2. Each slot's remaining count treats expired holds as released.
 */
export async function listSessions(
  schedule: ScheduleStore,
  query: { departmentId: string; from: string; to: string },
  now: Date,
): Promise<SessionView[]> {
  const rows = await schedule.listSessions(query.departmentId, query.from, query.to);
  return rows.map(({ session, slots }) => ({
    id: session.id,
    departmentId: session.departmentId,
    doctor: { id: session.doctorId, name: session.doctorName, title: session.doctorTitle },
    date: session.date,
    period: session.period,
    status: session.status,
    slots: slots
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((s) => ({
        id: s.id,
        start: s.start,
        end: s.end,
        capacityOnline: s.capacityOnline,
        remainingOnline: remainingOnline(s, now),
        remainingReferral: remainingReferral(s),
        feeFen: s.feeFen,
      })),
  }));
}
