import { createHash } from 'node:crypto';
import { DomainError } from '@jiuyi/shared';
import type { WechatSessionPort } from '../../ports/wechat-session';

/**
 * The local stage's code2Session: the same code always yields the same openid, so a demo user who
 * "logs in" again in H5 finds their profiles. Codes starting with `invalid` are refused like WeChat does.
 */
export function createLocalCode2Session(): WechatSessionPort {
  return {
    async exchange(code) {
      if (code.startsWith('invalid'))
        throw new DomainError('WECHAT_LOGIN_FAILED', { details: { errcode: 40029 } });
      return { openid: `local-${createHash('sha256').update(code).digest('hex').slice(0, 24)}` };
    },
  };
}
