import {
  subscribableKindSchema,
  type MessageKind,
  type SubscribableKind,
  type SubscriptionListResponse,
} from '@jiuyi/shared';
import type { MessageChannel } from '../../ports/message-channel';
import type { SubscriptionStore } from '../../ports/subscription-store';

/** Kind → WeChat template id, as configured for this stage. */
export type TemplateIds = Partial<Record<MessageKind, string>>;

function view(
  templates: TemplateIds,
  counts: Partial<Record<SubscribableKind, number>>,
): SubscriptionListResponse {
  return {
    items: subscribableKindSchema.options.flatMap((kind) => {
      const templateId = templates[kind];
      return templateId ? [{ kind, templateId, remaining: counts[kind] ?? 0 }] : [];
    }),
  };
}

/**
 * The kinds the mini-program may ask consent for (with the template ids `requestSubscribeMessage`
 * takes) and how many messages of each the user has allowed.
 */
export async function listSubscriptions(
  ports: { subscriptions: SubscriptionStore; templates: TemplateIds },
  accountId: string,
): Promise<SubscriptionListResponse> {
  return view(ports.templates, await ports.subscriptions.remaining(accountId));
}

/**
 * Records what the user accepted in `requestSubscribeMessage`: one more allowed message per kind.
 * Kinds without a configured template are ignored (nothing could be sent with them).
 */
export async function acceptSubscriptions(
  ports: { subscriptions: SubscriptionStore; templates: TemplateIds },
  accountId: string,
  accepted: readonly SubscribableKind[],
): Promise<SubscriptionListResponse> {
  const usable = accepted.filter((kind) => ports.templates[kind]);
  const counts = usable.length
    ? await ports.subscriptions.accept(accountId, usable)
    : await ports.subscriptions.remaining(accountId);
  return view(ports.templates, counts);
}

/**
 * Subscribe messages only for users who allowed them: without an allowance for the kind the send is
 * `skipped` (`not_subscribed`) and the message reaches the in-app centre only. Kinds outside the
 * subscribable set pass through to the channel, which skips them for want of a template.
 */
export function withSubscriptionConsent(
  channel: MessageChannel,
  subscriptions: SubscriptionStore,
): MessageChannel {
  if (channel.name !== 'wechat_subscribe') return channel;
  return {
    name: channel.name,
    async send(message) {
      const kind = subscribableKindSchema.safeParse(message.kind);
      if (!kind.success) return channel.send(message);
      if (!(await subscriptions.consume(message.recipientAccountId, kind.data, message.id))) {
        return { kind: 'skipped', reason: 'not_subscribed' };
      }
      return channel.send(message);
    },
  };
}
