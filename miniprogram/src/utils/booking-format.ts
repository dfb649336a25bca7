import {
  BOOKING_RELEASE_TIME,
  DEFAULT_NO_SHOW_POLICY,
  SESSION_HOURS,
  addDays,
  shanghaiDate,
} from '@jiuyi/shared';
import type { AppointmentStatus, ClinicPeriod } from '@jiuyi/shared';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Fen → `50.00` yuan, exact to the cent (no floating point). */
export function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** `2026-11-24` → `周二`. */
export function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T12:00:00+08:00`).getUTCDay()] ?? '';
}

/** `2026-11-24` → `11月24日`. */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** A day as the grid heads it: 今天 / 明天 / the weekday, with the date underneath. */
export function dayLabel(date: string, today: string): string {
  if (date === today) return '今天';
  if (date === addDays(today, 1)) return '明天';
  return weekdayOf(date);
}

/** The Shanghai dates from today for `count` days. */
export function datesFrom(now: Date, count: number): string[] {
  const today = shanghaiDate(now);
  return Array.from({ length: count }, (_, i) => addDays(today, i));
}

/** `2026-11-24T08:30:00+08:00` → `08:30`. */
export function clock(iso: string): string {
  return iso.slice(11, 16);
}

export const PERIOD_LABELS: Record<ClinicPeriod, string> = { am: '上午', pm: '下午' };

/** `上午 08:00–11:30`. */
export function periodHours(period: ClinicPeriod): string {
  return `${PERIOD_LABELS[period]} ${SESSION_HOURS[period].start}–${SESSION_HOURS[period].end}`;
}

/** The release rule in words, under the grid (Dalian 1.3). */
export const RELEASE_NOTE = `可预约今天起 7 天内的号源，每天 ${BOOKING_RELEASE_TIME} 放出第 7 天的号。`;

/** What happens without a cancellation, shown before the patient confirms (Beijing art. 15, 27). */
export const NO_SHOW_NOTE =
  `未取消又未按时就诊记为爽约；${DEFAULT_NO_SHOW_POLICY.windowDays} 天内爽约 ${DEFAULT_NO_SHOW_POLICY.threshold} 次，` +
  `将暂停网上预约 ${DEFAULT_NO_SHOW_POLICY.blockDays} 天。`;

/** How to cancel, for the confirm page, before the server's own confirmation exists. */
export function cancelNote(period: ClinicPeriod): string {
  return `就诊当天 ${SESSION_HOURS[period].end} 前可在“我的预约”中取消，已支付的挂号费原路退回。`;
}

export type TagTone = 'blue' | 'green' | 'orange' | 'grey' | 'red';

/** The WeChat-style tag of each appointment status. */
export const STATUS_TAGS: Record<AppointmentStatus, { label: string; tone: TagTone }> = {
  pending_payment: { label: '待支付', tone: 'orange' },
  booked: { label: '已预约', tone: 'blue' },
  checked_in: { label: '已签到', tone: 'green' },
  completed: { label: '已完成', tone: 'grey' },
  cancelled: { label: '已取消', tone: 'grey' },
  no_show: { label: '爽约', tone: 'red' },
  voided: { label: '已作废', tone: 'red' },
};

/** `mm:ss` left until `deadline`, or undefined once it has passed. */
export function countdown(deadline: string, now: Date): string | undefined {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (!(ms > 0)) return undefined;
  const seconds = Math.ceil(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
