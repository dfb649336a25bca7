import type { CalendarYearChange, CalendarYearRecord } from '@jiuyi/shared';

/** A year as stored: the arrangement, where it came from and its version for conditional writes. */
export interface StoredCalendarYear extends CalendarYearRecord {
  source: 'library' | 'hospital';
  /** 1 for the first write; every save adds one. */
  version: number;
  updatedAt?: string;
  updatedByAccountId?: string;
}

/** The hospital's working-day calendar (one record per year) and its audit trail. */
export interface CalendarStore {
  listYears(): Promise<StoredCalendarYear[]>;
  getYear(year: number): Promise<StoredCalendarYear | undefined>;
  /** The year's audited changes, newest first. */
  listChanges(year: number, limit: number): Promise<CalendarYearChange[]>;
  /** Seeding: writes each year that is not stored yet and never touches one that is; returns how many. */
  seedYears(years: readonly StoredCalendarYear[]): Promise<number>;
  /**
   * Writes `next` and its audit entry in one transaction, provided the stored version is still
   * `expectedVersion` (0: no record yet). `changed` when another save came first.
   */
  saveYear(
    next: StoredCalendarYear,
    change: CalendarYearChange,
    expectedVersion: number,
  ): Promise<'saved' | 'changed'>;
}
