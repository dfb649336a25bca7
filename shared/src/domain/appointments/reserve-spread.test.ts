import fc from 'fast-check';
import { spreadWithinRoom } from './reserve-spread';
import { planSessions } from './session-plan';
import { publishedCalendar as calendar } from '../calendar/test-support';

describe('spreadWithinRoom', () => {
  it('hands numbers out round-robin from the earliest slot, never past a slot’s room', () => {
    expect(spreadWithinRoom([2, 0, 3, 1], 5)).toEqual([2, 0, 2, 1]);
    expect(spreadWithinRoom([1, 1, 1], 0)).toEqual([0, 0, 0]);
  });

  it('refuses more than fits', () => {
    expect(() => spreadWithinRoom([1, 1], 3)).toThrow(RangeError);
  });

  it('always gives exactly the amount within each slot’s room', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 21 }),
        fc.nat(100),
        (room, wanted) => {
          const amount = Math.min(
            wanted,
            room.reduce((a, b) => a + b, 0),
          );
          const given = spreadWithinRoom(room, amount);
          expect(given.reduce((a, b) => a + b, 0)).toBe(amount);
          given.forEach((g, i) => expect(g).toBeLessThanOrEqual(room[i]!));
        },
      ),
    );
  });
});

describe('the on-site reserve in planned slots', () => {
  it('sums to the session’s on-site quota without any slot exceeding its capacity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 5, max: 30 }),
        (capacity, slotMinutes) => {
          const doctor = {
            id: 'd',
            name: '医生',
            title: 'attending_physician' as const,
            departmentId: 'x',
            feeFen: 1,
          };
          const [session] = planSessions(
            [{ doctorId: 'd', weekday: 1, period: 'am', capacity, slotMinutes }],
            [doctor],
            '2025-10-13',
            1,
            { calendar },
          );
          const slots = session!.slots;
          expect(slots.reduce((n, s) => n + (s.capacityOnSite ?? 0), 0)).toBe(session!.quota.onSite);
          slots.forEach((s) =>
            expect(s.capacityOnline + (s.capacityOnSite ?? 0)).toBeLessThanOrEqual(s.capacity),
          );
        },
      ),
    );
  });

  it('gives every pool its whole quota and never more than a slot holds, for any reserve policy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 5, max: 30 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (capacity, slotMinutes, a, b) => {
          const onSiteReservePercent = Math.min(a, 100 - Math.min(b, 100));
          const quota = {
            onSiteReservePercent,
            referralReservePercent: Math.min(b, 100 - onSiteReservePercent),
          };
          const doctor = {
            id: 'd',
            name: '医生',
            title: 'attending_physician' as const,
            departmentId: 'x',
            feeFen: 1,
          };
          const [session] = planSessions(
            [{ doctorId: 'd', weekday: 1, period: 'am', capacity, slotMinutes, quota }],
            [doctor],
            '2025-10-13',
            1,
            { calendar },
          );
          const slots = session!.slots;
          const sum = (pick: (s: (typeof slots)[number]) => number) => slots.reduce((n, s) => n + pick(s), 0);
          expect(sum((s) => s.capacityOnline)).toBe(session!.quota.online);
          expect(sum((s) => s.capacityOnSite ?? 0)).toBe(session!.quota.onSite);
          expect(sum((s) => s.capacityReferral ?? 0)).toBe(session!.quota.referral);
          slots.forEach((s) =>
            expect(
              s.capacityOnline + (s.capacityOnSite ?? 0) + (s.capacityReferral ?? 0),
            ).toBeLessThanOrEqual(s.capacity),
          );
        },
      ),
    );
  });

  it('uses a template’s own reserves over the default', () => {
    const doctor = {
      id: 'd',
      name: '医生',
      title: 'attending_physician' as const,
      departmentId: 'x',
      feeFen: 1,
    };
    const template = {
      doctorId: 'd',
      weekday: 1,
      period: 'am' as const,
      capacity: 20,
      slotMinutes: 20,
      quota: { onSiteReservePercent: 50, referralReservePercent: 0 },
    };
    const [session] = planSessions([template], [doctor], '2025-10-13', 1, { calendar });
    expect(session!.quota).toEqual({ onSite: 10, referral: 0, online: 10 });
  });
});
