import { formatDateList, parseDateList } from './date-list';

describe('parseDateList', () => {
  it('reads lines, commas and ranges into sorted distinct dates', () => {
    // Act
    const parsed = parseDateList('2027-10-01 ~ 2027-10-03\n2027-01-01，2027-05-01、2027-05-02\n2027-01-01');

    // Assess
    expect(parsed).toEqual({
      dates: ['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03'],
    });
  });

  it('crosses a month end inside a range', () => {
    expect(parseDateList('2027-01-30至2027-02-02')).toEqual({
      dates: ['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02'],
    });
  });

  it('names every piece that is not a date or a sensible range', () => {
    expect(
      parseDateList('2027-02-30, 2027-2-1, 2027-03-05~2027-03-01, 2027-01-01~2027-03-01, 2027-04-05'),
    ).toEqual({
      invalid: ['2027-02-30', '2027-2-1', '2027-03-05~2027-03-01', '2027-01-01~2027-03-01'],
    });
  });

  it('reads an empty text as no dates', () => {
    expect(parseDateList('  \n ')).toEqual({ dates: [] });
  });
});

describe('formatDateList', () => {
  it('writes consecutive days as ranges and round-trips through parseDateList', () => {
    // Prepare
    const dates = ['2026-10-07', '2026-10-01', '2026-10-02', '2026-01-01', '2026-10-03'];

    // Act
    const text = formatDateList(dates);

    // Assess
    expect(text).toBe('2026-01-01\n2026-10-01~2026-10-03\n2026-10-07');
    expect(parseDateList(text)).toEqual({ dates: [...dates].sort() });
  });
});
