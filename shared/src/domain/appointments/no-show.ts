import { DomainError } from '../../errors';
import { DAY_MS, shanghaiDate, shanghaiTime, toShanghaiIso } from '../calendar/shanghai-time';

export interface NoShowPolicy {
  /** No-shows that trigger a block… */
  threshold: number;
  /** …when they all fall within this many days… */
  windowDays: number;
  /** …block online booking for this many days from the no-show that reached the threshold. */
  blockDays: number;
}

/** Demo policy after the common municipal rule: 3 no-shows in 90 days block booking for 90 days. */
export const DEFAULT_NO_SHOW_POLICY: NoShowPolicy = { threshold: 3, windowDays: 90, blockDays: 90 };

export type NoShowBlock = { blocked: false } | { blocked: true; liftsAt: Date };

/**
 * Whether a patient's no-shows (爽约, Beijing art. 27) block online booking at `now`. A block
 * starts at any no-show that makes `threshold` no-shows within less than `windowDays` (24-hour
 * days) and lasts `blockDays`; overlapping blocks extend to the latest end. No-shows after
 * `now` are ignored, so a clock skew between writers cannot block someone early.
 */
export function noShowBlock(
  noShowDates: Date[],
  now: Date,
  policy: NoShowPolicy = DEFAULT_NO_SHOW_POLICY,
): NoShowBlock {
  const { threshold, windowDays, blockDays } = policy;
  if (!Number.isInteger(threshold) || threshold < 1 || !(windowDays > 0) || !(blockDays > 0)) {
    throw new RangeError('No-show policy needs a threshold of at least 1 and positive day counts');
  }
  const times = noShowDates
    .map((d) => d.getTime())
    .filter((t) => Number.isFinite(t) && t <= now.getTime())
    .sort((a, b) => a - b);

  let liftsAt: number | undefined;
  for (let i = threshold - 1; i < times.length; i += 1) {
    const trigger = times[i] as number;
    const earliest = times[i - threshold + 1] as number;
    if (trigger - earliest >= windowDays * DAY_MS) continue;
    const end = trigger + blockDays * DAY_MS;
    if (end > now.getTime() && (liftsAt === undefined || end > liftsAt)) liftsAt = end;
  }
  return liftsAt === undefined ? { blocked: false } : { blocked: true, liftsAt: new Date(liftsAt) };
}

/**
 * How far back a no-show can still matter: one at the start of a window plus the block it may
 * start. Reading no-shows older than this cannot change the answer of `noShowBlock`.
 */
export function noShowLookbackMs(policy: NoShowPolicy = DEFAULT_NO_SHOW_POLICY): number {
  return (policy.windowDays + policy.blockDays) * DAY_MS;
}

/**
 * Throws `BOOKING_BLOCKED_NO_SHOW` when the no-shows block online booking at `now`; the message
 * names the Shanghai date and time the block lifts, and `details.liftsAt` carries the instant.
 */
export function assertNotBlockedByNoShows(
  noShowDates: Date[],
  now: Date,
  policy: NoShowPolicy = DEFAULT_NO_SHOW_POLICY,
): void {
  const block = noShowBlock(noShowDates, now, policy);
  if (!block.blocked) return;
  const liftsAt = toShanghaiIso(block.liftsAt);
  throw new DomainError('BOOKING_BLOCKED_NO_SHOW', {
    message: `${policy.windowDays} 天内爽约已达 ${policy.threshold} 次，网上预约暂停至 ${shanghaiDate(block.liftsAt)} ${shanghaiTime(block.liftsAt)}`,
    details: { liftsAt, liftsOn: shanghaiDate(block.liftsAt), threshold: policy.threshold },
  });
}
