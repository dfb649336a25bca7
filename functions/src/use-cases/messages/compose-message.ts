import { createHash } from 'node:crypto';
import {
  outboxMessageSchema,
  toShanghaiIso,
  type MessageChannelName,
  type MessageKind,
  type OutboxMessage,
} from '@jiuyi/shared';

/**
 * The id of the message that reports one step of one thing (`booking_confirmed` of appointment X,
 * the `2h` chase of consultation Y). A hash rather than a random id, so reporting the same event
 * twice yields the same id and the outbox's `attribute_not_exists` refuses the copy. Shaped as a
 * UUID (version 8, "custom") so it fits the API's id parameters.
 */
export function messageIdFor(kind: MessageKind, entityId: string, step: string): string {
  const hex = createHash('sha256').update(`${kind}:${entityId}:${step}`, 'utf8').digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface MessageDraft {
  kind: MessageKind;
  /** What the message is about (appointment id, consultation id, …). */
  entityId: string;
  /** Which step of that thing: 'created', 'paid', 'evening-before', … */
  step: string;
  recipientAccountId: string;
  title: string;
  body: string;
  link: string;
  /** External channels to try; the in-app centre is always added. */
  channels?: readonly MessageChannelName[];
  data?: Record<string, string>;
}

/** A validated outbox message for a draft, stamped with `now`. */
export function composeMessage(draft: MessageDraft, now: Date): OutboxMessage {
  const channels = [...new Set<MessageChannelName>([...(draft.channels ?? ['wechat_subscribe']), 'in_app'])];
  return outboxMessageSchema.parse({
    id: messageIdFor(draft.kind, draft.entityId, draft.step),
    recipientAccountId: draft.recipientAccountId,
    kind: draft.kind,
    title: draft.title,
    body: draft.body,
    link: draft.link,
    channels,
    ...(draft.data ? { data: draft.data } : {}),
    createdAt: toShanghaiIso(now),
  });
}
