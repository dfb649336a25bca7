import type { AuthResponse } from '@jiuyi/shared';
import type { AccountStore } from '../../ports/account-store';
import type { WechatSessionPort } from '../../ports/wechat-session';
import { authResponseFor, findOrCreateAccount, type SessionPorts } from './sign-in';

/**
 * 1. Exchange the `wx.login` code for the openid (code2Session).
 * 2. Find the openid's account or create a patient account.
 * 3. Refuse a disabled account (ACCOUNT_DISABLED).
 * 4. Issue an access token and the first refresh token of a new family.
 */
export async function signInWithWechat(
  ports: SessionPorts & { wechat: WechatSessionPort; accounts: AccountStore },
  code: string,
  now: Date,
): Promise<AuthResponse> {
  const { openid } = await ports.wechat.exchange(code);
  const account = await findOrCreateAccount(ports.accounts, openid, now);
  return authResponseFor(ports, account, now);
}
