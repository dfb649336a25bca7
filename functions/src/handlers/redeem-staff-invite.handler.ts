import { redeemInviteBodySchema, roleSchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { redeemStaffInvite } from '../use-cases/accounts/staff-invites';
import { authResponseFor } from '../use-cases/accounts/sign-in';

/** POST /v1/staff-invites/redeem — the signed-in WeChat account takes the invite's role; new tokens come back. */
export const handler = defineHandler(
  { access: roleSchema.options, body: redeemInviteBodySchema },
  async ({ body, principal, deps }) => {
    const account = await redeemStaffInvite(deps.accounts, principal.accountId, body.code, deps.now());
    return authResponseFor(deps, account, deps.now());
  },
);
