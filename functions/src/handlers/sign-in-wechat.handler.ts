import { wechatLoginBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { signInWithWechat } from '../use-cases/accounts/sign-in-with-wechat';

/** POST /v1/auth/wechat — `wx.login` code → session tokens. */
export const handler = defineHandler(
  { access: 'public', body: wechatLoginBodySchema },
  async ({ body, deps }) => signInWithWechat(deps, body.code, deps.now()),
);
