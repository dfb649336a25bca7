import { updateStaffAccountBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { accountIdParams } from './params';
import { updateStaffAccount } from '../use-cases/accounts/manage-staff-accounts';

/** PATCH /v1/admin/accounts/{id} — disable/enable a staff account or change its role, audited (admin). */
export const handler = defineHandler(
  { access: ['admin'], params: accountIdParams, body: updateStaffAccountBodySchema },
  async ({ params, body, principal, deps }) =>
    updateStaffAccount(deps, principal, params.id, body, deps.now()),
);
