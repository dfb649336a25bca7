import { BOOKING_RELEASE_TIME, bookingWindow, checkBookable, shanghaiDate } from '@jiuyi/shared';
import type { SessionView } from '@jiuyi/shared';
import { monthDay } from './booking-format';

/** What a session's grid cell says, and whether tapping it opens the slots. */
export type SessionCellState =
  | { kind: 'open'; remaining: number }
  | { kind: 'full' }
  | { kind: 'suspended' }
  | { kind: 'not_open'; opensAt: string }
  | { kind: 'closed' };

/** Online numbers left in the whole session. */
export function remainingInSession(session: SessionView): number {
  return session.slots.reduce((sum, slot) => sum + slot.remainingOnline, 0);
}

/**
 * The cell state at `now`: 停诊 wins, then the booking window (未开放 before its 08:00 release,
 * 已截止 after the same-day cut-off), then 约满 when no online number is left.
 */
export function sessionCellState(session: SessionView, now: Date): SessionCellState {
  if (session.status === 'suspended') return { kind: 'suspended' };
  const window = checkBookable(session.date, session.period, session.doctor.title, now);
  if (window === 'not_open') {
    const opens = bookingWindow(session.date, session.period, session.doctor.title).opensAt;
    return { kind: 'not_open', opensAt: `${monthDay(shanghaiDate(opens))} ${BOOKING_RELEASE_TIME}` };
  }
  if (window === 'closed') return { kind: 'closed' };
  const remaining = remainingInSession(session);
  return remaining > 0 ? { kind: 'open', remaining } : { kind: 'full' };
}

/** The cell's words: `余 5`, `约满`, `停诊`, `未开放`, `已截止`. */
export function cellLabel(state: SessionCellState): string {
  switch (state.kind) {
    case 'open':
      return `余 ${state.remaining}`;
    case 'full':
      return '约满';
    case 'suspended':
      return '停诊';
    case 'not_open':
      return '未开放';
    case 'closed':
      return '已截止';
  }
}
