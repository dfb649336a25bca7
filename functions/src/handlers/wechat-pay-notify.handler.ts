import { defineHandler } from '../http/define-handler';
import { RawResponse } from '../http/respond';
import { logger } from '../http/logger';
import { handleWechatNotification } from '../use-cases/payments/handle-notification';
import { paymentPortsOf } from './payment-ports';

const REJECTED = JSON.stringify({ code: 'FAIL', message: '签名验证失败' });

/**
 * POST /v1/payments/wechat/notify — WeChat Pay's payment and refund notifications. Public: the
 * caller is authenticated by the WeChat Pay signature, not a token. WeChat's protocol decides the
 * answers: 204 with no body accepts (a duplicate too); a forged or stale notification gets 401
 * with `{ code: 'FAIL', message }` and changes nothing; a failure on our side (the table, or
 * certificates that cannot be downloaded now) is a 5xx in the same `{ code: 'FAIL', message }`
 * shape, and WeChat sends the notification again.
 */
export const handler = defineHandler(
  { access: 'public', errorBody: (error) => ({ code: 'FAIL', message: error.message }) },
  async ({ headers, rawBody, deps }) => {
    const result = await handleWechatNotification(
      await paymentPortsOf(deps),
      { headers, body: rawBody },
      deps.now(),
    );
    if (!result.accepted) {
      logger.warn('wechat pay notification rejected', { reason: result.reason });
      return new RawResponse(401, REJECTED, { 'content-type': 'application/json; charset=utf-8' });
    }
    logger.info('wechat pay notification applied', { kind: result.kind, outcome: result.outcome });
    return new RawResponse(204, '');
  },
);
