import { z } from 'zod';

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
