import type { Account } from '@jiuyi/shared';
import type { AccountReader } from '../../ports/account-reader';

/** How stale an account may be when it authorises a request: a disable or role change applies within this. */
export const ACCOUNT_CACHE_MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * A per-warm-function cache in front of the account store. An entry is used only while it is younger
 * than `maxAgeMs` and was read after `notBefore`; the read time recorded is the time the read started,
 * so an entry never looks fresher than it is. Unknown accounts are not cached.
 */
export function createAccountCache(
  accounts: { get(accountId: string): Promise<Account | undefined> },
  options: { maxAgeMs?: number; now?: () => Date } = {},
): AccountReader {
  const maxAgeMs = Math.min(options.maxAgeMs ?? ACCOUNT_CACHE_MAX_AGE_MS, ACCOUNT_CACHE_MAX_AGE_MS);
  const now = options.now ?? (() => new Date());
  const entries = new Map<string, { account: Account; readAt: number }>();

  return {
    async read(accountId, notBefore) {
      const started = now().getTime();
      const oldest = Math.max(notBefore.getTime(), started - maxAgeMs);
      const entry = entries.get(accountId);
      if (entry && entry.readAt >= oldest) return entry.account;
      const account = await accounts.get(accountId);
      entries.delete(accountId);
      if (!account) return undefined;
      if (entries.size >= MAX_ENTRIES) {
        const first = entries.keys().next();
        if (!first.done) entries.delete(first.value);
      }
      entries.set(accountId, { account, readAt: started });
      return account;
    },
  };
}
