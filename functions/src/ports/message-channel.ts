import type { ExternalChannelName, OutboxMessage } from '@jiuyi/shared';

/**
 * What a channel says about one send. `skipped` is final and not an error (the user refused the
 * subscription, has no address, or the kind has no template): the in-app copy already reached them.
 * `failed` means the provider definitely did not take it, so a retry cannot duplicate it.
 * `unknown` means it may or may not have gone out (a timeout): never retried.
 */
export type ChannelOutcome =
  | { kind: 'sent'; providerMessageId?: string }
  | { kind: 'skipped'; reason: 'not_subscribed' | 'no_address' | 'no_template' }
  | { kind: 'failed'; reason: string }
  | { kind: 'unknown'; reason: string };

/** One way out of the system: WeChat subscribe messages, SMS, or the local recorder. */
export interface MessageChannel {
  name: ExternalChannelName;
  send(message: OutboxMessage): Promise<ChannelOutcome>;
}

/** How to reach an account outside the app; undefined when it has no such address. */
export interface RecipientDirectory {
  openidOf(accountId: string): Promise<string | undefined>;
  phoneOf(accountId: string): Promise<string | undefined>;
}
