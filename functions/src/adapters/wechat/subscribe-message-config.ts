import type { MessageKind, OutboxMessage } from '@jiuyi/shared';
import { truncateText } from '@jiuyi/shared';

/** Where a template field's value comes from: the message's title or body, or one of its `data` facts. */
/** Where a template field's value comes from; `createdAt` is when the event happened (the message's stamp). */
export type FieldSource = 'title' | 'body' | 'createdAt' | `data.${string}`;

/** One subscribe-message template: its id from the WeChat console and how its fields are filled. */
export interface SubscribeTemplate {
  templateId: string;
  /** Template keyword (`thing1`, `time2`, …) → source. */
  fields: Record<string, FieldSource>;
}

/** Per message kind; a kind without a template reaches the in-app centre only. */
export type SubscribeTemplateConfig = Partial<Record<MessageKind, SubscribeTemplate>>;

/**
 * Field mappings of the templates this product uses. Template ids differ per mini-program, so
 * they come from configuration; the keywords follow the templates chosen in the WeChat console
 * (预约成功通知, 就诊提醒, 支付成功通知, …).
 */
export function subscribeTemplates(ids: Partial<Record<MessageKind, string>>): SubscribeTemplateConfig {
  const fields: Partial<Record<MessageKind, Record<string, FieldSource>>> = {
    booking_confirmed: {
      thing1: 'data.patientName',
      thing2: 'data.department',
      time3: 'data.visitTime',
      thing4: 'body',
    },
    visit_reminder_evening: {
      thing1: 'data.patientName',
      thing2: 'data.department',
      time3: 'data.visitTime',
      thing4: 'body',
    },
    visit_reminder_soon: {
      thing1: 'data.patientName',
      thing2: 'data.department',
      time3: 'data.visitTime',
      thing4: 'body',
    },
    payment_succeeded: { thing1: 'title', amount2: 'data.amount', time3: 'createdAt' },
    refund_completed: { thing1: 'title', amount2: 'data.amount', thing3: 'body' },
    waitlist_freed: { thing1: 'data.department', time2: 'data.visitTime', thing3: 'body' },
    session_suspended: { thing1: 'data.department', time2: 'data.visitTime', thing3: 'body' },
    records_copy_update: { phrase1: 'data.status', thing2: 'body' },
    no_show_warning: { thing1: 'title', thing2: 'body' },
  };
  const config: SubscribeTemplateConfig = {};
  for (const [kind, templateId] of Object.entries(ids) as [MessageKind, string | undefined][]) {
    const mapping = fields[kind];
    if (templateId && mapping) config[kind] = { templateId, fields: mapping };
  }
  return config;
}

/** WeChat's length limits per keyword type; longer values are refused (errcode 47003), so we cut. */
const LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
};

function limitFor(keyword: string): number | undefined {
  return LIMITS[keyword.replace(/\d+$/, '')];
}

function truncate(value: string, max: number | undefined): string {
  return max === undefined ? value : truncateText(value, max, '…');
}

/** `2026-03-09T20:00:00.000+08:00` → `2026-03-09 20:00`, the form WeChat's time fields accept. */
function wechatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * The `data` object of a send request, or undefined when the message lacks a fact the template
 * needs (an empty field would be refused by WeChat, so it is better not to try).
 */
export function templateData(
  template: SubscribeTemplate,
  message: OutboxMessage,
): Record<string, { value: string }> | undefined {
  const data: Record<string, { value: string }> = {};
  for (const [keyword, source] of Object.entries(template.fields)) {
    const raw =
      source === 'title'
        ? message.title
        : source === 'body'
          ? message.body
          : source === 'createdAt'
            ? wechatTime(message.createdAt)
            : message.data?.[source.slice('data.'.length)];
    if (!raw) return undefined;
    data[keyword] = { value: truncate(raw, limitFor(keyword)) };
  }
  return data;
}
