import { PUBLISHED_YEARS } from '../../../shared/src/domain/calendar/test-support';
import { libraryCalendarYears } from './calendar-years';

describe('calendar years seeded from chinese-days', () => {
  it('carries the published 2025 and 2026 arrangements exactly as the unit tests know them', () => {
    // Act
    const seeded = libraryCalendarYears();

    // Assess
    for (const published of PUBLISHED_YEARS) {
      expect(seeded.find((y) => y.year === published.year)).toEqual(published);
    }
  });

  it('seeds only years the library knows: none past its data, so a new year is the hospital’s to enter', () => {
    // Act
    const years = libraryCalendarYears().map((y) => y.year);

    // Assess: the library release in use carries data through 2026.
    expect(years).toContain(2010);
    expect(Math.max(...years)).toBe(2026);
    expect(years).not.toContain(2027);
  });
});
