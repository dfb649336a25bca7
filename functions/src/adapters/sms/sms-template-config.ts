import type { MessageKind } from '@jiuyi/shared';
import type { SmsTemplate } from './tencent-sms';

/**
 * The parameters ({1}, {2}, …) of the SMS templates approved in the Tencent Cloud console, per kind.
 * SMS goes to experts and staff only, for what cannot wait for them to open the app.
 */
const SMS_PARAMS: Partial<Record<MessageKind, SmsTemplate['params']>> = {
  // 您有一条来自{1}的会诊申请，会诊时间{2}，请及时审核。
  consultation_requested: ['data.requester', 'data.consultationTime'],
  // {1}的会诊申请仍未审核，会诊时间{2}，请尽快处理。
  consultation_unapproved_chase: ['data.requester', 'data.consultationTime'],
  // 病案复印申请{1}将于{2}到期，请尽快办理。
  records_copy_deadline: ['data.requestNo', 'data.deadline'],
};

/** Kind → template for the configured ids; a kind without an id (or without a mapping) sends no SMS. */
export function smsTemplates(
  ids: Partial<Record<MessageKind, string>>,
): Partial<Record<MessageKind, SmsTemplate>> {
  const config: Partial<Record<MessageKind, SmsTemplate>> = {};
  for (const [kind, templateId] of Object.entries(ids) as [MessageKind, string | undefined][]) {
    const params = SMS_PARAMS[kind];
    if (templateId && params) config[kind] = { templateId, params };
  }
  return config;
}

/** The kinds an SMS template mapping exists for. */
export const SMS_KINDS = Object.keys(SMS_PARAMS) as MessageKind[];
