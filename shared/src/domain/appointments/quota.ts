/** How a session's numbers are divided between channels. */
export interface QuotaSplit {
  /** Kept for on-site registration by the elderly and other special groups (Beijing art. 10). */
  onSite: number;
  /** Kept for referrals from primary care, which get priority (Beijing art. 16–17). */
  referral: number;
  /** Open to every booking channel, the mini-program included. */
  online: number;
}

export interface QuotaPolicy {
  onSiteReservePercent: number;
  referralReservePercent: number;
}

/** Demo policy: 20 % kept on site, 10 % for referrals. Hospitals set their own. */
export const DEFAULT_QUOTA_POLICY: QuotaPolicy = { onSiteReservePercent: 20, referralReservePercent: 10 };

/**
 * Splits `capacity` numbers. The on-site reserve rounds up, so a session with any numbers
 * and a non-zero reserve always keeps at least one for someone who cannot book online; the
 * referral reserve rounds down and the online share takes the rest. Because
 * ceil(a) + floor(b) <= ceil(a + b) <= capacity, the online share is never negative.
 */
export function splitQuota(capacity: number, policy: QuotaPolicy = DEFAULT_QUOTA_POLICY): QuotaSplit {
  if (!Number.isInteger(capacity) || capacity < 0)
    throw new RangeError('Capacity must be a non-negative integer');
  const { onSiteReservePercent: onSitePct, referralReservePercent: referralPct } = policy;
  if (!isPercent(onSitePct) || !isPercent(referralPct) || onSitePct + referralPct > 100) {
    throw new RangeError('Reserve percentages must be whole numbers 0–100, together at most 100');
  }
  const onSite = Math.ceil((capacity * onSitePct) / 100);
  const referral = Math.floor((capacity * referralPct) / 100);
  return { onSite, referral, online: capacity - onSite - referral };
}

// Whole percentages keep capacity * percent an exact integer, so rounding cannot drift.
function isPercent(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 100;
}
