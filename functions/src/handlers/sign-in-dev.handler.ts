import { devLoginBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { devSignIn } from '../use-cases/accounts/dev-sign-in';

/** POST /v1/auth/dev — local stage only: a persona token for tests and the demo. */
export const handler = defineHandler({ access: 'public', body: devLoginBodySchema }, async ({ body, deps }) =>
  devSignIn({ ...deps, stage: deps.config.stage }, body, deps.now()),
);
