import { z } from 'zod';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  calendarYearProblems,
} from '../domain/calendar/calendar-years';
import { isDateString } from '../domain/calendar/shanghai-time';
import { dateSchema, idSchema, shanghaiTimestampSchema } from './common.schema';

const calendarDate = dateSchema.refine(isDateString, { message: '日期不存在' });
/** A year has at most 366 days; generous bounds that still stop an absurd body early. */
const dayList = (max: number) => z.array(calendarDate).max(max, { message: `最多 ${max} 天` });

/** `{year}` in the path: four digits within the years the hospital may enter. */
export const calendarYearParamsSchema = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, { message: '年份应为四位数字' })
    .transform(Number)
    .refine((y) => y >= CALENDAR_FIRST_YEAR && y <= CALENDAR_LAST_YEAR, {
      message: `年份应在 ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 之间`,
    }),
});

/** `PUT /v1/admin/calendar-years/{year}`: the whole arrangement, replacing what was there. */
export const putCalendarYearBodySchema = z.strictObject({
  /** Every day off, weekends inside a break included. */
  holidays: dayList(120),
  /** Make-up working days (调休上班): Saturdays or Sundays worked instead. */
  workdays: dayList(30),
  /** Only a confirmed year is used for working days; a draft may be saved and confirmed later. */
  confirmed: z.boolean(),
});
export type PutCalendarYearBody = z.infer<typeof putCalendarYearBodySchema>;

/**
 * A year's arrangement with every rule of `calendarYearProblems` applied: what the seed writes
 * and what an entered year must satisfy (the use case reports the same rules as named errors).
 */
export const calendarYearArrangementSchema = z
  .strictObject({
    year: z.number().int().min(CALENDAR_FIRST_YEAR).max(CALENDAR_LAST_YEAR),
    holidays: dayList(120),
    workdays: dayList(30),
    confirmed: z.boolean(),
  })
  .superRefine((value, ctx) => {
    for (const problem of calendarYearProblems(value.year, value)) {
      ctx.addIssue({ code: 'custom', message: `${problem.code}: ${problem.dates.join(', ')}` });
    }
  });
export type CalendarYearArrangement = z.infer<typeof calendarYearArrangementSchema>;

/** Where a year came from: the library at seeding, entered by the hospital, or nothing yet. */
export const calendarYearSourceSchema = z.enum(['library', 'hospital', 'none']);
export type CalendarYearSource = z.infer<typeof calendarYearSourceSchema>;

export const calendarWarningSchema = z.object({
  year: z.number().int(),
  reason: z.enum(['current_year_unconfirmed', 'next_year_unconfirmed']),
  message: z.string(),
});

/** One audited change of a year: who, when, and the arrangement before and after. */
export const calendarYearChangeSchema = z.object({
  at: shanghaiTimestampSchema,
  accountId: idSchema,
  before: z
    .object({ holidays: z.array(dateSchema), workdays: z.array(dateSchema), confirmed: z.boolean() })
    .optional(),
  after: z.object({ holidays: z.array(dateSchema), workdays: z.array(dateSchema), confirmed: z.boolean() }),
});
export type CalendarYearChange = z.infer<typeof calendarYearChangeSchema>;

/** `GET/PUT /v1/admin/calendar-years/{year}`. */
export const calendarYearSchema = z.object({
  year: z.number().int(),
  holidays: z.array(dateSchema),
  workdays: z.array(dateSchema),
  confirmed: z.boolean(),
  source: calendarYearSourceSchema,
  updatedAt: shanghaiTimestampSchema.optional(),
  updatedByAccountId: idSchema.optional(),
  /** The latest audited changes, newest first. */
  history: z.array(calendarYearChangeSchema),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarYearSummarySchema = z.object({
  year: z.number().int(),
  confirmed: z.boolean(),
  source: calendarYearSourceSchema,
  holidayCount: z.number().int(),
  workdayCount: z.number().int(),
  updatedAt: shanghaiTimestampSchema.optional(),
});
export type CalendarYearSummary = z.infer<typeof calendarYearSummarySchema>;

/** `GET /v1/admin/calendar-years`: stored years (and this and next year when missing), newest first. */
export const calendarYearListResponseSchema = z.object({
  items: z.array(calendarYearSummarySchema),
  warning: calendarWarningSchema.optional(),
});
export type CalendarYearListResponse = z.infer<typeof calendarYearListResponseSchema>;

/** `GET /v1/calendar/status`: the banner admins and records staff see. */
export const calendarStatusResponseSchema = z.object({ warning: calendarWarningSchema.optional() });
export type CalendarStatusResponse = z.infer<typeof calendarStatusResponseSchema>;

/** A deadline counted in working days, as responses carry it. */
export const workingDayDeadlineSchema = z.object({ date: dateSchema, provisional: z.boolean() });
