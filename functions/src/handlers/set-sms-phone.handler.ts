import { DomainError, maskPhone, smsPhoneBodySchema, staffRoleSchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { createContactStore } from '../adapters/dynamodb/contact-store';

/**
 * PUT /v1/me/sms-phone — staff and experts set the mobile their SMS reminders go to (consultations
 * waiting for approval, records-copy deadlines). Stored encrypted; only the masked form comes back.
 */
export const handler = defineHandler(
  { access: staffRoleSchema.options, body: smsPhoneBodySchema },
  async ({ body, principal, deps }) => {
    const stored = await createContactStore(deps.table, deps.cipher).setSmsPhone(
      principal.accountId,
      body.phone,
    );
    if (!stored) throw new DomainError('NOT_FOUND');
    return { phoneMasked: maskPhone(body.phone) };
  },
);
