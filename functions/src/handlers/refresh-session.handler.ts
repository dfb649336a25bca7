import { refreshBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { refreshSession } from '../use-cases/accounts/refresh-session';

/** POST /v1/auth/refresh — a refresh token → the next tokens of its family; a reused token revokes the family. */
export const handler = defineHandler({ access: 'public', body: refreshBodySchema }, async ({ body, deps }) =>
  refreshSession(deps, body.refreshToken, deps.now()),
);
