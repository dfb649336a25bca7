import { DomainError } from '../../errors';
import {
  APPOINTMENT_STATUSES,
  assertCancellable,
  assertTransition,
  canCancel,
  canTransition,
  isDueForNoShow,
  isFinalStatus,
} from './appointment-status';
import type { AppointmentStatus } from './appointment-status';

const at = (iso: string) => new Date(`${iso}+08:00`);

describe('canTransition', () => {
  const allowed: Array<[AppointmentStatus, AppointmentStatus]> = [
    ['pending_payment', 'booked'],
    ['pending_payment', 'cancelled'],
    ['booked', 'checked_in'],
    ['booked', 'cancelled'],
    ['booked', 'no_show'],
    ['booked', 'voided'],
    ['checked_in', 'completed'],
    ['checked_in', 'voided'],
  ];

  it('allows exactly the listed moves and nothing else', () => {
    // Prepare
    const every = APPOINTMENT_STATUSES.flatMap((from) =>
      APPOINTMENT_STATUSES.map((to) => [from, to] as const),
    );

    // Act
    const permitted = every.filter(([from, to]) => canTransition(from, to));

    // Assess
    expect(permitted).toEqual(allowed);
  });

  it('never lets a status move to itself, so a repeated request cannot apply twice', () => {
    expect(APPOINTMENT_STATUSES.some((s) => canTransition(s, s))).toBe(false);
  });

  it('makes completed, cancelled, no-show and voided final', () => {
    expect(APPOINTMENT_STATUSES.filter(isFinalStatus)).toEqual([
      'completed',
      'cancelled',
      'no_show',
      'voided',
    ]);
  });
});

describe('assertTransition', () => {
  it('passes an allowed move', () => {
    expect(() => assertTransition('pending_payment', 'booked')).not.toThrow();
  });

  it('throws APPOINTMENT_STATUS_CONFLICT with both states for a disallowed move', () => {
    // Act
    const attempt = () => assertTransition('cancelled', 'booked');

    // Assess
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'APPOINTMENT_STATUS_CONFLICT', status: 409 }));
    expect(attempt).toThrow(expect.objectContaining({ details: { from: 'cancelled', to: 'booked' } }));
  });
});

describe('cancellation', () => {
  it.each([
    ['pending_payment', '2026-03-17T11:29:59', true],
    ['booked', '2026-03-17T11:29:59', true],
    ['booked', '2026-03-17T11:30:00', false],
    ['booked', '2026-03-16T20:00:00', true],
    ['checked_in', '2026-03-17T09:00:00', false],
    ['cancelled', '2026-03-17T09:00:00', false],
    ['no_show', '2026-03-17T09:00:00', false],
  ] as const)('a morning %s appointment at %s → %s', (status, time, expected) => {
    expect(canCancel(status, '2026-03-17', 'am', at(time))).toBe(expected);
  });

  it('lets an afternoon booking be cancelled until 16:30', () => {
    expect(canCancel('booked', '2026-03-17', 'pm', at('2026-03-17T16:29:59'))).toBe(true);
    expect(canCancel('booked', '2026-03-17', 'pm', at('2026-03-17T16:30:00'))).toBe(false);
  });

  it('explains a refusal by status or by time', () => {
    expect(() => assertCancellable('checked_in', '2026-03-17', 'am', at('2026-03-17T09:00:00'))).toThrow(
      expect.objectContaining({ code: 'APPOINTMENT_NOT_CANCELLABLE', message: '该预约当前状态不能取消' }),
    );
    expect(() => assertCancellable('booked', '2026-03-17', 'am', at('2026-03-17T11:30:00'))).toThrow(
      expect.objectContaining({ code: 'APPOINTMENT_NOT_CANCELLABLE', message: '就诊时段已结束，不能取消' }),
    );
    expect(() => assertCancellable('booked', '2026-03-17', 'am', at('2026-03-17T11:29:00'))).not.toThrow();
  });
});

describe('isDueForNoShow', () => {
  it('marks a booked appointment once its session has ended', () => {
    expect(isDueForNoShow('booked', '2026-03-17', 'am', at('2026-03-17T11:29:59'))).toBe(false);
    expect(isDueForNoShow('booked', '2026-03-17', 'am', at('2026-03-17T11:30:00'))).toBe(true);
  });

  it('leaves checked-in and unpaid appointments alone', () => {
    expect(isDueForNoShow('checked_in', '2026-03-17', 'am', at('2026-03-18T00:00:00'))).toBe(false);
    expect(isDueForNoShow('pending_payment', '2026-03-17', 'am', at('2026-03-18T00:00:00'))).toBe(false);
  });
});
