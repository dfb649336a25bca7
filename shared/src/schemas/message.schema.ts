import { z } from 'zod';
import { normaliseMobilePhone, validateMobilePhone } from '../domain/identity/person';

/** Where a message goes. `in_app` is always one of them: the message centre never depends on delivery. */
export const messageChannelSchema = z.enum(['wechat_subscribe', 'sms', 'in_app']);
export type MessageChannelName = z.infer<typeof messageChannelSchema>;

/** Channels that leave the system and may fail, refuse or be unconfirmed. */
export type ExternalChannelName = Exclude<MessageChannelName, 'in_app'>;

/** What a message is about; each kind may map to a WeChat template and an SMS template. */
export const messageKindSchema = z.enum([
  'booking_confirmed',
  'payment_succeeded',
  'refund_completed',
  'visit_reminder_evening',
  'visit_reminder_soon',
  'no_show_warning',
  'waitlist_freed',
  'session_suspended',
  'records_copy_update',
  'records_copy_deadline',
  'consultation_requested',
  'consultation_approved',
  'consultation_unapproved_chase',
  'referral_update',
  'general',
  /** A profile lost its identity (to the verified holder, at the desk, or on re-check). */
  'identity_claim',
]);
export type MessageKind = z.infer<typeof messageKindSchema>;

/**
 * A message as the outbox holds it. `data` carries the facts the channel templates pick from
 * (department, time, …); `link` is the mini-program page the message is about.
 */
export const outboxMessageSchema = z.object({
  id: z.string().uuid(),
  recipientAccountId: z.string().min(1).max(64),
  kind: messageKindSchema,
  title: z.string().min(1).max(40),
  body: z.string().min(1).max(500),
  link: z.string().regex(/^\/?[a-z0-9/_-]+(\?[A-Za-z0-9=&_%.-]*)?$/, { message: '链接须为小程序页面路径' }),
  channels: z
    .array(messageChannelSchema)
    .min(1)
    .refine((c) => c.includes('in_app'), { message: '每条消息都须进入站内消息中心' }),
  data: z.record(z.string(), z.string().max(100)).optional(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** One entry of the in-app message centre. */
export const messageViewSchema = z.object({
  id: z.string(),
  kind: messageKindSchema,
  title: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().optional(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const listMessagesQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce
    .number({ message: '每页条数须为数字' })
    .int({ message: '每页条数须为整数' })
    .min(1, { message: '每页至少 1 条' })
    .max(50, { message: '每页最多 50 条' })
    .optional(),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

/** `GET /v1/messages`: newest first, with the account's unread count. */
export const messageListResponseSchema = z.object({
  items: z.array(messageViewSchema),
  nextCursor: z.string().optional(),
  unreadCount: z.number().int().min(0),
});
export type MessageListResponse = z.infer<typeof messageListResponseSchema>;

/** `POST /v1/messages/{id}/read`: the message after marking, and the unread count after it. */
export const markMessageReadResponseSchema = z.object({
  message: messageViewSchema,
  unreadCount: z.number().int().min(0),
});
export type MarkMessageReadResponse = z.infer<typeof markMessageReadResponseSchema>;

/**
 * Kinds a WeChat subscribe-message template exists for: the ones a user can consent to receive
 * outside the app. Consent is per kind and counted (a one-time subscription allows one message).
 */
export const subscribableKindSchema = z.enum([
  'booking_confirmed',
  'payment_succeeded',
  'refund_completed',
  'visit_reminder_evening',
  'visit_reminder_soon',
  'no_show_warning',
  'waitlist_freed',
  'session_suspended',
  'records_copy_update',
]);
export type SubscribableKind = z.infer<typeof subscribableKindSchema>;

/**
 * `POST /v1/message-subscriptions`: the kinds the user accepted in `Taro.requestSubscribeMessage`
 * (the client maps the accepted template ids back to kinds with `GET /v1/message-subscriptions`).
 */
export const acceptSubscriptionsBodySchema = z.strictObject({
  accepted: z
    .array(subscribableKindSchema, { message: '请选择要订阅的消息类型' })
    .min(1, { message: '请至少选择一种消息' })
    .max(subscribableKindSchema.options.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, { message: '消息类型不能重复' }),
});
export type AcceptSubscriptionsBody = z.infer<typeof acceptSubscriptionsBodySchema>;

/** One kind the mini-program can ask consent for: its template id and the messages still allowed. */
export const subscriptionViewSchema = z.object({
  kind: subscribableKindSchema,
  templateId: z.string(),
  remaining: z.number().int().min(0),
});
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;

/** `GET|POST /v1/message-subscriptions`: every kind with a configured template. */
export const subscriptionListResponseSchema = z.object({ items: z.array(subscriptionViewSchema) });
export type SubscriptionListResponse = z.infer<typeof subscriptionListResponseSchema>;

/** `PUT /v1/me/sms-phone` (staff and experts): the mobile SMS reminders go to; stored encrypted. */
export const smsPhoneBodySchema = z.strictObject({
  phone: z
    .string({ error: '请输入手机号' })
    .max(32, { error: '手机号过长' })
    .overwrite(normaliseMobilePhone)
    .refine((phone) => validateMobilePhone(phone).ok, { error: '请输入11位中国大陆手机号' }),
});
export const smsPhoneResponseSchema = z.object({ phoneMasked: z.string() });
export type SmsPhoneResponse = z.infer<typeof smsPhoneResponseSchema>;

/**
 * `GET /v1/dev/sent-messages` (stage `local` only): what the local recorder "sent" instead of
 * WeChat and SMS, newest first. `recipient` is masked (openid or phone); `fields` are the template
 * values exactly as the provider would have received them.
 */
export const sentMessageSchema = z.object({
  id: z.string(),
  messageId: z.string(),
  channel: z.enum(['wechat_subscribe', 'sms']),
  kind: messageKindSchema,
  recipientAccountId: z.string(),
  recipient: z.string(),
  templateId: z.string(),
  fields: z.record(z.string(), z.string()),
  page: z.string().optional(),
  title: z.string(),
  sentAt: z.string(),
});
export type SentMessage = z.infer<typeof sentMessageSchema>;

export const sentMessageListResponseSchema = z.object({ items: z.array(sentMessageSchema) });
export type SentMessageListResponse = z.infer<typeof sentMessageListResponseSchema>;
