import type { SubscribableKind } from '@jiuyi/shared';

/**
 * The user's consent to WeChat subscribe messages, per kind. A one-time subscription allows one
 * message, so consent is a count: each acceptance adds one, each message sent outside the app uses one.
 */
export interface SubscriptionStore {
  /** Adds one allowance per accepted kind; returns the counts after. */
  accept(
    accountId: string,
    kinds: readonly SubscribableKind[],
  ): Promise<Partial<Record<SubscribableKind, number>>>;
  remaining(accountId: string): Promise<Partial<Record<SubscribableKind, number>>>;
  /**
   * Uses one allowance for `messageId`; false when none is left. Asking again for the same message
   * (a retried send) answers true without using a second one.
   */
  consume(accountId: string, kind: SubscribableKind, messageId: string): Promise<boolean>;
}
