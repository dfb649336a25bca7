import { putDoctorTemplatesBodySchema } from '@jiuyi/shared';
import type { ClinicPeriod, DoctorTemplatesResponse, PutDoctorTemplatesBody } from '@jiuyi/shared';

/** One weekly half-day as the form holds it: numbers stay text until saved, so typing is never fought. */
export interface TemplateRow {
  key: string;
  weekday: number;
  period: ClinicPeriod;
  capacity: string;
  slotMinutes: string;
  onSiteReservePercent: string;
  referralReservePercent: string;
}

/** Field errors by `<row index>.<field>` (or `form`), in the server's own Chinese words. */
export type RowErrors = Record<string, string>;

let nextKey = 0;
const newKey = () => `row-${++nextKey}`;

export function rowsFrom(templates: DoctorTemplatesResponse): TemplateRow[] {
  return templates.items.map((t) => ({
    key: newKey(),
    weekday: t.weekday,
    period: t.period,
    capacity: String(t.capacity),
    slotMinutes: String(t.slotMinutes),
    // A template on the hospital default keeps no reserves of its own: leave them blank.
    onSiteReservePercent: t.defaultQuota ? '' : String(t.onSiteReservePercent),
    referralReservePercent: t.defaultQuota ? '' : String(t.referralReservePercent),
  }));
}

export function emptyRow(): TemplateRow {
  return {
    key: newKey(),
    weekday: 1,
    period: 'am',
    capacity: '',
    slotMinutes: '20',
    onSiteReservePercent: '',
    referralReservePercent: '',
  };
}

/** Text → number for the schema; text that is not a number stays text so the schema names the field. */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function optionalNumber(text: string): number | string | undefined {
  return text.trim() === '' ? undefined : numberOrText(text);
}

/** `templates.3.capacity` (the server's and zod's path) → `3.capacity`, the form's key. */
export function fieldKey(path: string): string {
  const key = path.replace(/^templates\.?/, '');
  return key === '' ? 'form' : key;
}

/** Validates with the contract's own schema, so the form says exactly what the server would. */
export function validateRows(
  rows: TemplateRow[],
): { ok: true; body: PutDoctorTemplatesBody } | { ok: false; errors: RowErrors } {
  const candidate = {
    templates: rows.map((row) => ({
      weekday: row.weekday,
      period: row.period,
      capacity: numberOrText(row.capacity),
      slotMinutes: numberOrText(row.slotMinutes),
      onSiteReservePercent: optionalNumber(row.onSiteReservePercent),
      referralReservePercent: optionalNumber(row.referralReservePercent),
    })),
  };
  const parsed = putDoctorTemplatesBodySchema.safeParse(candidate);
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: RowErrors = {};
  for (const issue of parsed.error.issues) {
    const key = fieldKey(issue.path.join('.'));
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
