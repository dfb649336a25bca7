import type { ExternalChannelName, OutboxMessage } from '@jiuyi/shared';

/** `pending` waits (or waits again after a failure); `sending` is leased to one sender. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'delivered_unconfirmed' | 'dead';

/**
 * Per-channel progress. `attempting` is written before the provider is called; finding it under
 * a new lease means the previous sender died mid-send, so the send is `unconfirmed`, never repeated.
 */
export type DeliveryState = 'attempting' | 'sent' | 'skipped' | 'failed' | 'unconfirmed';

export interface ChannelDelivery {
  state: DeliveryState;
  at: string;
  detail?: string;
}

export interface OutboxRecord {
  message: OutboxMessage;
  status: OutboxStatus;
  /** Failed delivery rounds so far. */
  attempts: number;
  nextAttemptAt: string;
  leaseUntil?: string;
  leaseOwner?: string;
  deliveries: Partial<Record<ExternalChannelName, ChannelDelivery>>;
  lastError?: string;
}

export type OutboxFinish =
  | { status: 'sent' | 'delivered_unconfirmed' }
  | { status: 'pending'; attempts: number; nextAttemptAt: string; lastError: string }
  | { status: 'dead'; attempts: number; lastError: string };

/**
 * The sender's view of the outbox. Every write after `claim` is conditioned on still holding the
 * lease (`owner`), so a sender whose lease expired cannot overwrite the one that took over.
 */
export interface OutboxStore {
  /** Pending items due by `nowIso` and sending items whose lease has expired, oldest first. */
  due(nowIso: string, limit: number): Promise<OutboxRecord[]>;
  /** Leases the item to `owner` until `leaseUntil`; undefined when someone else holds it or it is done. */
  claim(
    messageId: string,
    owner: string,
    nowIso: string,
    leaseUntil: string,
  ): Promise<OutboxRecord | undefined>;
  /** Records progress on one channel; false when the lease was lost. */
  setDelivery(
    messageId: string,
    owner: string,
    channel: ExternalChannelName,
    delivery: ChannelDelivery,
  ): Promise<boolean>;
  /** Ends the round: done, back to pending with a later time, or dead. False when the lease was lost. */
  finish(messageId: string, owner: string, outcome: OutboxFinish, nowIso: string): Promise<boolean>;
  get(messageId: string): Promise<OutboxRecord | undefined>;
}
