import { createInviteBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { createStaffInvite } from '../use-cases/accounts/staff-invites';

/** POST /v1/staff-invites — an admin creates a one-time code granting a staff role. */
export const handler = defineHandler(
  { access: ['admin'], body: createInviteBodySchema, status: 201 },
  async ({ body, principal, deps }) => createStaffInvite(deps, principal, body, deps.now()),
);
