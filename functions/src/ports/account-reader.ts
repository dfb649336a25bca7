import type { Account } from '@jiuyi/shared';

/** Reads an account for authorising a request, allowed to answer from a short per-function cache. */
export interface AccountReader {
  /**
   * The account as read at or after `notBefore` and within the reader's maximum age (60 s in
   * production); older copies are read again.
   */
  read(accountId: string, notBefore: Date): Promise<Account | undefined>;
}
