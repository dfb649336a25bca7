import { staffAccountListSchema, updateStaffAccountResponseSchema } from '@jiuyi/shared';
import type { Account, UpdateStaffAccountBody } from '@jiuyi/shared';
import type { z } from 'zod';
import { authedRequest } from './session';

/** GET /v1/admin/accounts — every staff account with its role and status (admin). */
export async function listStaffAccounts(): Promise<Account[]> {
  return (await authedRequest('/v1/admin/accounts', staffAccountListSchema)).items;
}

/** PATCH /v1/admin/accounts/{id} — disable/enable or change the role, with a reason (audited). */
export async function updateStaffAccount(
  accountId: string,
  body: UpdateStaffAccountBody,
): Promise<z.infer<typeof updateStaffAccountResponseSchema>> {
  return authedRequest(
    `/v1/admin/accounts/${encodeURIComponent(accountId)}`,
    updateStaffAccountResponseSchema,
    {
      method: 'PATCH',
      body,
    },
  );
}
