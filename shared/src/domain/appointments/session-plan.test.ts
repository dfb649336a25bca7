import type { ClinicTemplate } from '../../schemas/catalogue.schema';
import { isoWeekday, planSessions, scheduleWeekday, slotIdOf } from './session-plan';
import type { PlannedDoctor } from './session-plan';
import { publishedCalendar as calendar } from '../calendar/test-support';
import { buildWorkingDayCalendar } from '../calendar/working-days';

const doctor: PlannedDoctor = {
  id: 'doc-a',
  name: '韩立诚',
  title: 'chief_physician',
  departmentId: 'dept-x',
  feeFen: 5000,
};
const template = (overrides: Partial<ClinicTemplate> = {}): ClinicTemplate => ({
  doctorId: 'doc-a',
  weekday: 1,
  period: 'am',
  capacity: 20,
  slotMinutes: 30,
  ...overrides,
});

describe('scheduleWeekday', () => {
  it('uses the date’s own weekday on ordinary days, weekends included', () => {
    expect(isoWeekday('2025-10-14')).toBe(2);
    expect(scheduleWeekday(calendar, '2025-10-14')).toBe(2);
    expect(scheduleWeekday(calendar, '2025-10-18')).toBe(6);
    expect(scheduleWeekday(calendar, '2025-10-19')).toBe(7);
  });

  it('skips statutory holidays, also when they fall on a weekend', () => {
    expect(scheduleWeekday(calendar, '2025-10-01')).toBeUndefined();
    expect(scheduleWeekday(calendar, '2025-10-04')).toBeUndefined();
  });

  it('skips only the date-fixed holidays in a year not confirmed yet', () => {
    // 2027-10-01 is a Friday, 2027-10-04 a Monday; nothing is known of 2027 but the law.
    const unconfirmed = buildWorkingDayCalendar([]);
    expect(scheduleWeekday(unconfirmed, '2027-10-01')).toBeUndefined();
    expect(scheduleWeekday(unconfirmed, '2027-10-04')).toBe(1);
    expect(scheduleWeekday(unconfirmed, '2027-02-08')).toBe(1);
  });

  it('runs a weekday schedule on a weekend make-up working day (调休)', () => {
    expect(scheduleWeekday(calendar, '2025-10-11')).toBe(1);
    expect(scheduleWeekday(calendar, '2025-09-28', 3)).toBe(3);
  });
});

describe('planSessions', () => {
  it('materialises each template on its weekdays with slots of the template’s length', () => {
    // Prepare
    const templates = [
      template({ weekday: 1, period: 'am' }),
      template({ weekday: 2, period: 'pm', slotMinutes: 20 }),
    ];
    // Act: Monday 13 to Sunday 19 October 2025, no holidays.
    const sessions = planSessions(templates, [doctor], '2025-10-13', 7, { calendar });
    // Assess
    expect(sessions.map((s) => [s.id, s.slots.length])).toEqual([
      ['doc-a_2025-10-13_am', 7],
      ['doc-a_2025-10-14_pm', 11],
    ]);
    const first = sessions[0]!;
    expect(first.slots[0]).toMatchObject({
      id: slotIdOf('doc-a_2025-10-13_am', '08:00'),
      start: '2025-10-13T08:00:00.000+08:00',
      end: '2025-10-13T08:30:00.000+08:00',
    });
    expect(first.slots.at(-1)?.end).toBe('2025-10-13T11:30:00.000+08:00');
  });

  it('keeps the on-site and referral reserves out of every slot’s online capacity', () => {
    // Act
    const [session] = planSessions([template()], [doctor], '2025-10-13', 1, { calendar });
    // Assess
    expect(session?.quota).toEqual({ onSite: 4, referral: 2, online: 14 });
    const slots = session?.slots ?? [];
    expect(slots.reduce((n, s) => n + s.capacityOnline, 0)).toBe(14);
    expect(slots.reduce((n, s) => n + s.capacity, 0)).toBe(20);
    expect(slots.every((s) => s.capacityOnline <= s.capacity)).toBe(true);
  });

  it('spreads the referral reserve from the earliest slots with room after the other shares', () => {
    // Act: 20 numbers in seven 30-minute slots: 14 online, 4 on site, 2 for referrals.
    const [session] = planSessions([template()], [doctor], '2025-10-13', 1, { calendar });
    // Assess
    const slots = session?.slots ?? [];
    expect(slots.reduce((n, s) => n + (s.capacityReferral ?? 0), 0)).toBe(2);
    // Capacity 3,3,3,3,3,3,2 with 2 online each: the on-site reserve fills the first four slots' last
    // place, so the referral reserve takes the next two slots with room.
    expect(slots.map((s) => [s.capacity, s.capacityOnline, s.capacityOnSite, s.capacityReferral])).toEqual([
      [3, 2, 1, 0],
      [3, 2, 1, 0],
      [3, 2, 1, 0],
      [3, 2, 1, 0],
      [3, 2, 0, 1],
      [3, 2, 0, 1],
      [2, 2, 0, 0],
    ]);
  });

  it('skips the National Day holiday and honours the make-up Saturday with the Monday schedule', () => {
    // Act: 29 September (Mon) to 12 October 2025.
    const dates = planSessions([template({ weekday: 1 })], [doctor], '2025-09-29', 14, { calendar }).map(
      (s) => s.date,
    );
    // Assess: 6 October (Mon) is a holiday; 11 October (Sat) is a make-up working day.
    expect(dates).toEqual(['2025-09-29', '2025-10-11']);
  });

  it('ignores templates of unknown doctors and gives the same plan on every run', () => {
    const templates = [template(), template({ doctorId: 'doc-gone' })];
    const once = planSessions(templates, [doctor], '2025-10-13', 7, { calendar });
    expect(once).toHaveLength(1);
    expect(planSessions(templates, [doctor], '2025-10-13', 7, { calendar })).toEqual(once);
  });

  it('refuses a range it was not built for', () => {
    expect(() => planSessions([], [doctor], '2025-10-13', 61, { calendar })).toThrow(RangeError);
    expect(() => planSessions([], [doctor], '2025-13-01', 1, { calendar })).toThrow(RangeError);
  });
});
