import Taro from '@tarojs/taro';
import { subscriptionListResponseSchema } from '@jiuyi/shared';
import type { SubscribableKind, SubscriptionView } from '@jiuyi/shared';
import { authedRequest } from './session';

/** The kinds each moment asks consent for (WeChat shows at most 3 templates per prompt). */
const KINDS_AT: Record<'booking' | 'payment', readonly SubscribableKind[]> = {
  booking: ['booking_confirmed', 'visit_reminder_evening', 'session_suspended'],
  payment: ['payment_succeeded', 'refund_completed', 'visit_reminder_soon'],
};

let templates: SubscriptionView[] | undefined;

/**
 * Loads the template ids ahead of the tap: WeChat only shows the subscribe prompt when it is
 * called straight from a tap, so no request may stand between the tap and the prompt.
 */
export function prepareSubscriptions(): void {
  if (process.env.TARO_ENV !== 'weapp' || templates) return;
  authedRequest('/v1/message-subscriptions', subscriptionListResponseSchema).then(
    ({ items }) => {
      templates = items;
    },
    () => undefined,
  );
}

/**
 * Before booking or paying: on weapp asks the user to allow WeChat subscribe messages, then tells the
 * server which kinds were accepted. Refusal or any failure is ignored: every message still reaches the
 * in-app centre, so the booking must never wait on this. H5 has no subscribe messages: a no-op.
 */
export async function askToSubscribe(moment: 'booking' | 'payment'): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || !templates) return;
  const wanted = templates.filter((item) => KINDS_AT[moment].includes(item.kind));
  if (wanted.length === 0) return;
  try {
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: wanted.map((item) => item.templateId),
      entityIds: [],
    })) as unknown as Record<string, unknown>;
    const accepted = wanted.filter((item) => answer[item.templateId] === 'accept').map((item) => item.kind);
    if (accepted.length === 0) return;
    const { items } = await authedRequest('/v1/message-subscriptions', subscriptionListResponseSchema, {
      method: 'POST',
      body: { accepted },
    });
    templates = items;
  } catch {
    // Refused or unsupported: the in-app centre still gets every message.
  }
}
