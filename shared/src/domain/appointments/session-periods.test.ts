import fc from 'fast-check';
import { generateSlots, sessionEndsAt, sessionStartsAt } from './session-periods';

describe('generateSlots', () => {
  it('cuts a morning into 20-minute slots with a shorter last one ending at 11:30', () => {
    // Act
    const slots = generateSlots('am', { capacity: 33 });

    // Assess
    expect(slots).toHaveLength(11);
    expect(slots[0]).toEqual({ index: 0, start: '08:00', end: '08:20', capacity: 3 });
    expect(slots[10]).toEqual({ index: 10, start: '11:20', end: '11:30', capacity: 3 });
  });

  it('cuts an afternoon into exact 30-minute slots', () => {
    const slots = generateSlots('pm', { capacity: 14, slotMinutes: 30 });
    expect(slots.map((s) => `${s.start}-${s.end}`)).toEqual([
      '13:00-13:30',
      '13:30-14:00',
      '14:00-14:30',
      '14:30-15:00',
      '15:00-15:30',
      '15:30-16:00',
      '16:00-16:30',
    ]);
    expect(slots.every((s) => s.capacity === 2)).toBe(true);
  });

  it('gives the remainder to the earliest slots', () => {
    expect(generateSlots('pm', { capacity: 10, slotMinutes: 30 }).map((s) => s.capacity)).toEqual([
      2, 2, 2, 1, 1, 1, 1,
    ]);
  });

  it('keeps slots with no numbers when capacity is below the slot count', () => {
    expect(generateSlots('am', { capacity: 2, slotMinutes: 30 }).map((s) => s.capacity)).toEqual([
      1, 1, 0, 0, 0, 0, 0,
    ]);
  });

  it.each([31, 0, 4, 20.5, Number.NaN])('rejects a slot length of %s minutes', (slotMinutes) => {
    expect(() => generateSlots('am', { capacity: 10, slotMinutes })).toThrow(RangeError);
  });

  it.each([-1, 1.5])('rejects capacity %s', (capacity) => {
    expect(() => generateSlots('am', { capacity })).toThrow(RangeError);
  });

  it('always covers the session without gaps, caps every slot and shares capacity within one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('am' as const, 'pm' as const),
        fc.integer({ min: 5, max: 30 }),
        fc.integer({ min: 0, max: 500 }),
        (period, slotMinutes, capacity) => {
          // Act
          const slots = generateSlots(period, { capacity, slotMinutes });

          // Assess
          expect(slots[0]?.start).toBe(period === 'am' ? '08:00' : '13:00');
          expect(slots.at(-1)?.end).toBe(period === 'am' ? '11:30' : '16:30');
          slots.slice(1).forEach((slot, i) => expect(slot.start).toBe(slots[i]?.end));
          expect(slots.reduce((sum, s) => sum + s.capacity, 0)).toBe(capacity);
          const caps = slots.map((s) => s.capacity);
          expect(Math.max(...caps) - Math.min(...caps)).toBeLessThanOrEqual(1);
          expect(caps).toEqual([...caps].sort((a, b) => b - a));
        },
      ),
    );
  });
});

describe('session start and end', () => {
  it('uses the Dalian clinic hours in Shanghai time', () => {
    expect(sessionStartsAt('2026-03-17', 'am').toISOString()).toBe('2026-03-17T00:00:00.000Z');
    expect(sessionEndsAt('2026-03-17', 'am').toISOString()).toBe('2026-03-17T03:30:00.000Z');
    expect(sessionStartsAt('2026-03-17', 'pm').toISOString()).toBe('2026-03-17T05:00:00.000Z');
    expect(sessionEndsAt('2026-03-17', 'pm').toISOString()).toBe('2026-03-17T08:30:00.000Z');
  });
});
