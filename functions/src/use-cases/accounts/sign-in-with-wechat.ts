import type { AuthResponse } from '@jiuyi/shared';
import type { AccountStore } from '../../ports/account-store';
import type { TokenService } from '../../ports/token-service';
import type { WechatSessionPort } from '../../ports/wechat-session';
import { authResponseFor, findOrCreateAccount } from './sign-in';

/**
 * 1. Exchange the `wx.login` code for the openid (code2Session).
 * 2. Find the openid's account or create a patient account.
 * 3. Issue an access token and a refresh token.
 */
export async function signInWithWechat(
  ports: { wechat: WechatSessionPort; accounts: AccountStore; tokens: TokenService },
  code: string,
  now: Date,
): Promise<AuthResponse> {
  const { openid } = await ports.wechat.exchange(code);
  const account = await findOrCreateAccount(ports.accounts, openid, now);
  return authResponseFor(ports.tokens, account);
}
