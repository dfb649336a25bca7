import { bookingWindow, checkBookable } from './booking-window';
import { DOCTOR_TITLE_LABELS } from '../../schemas/catalogue.schema';
import { DEFAULT_FEE_FEN_BY_TITLE, DOCTOR_TITLES, isExpertTitle } from './doctor-titles';

/** Shanghai wall-clock instant, written as the contract writes times. */
const at = (iso: string) => new Date(`${iso}+08:00`);

describe('bookingWindow', () => {
  it('opens at 08:00 Shanghai seven days before the session', () => {
    // Act
    const { opensAt } = bookingWindow('2026-03-17', 'am', 'attending_physician');

    // Assess
    expect(opensAt.toISOString()).toBe('2026-03-10T00:00:00.000Z');
  });

  it('opens across a month boundary', () => {
    expect(bookingWindow('2026-03-03', 'pm', 'chief_physician').opensAt).toEqual(at('2026-02-24T08:00:00'));
  });

  it.each([
    ['am', 'chief_physician', '11:30'],
    ['am', 'resident_physician', '11:30'],
    ['pm', 'chief_physician', '15:30'],
    ['pm', 'associate_chief_physician', '15:30'],
    ['pm', 'attending_physician', '16:30'],
    ['pm', 'resident_physician', '16:30'],
  ] as const)('closes a %s session of a %s at %s on the day', (period, title, cutoff) => {
    expect(bookingWindow('2026-03-17', period, title).closesAt).toEqual(at(`2026-03-17T${cutoff}:00`));
  });
});

describe('checkBookable', () => {
  it.each([
    ['2026-03-10T07:59:59.999', 'not_open'],
    ['2026-03-10T08:00:00', 'open'],
    ['2026-03-17T11:29:59.999', 'open'],
    ['2026-03-17T11:30:00', 'closed'],
    ['2026-03-18T08:00:00', 'closed'],
    ['2026-01-01T08:00:00', 'not_open'],
  ] as const)('morning session on 17 March at %s is %s', (time, expected) => {
    expect(checkBookable('2026-03-17', 'am', 'chief_physician', at(time))).toBe(expected);
  });

  it.each([
    ['chief_physician', '2026-03-17T15:29:59', 'open'],
    ['chief_physician', '2026-03-17T15:30:00', 'closed'],
    ['attending_physician', '2026-03-17T15:30:00', 'open'],
    ['attending_physician', '2026-03-17T16:29:59', 'open'],
    ['attending_physician', '2026-03-17T16:30:00', 'closed'],
  ] as const)('afternoon session of a %s at %s is %s', (title, time, expected) => {
    expect(checkBookable('2026-03-17', 'pm', title, at(time))).toBe(expected);
  });

  it('treats the instant, not the server time zone: 00:00Z is already 08:00 in Shanghai', () => {
    expect(checkBookable('2026-03-17', 'am', 'chief_physician', new Date('2026-03-10T00:00:00Z'))).toBe(
      'open',
    );
    expect(checkBookable('2026-03-17', 'am', 'chief_physician', new Date('2026-03-09T23:59:59Z'))).toBe(
      'not_open',
    );
  });
});

describe('doctor titles', () => {
  it('labels every title in Chinese and prices it in whole fen, seniors dearer', () => {
    expect(DOCTOR_TITLES.map((t) => DOCTOR_TITLE_LABELS[t])).toEqual([
      '主任医师',
      '副主任医师',
      '主治医师',
      '住院医师',
    ]);
    const fees = DOCTOR_TITLES.map((t) => DEFAULT_FEE_FEN_BY_TITLE[t]);
    expect(fees).toEqual([5000, 3000, 1500, 1000]);
    expect(fees.every(Number.isInteger)).toBe(true);
  });

  it('counts chief and associate chief physicians as experts', () => {
    expect(DOCTOR_TITLES.filter(isExpertTitle)).toEqual(['chief_physician', 'associate_chief_physician']);
  });
});
