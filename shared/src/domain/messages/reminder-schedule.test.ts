import { publishedCalendar } from '../calendar/test-support';
import { toShanghaiIso } from '../calendar/shanghai-time';
import {
  consultationChaseTimes,
  eveningBeforeReminderAt,
  firesWithin,
  noShowWarningAt,
  recordsCopyDeadlineWarningAt,
  reminderStillUseful,
  slotSoonReminderAt,
} from './reminder-schedule';

const at = (iso: string) => new Date(iso);
const sh = (d: Date) => toShanghaiIso(d);

describe('evening-before reminder', () => {
  it('fires at 20:00 Shanghai the day before, which is 12:00 UTC', () => {
    // Act
    const fire = eveningBeforeReminderAt('2026-03-10');
    // Assess
    expect(sh(fire)).toBe('2026-03-09T20:00:00.000+08:00');
    expect(fire.toISOString()).toBe('2026-03-09T12:00:00.000Z');
  });

  it('crosses month and year ends on Shanghai dates', () => {
    expect(sh(eveningBeforeReminderAt('2026-03-01'))).toBe('2026-02-28T20:00:00.000+08:00');
    expect(sh(eveningBeforeReminderAt('2027-01-01'))).toBe('2026-12-31T20:00:00.000+08:00');
  });

  it('belongs to the run whose window ends at 20:00 exactly, not to the next one', () => {
    // Prepare
    const fire = eveningBeforeReminderAt('2026-03-10');
    // Act / Assess
    expect(firesWithin(fire, at('2026-03-09T19:55:00+08:00'), at('2026-03-09T20:00:00+08:00'))).toBe(true);
    expect(firesWithin(fire, at('2026-03-09T20:00:00+08:00'), at('2026-03-09T20:05:00+08:00'))).toBe(false);
    expect(firesWithin(fire, at('2026-03-09T19:50:00+08:00'), at('2026-03-09T19:59:59.999+08:00'))).toBe(
      false,
    );
  });
});

describe('slot-soon reminder', () => {
  it('fires 30 minutes before the slot', () => {
    expect(sh(slotSoonReminderAt(at('2026-03-10T08:00:00+08:00')))).toBe('2026-03-10T07:30:00.000+08:00');
    expect(sh(slotSoonReminderAt(at('2026-03-10T13:00:00+08:00')))).toBe('2026-03-10T12:30:00.000+08:00');
  });

  it('for the first morning slot fires the same Shanghai day even though UTC is the day before', () => {
    const fire = slotSoonReminderAt(at('2026-03-10T08:00:00+08:00'));
    expect(fire.toISOString()).toBe('2026-03-09T23:30:00.000Z');
  });
});

describe('no-show warning', () => {
  it('fires when the session ends: 11:30 for the morning, 16:30 for the afternoon', () => {
    expect(sh(noShowWarningAt('2026-03-10', 'am'))).toBe('2026-03-10T11:30:00.000+08:00');
    expect(sh(noShowWarningAt('2026-03-10', 'pm'))).toBe('2026-03-10T16:30:00.000+08:00');
  });

  it('is not due one millisecond before the session ends', () => {
    const end = noShowWarningAt('2026-03-10', 'am');
    expect(firesWithin(end, at('2026-03-10T11:25:00+08:00'), at('2026-03-10T11:29:59.999+08:00'))).toBe(
      false,
    );
    expect(firesWithin(end, at('2026-03-10T11:25:00+08:00'), at('2026-03-10T11:30:00+08:00'))).toBe(true);
  });
});

describe('unapproved consultation chase', () => {
  it('chases 2 hours and 30 minutes before, earliest first', () => {
    const times = consultationChaseTimes(at('2026-03-10T14:00:00+08:00')).map(sh);
    expect(times).toEqual(['2026-03-10T12:00:00.000+08:00', '2026-03-10T13:30:00.000+08:00']);
  });

  it('a consultation just after midnight is chased the evening before', () => {
    const times = consultationChaseTimes(at('2026-03-11T00:30:00+08:00')).map(sh);
    expect(times).toEqual(['2026-03-10T22:30:00.000+08:00', '2026-03-11T00:00:00.000+08:00']);
  });
});

describe('records-copy deadline warning', () => {
  it('fires at 08:00 on the working day before an ordinary weekday deadline', () => {
    // 2026-03-11 is a Wednesday
    expect(sh(recordsCopyDeadlineWarningAt(publishedCalendar, '2026-03-11'))).toBe(
      '2026-03-10T08:00:00.000+08:00',
    );
  });

  it('skips a weekend: a Monday deadline warns on the Friday', () => {
    // 2026-03-16 is a Monday
    expect(sh(recordsCopyDeadlineWarningAt(publishedCalendar, '2026-03-16'))).toBe(
      '2026-03-13T08:00:00.000+08:00',
    );
  });

  it('skips the National Day break and honours the make-up working Saturday', () => {
    // 2026-10-08 is the first day back; 2026-10-12 (Monday) follows the make-up Saturday 2026-10-10
    expect(sh(recordsCopyDeadlineWarningAt(publishedCalendar, '2026-10-08'))).toBe(
      '2026-09-30T08:00:00.000+08:00',
    );
    expect(sh(recordsCopyDeadlineWarningAt(publishedCalendar, '2026-10-12'))).toBe(
      '2026-10-10T08:00:00.000+08:00',
    );
  });
});

describe('reminderStillUseful', () => {
  const visit = at('2026-03-10T08:00:00+08:00');
  const evening = eveningBeforeReminderAt('2026-03-10');

  it('keeps the reminder for a booking made before it', () => {
    expect(reminderStillUseful(evening, at('2026-03-05T10:00:00+08:00'), visit)).toBe(true);
  });

  it('drops it for a booking made at or after the reminder time', () => {
    expect(reminderStillUseful(evening, at('2026-03-09T20:00:00+08:00'), visit)).toBe(false);
    expect(reminderStillUseful(evening, at('2026-03-09T21:00:00+08:00'), visit)).toBe(false);
  });

  it('drops a reminder that would fire after the event started', () => {
    expect(reminderStillUseful(at('2026-03-10T08:00:00+08:00'), at('2026-03-01T00:00:00+08:00'), visit)).toBe(
      false,
    );
  });
});
