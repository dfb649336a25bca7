import { randomUUID } from 'node:crypto';
import { type OutboxMessage, toShanghaiIso, truncateText } from '@jiuyi/shared';
import type { ChannelOutcome, MessageChannel } from '../../ports/message-channel';
import type { ChannelDelivery, OutboxRecord, OutboxStore } from '../../ports/outbox';

export interface DeliveryPorts {
  outbox: OutboxStore;
  channels: readonly MessageChannel[];
}

export interface DeliveryOptions {
  /** Identifies this sender's leases; random per run unless a test fixes it. */
  senderId?: string;
  leaseMs?: number;
  /** Failed rounds before the message is dead-lettered. */
  maxAttempts?: number;
  batchSize?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface DeliverySummary {
  claimed: number;
  sent: number;
  unconfirmed: number;
  retried: number;
  dead: number;
  /** Rounds abandoned because another sender took the lease over (this one was too slow). */
  lostLease: number;
  /** Rounds that failed on the store itself; the lease runs out and another run picks them up. */
  errors: number;
}

export const DEFAULT_DELIVERY: Required<Omit<DeliveryOptions, 'senderId'>> = {
  leaseMs: 60_000,
  maxAttempts: 5,
  batchSize: 25,
  backoffBaseMs: 30_000,
  backoffMaxMs: 30 * 60_000,
};

/** 30 s, 1 min, 2 min, … capped: a provider outage is not hammered, a blip costs half a minute. */
export function backoffMs(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

const FINAL: ReadonlySet<ChannelDelivery['state']> = new Set(['sent', 'skipped', 'unconfirmed']);

function deliveryOf(outcome: ChannelOutcome, at: string): ChannelDelivery {
  switch (outcome.kind) {
    case 'sent':
      return {
        state: 'sent',
        at,
        ...(outcome.providerMessageId ? { detail: outcome.providerMessageId } : {}),
      };
    case 'skipped':
      return { state: 'skipped', at, detail: outcome.reason };
    case 'failed':
      return { state: 'failed', at, detail: truncateText(outcome.reason, 200) };
    case 'unknown':
      return { state: 'unconfirmed', at, detail: truncateText(outcome.reason, 200) };
  }
}

async function sendOnce(
  channel: MessageChannel | undefined,
  message: OutboxMessage,
): Promise<ChannelOutcome> {
  if (!channel) return { kind: 'failed', reason: 'channel not configured' };
  try {
    return await channel.send(message);
  } catch (error) {
    // Adapters turn timeouts into `unknown`; what is thrown is a refusal before anything went out.
    return { kind: 'failed', reason: error instanceof Error ? error.message : 'channel error' };
  }
}

type Round = { kind: 'done'; unconfirmed: boolean } | { kind: 'failed'; reason: string } | { kind: 'lost' };

async function deliverChannels(
  ports: DeliveryPorts,
  record: OutboxRecord,
  owner: string,
  at: string,
): Promise<Round> {
  const { message } = record;
  const failures: string[] = [];
  let unconfirmed = false;
  for (const name of message.channels) {
    if (name === 'in_app') continue;
    const prior = record.deliveries[name];
    if (prior && FINAL.has(prior.state)) {
      unconfirmed ||= prior.state === 'unconfirmed';
      continue;
    }
    if (prior?.state === 'attempting') {
      // The previous holder wrote the marker and stopped: the provider may have the message.
      if (
        !(await ports.outbox.setDelivery(message.id, owner, name, {
          state: 'unconfirmed',
          at,
          detail: 'sender stopped mid-send',
        }))
      ) {
        return { kind: 'lost' };
      }
      unconfirmed = true;
      continue;
    }
    if (!(await ports.outbox.setDelivery(message.id, owner, name, { state: 'attempting', at })))
      return { kind: 'lost' };
    const outcome = await sendOnce(
      ports.channels.find((c) => c.name === name),
      message,
    );
    if (!(await ports.outbox.setDelivery(message.id, owner, name, deliveryOf(outcome, at))))
      return { kind: 'lost' };
    if (outcome.kind === 'failed') failures.push(`${name}: ${outcome.reason}`);
    unconfirmed ||= outcome.kind === 'unknown';
  }
  return failures.length
    ? { kind: 'failed', reason: truncateText(failures.join('; '), 500) }
    : { kind: 'done', unconfirmed };
}

/**
 * Sends what the outbox holds, each message at most once per channel.
 *
 * 1. Read the due queue: pending messages whose time has come, and leased ones whose lease ran out.
 * 2. Claim each with a conditional update (pending → sending, lease until now + 60 s); a second
 *    sender's claim fails its condition, so two senders never work on one message.
 * 3. Per external channel, write an `attempting` marker (conditioned on the lease), call the
 *    provider, then record its outcome. Channels already done in an earlier round are not repeated.
 * 4. All channels done → `sent` (or `delivered_unconfirmed`); a refusal → back to pending with
 *    exponential backoff; after `maxAttempts` failed rounds → `dead`.
 *
 * Why a marker and not a provider dedupe id: WeChat subscribe messages accept no idempotency key
 * and Tencent SMS only echoes `SessionContext`, so nothing lets us ask "did it go?". A sender that
 * dies between the call and the outcome leaves `attempting`; whoever claims the expired lease
 * records `unconfirmed` instead of sending again. We choose at-most-once for external channels
 * because the in-app copy was written with the change itself: the recipient can always read it,
 * while a duplicate SMS or reminder cannot be taken back.
 */
export async function deliverPendingMessages(
  ports: DeliveryPorts,
  now: Date,
  options: DeliveryOptions = {},
): Promise<DeliverySummary> {
  const o = { ...DEFAULT_DELIVERY, ...options };
  const owner = options.senderId ?? randomUUID();
  const nowIso = toShanghaiIso(now);
  const leaseUntil = toShanghaiIso(new Date(now.getTime() + o.leaseMs));
  const summary: DeliverySummary = {
    claimed: 0,
    sent: 0,
    unconfirmed: 0,
    retried: 0,
    dead: 0,
    lostLease: 0,
    errors: 0,
  };

  for (const due of await ports.outbox.due(nowIso, o.batchSize)) {
    try {
      const record = await ports.outbox.claim(due.message.id, owner, nowIso, leaseUntil);
      if (!record) continue;
      summary.claimed += 1;
      const round = await deliverChannels(ports, record, owner, nowIso);
      if (round.kind === 'lost') {
        summary.lostLease += 1;
        continue;
      }
      let finished: boolean;
      if (round.kind === 'done') {
        finished = await ports.outbox.finish(
          due.message.id,
          owner,
          { status: round.unconfirmed ? 'delivered_unconfirmed' : 'sent' },
          nowIso,
        );
        if (finished) summary[round.unconfirmed ? 'unconfirmed' : 'sent'] += 1;
      } else {
        const attempts = record.attempts + 1;
        const next = toShanghaiIso(
          new Date(now.getTime() + backoffMs(attempts, o.backoffBaseMs, o.backoffMaxMs)),
        );
        const outcome =
          attempts >= o.maxAttempts
            ? ({ status: 'dead', attempts, lastError: round.reason } as const)
            : ({ status: 'pending', attempts, nextAttemptAt: next, lastError: round.reason } as const);
        finished = await ports.outbox.finish(due.message.id, owner, outcome, nowIso);
        if (finished) summary[outcome.status === 'dead' ? 'dead' : 'retried'] += 1;
      }
      if (!finished) summary.lostLease += 1;
    } catch {
      summary.errors += 1;
    }
  }
  return summary;
}
