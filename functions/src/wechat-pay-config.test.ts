import { loadWechatPayConfig, WECHAT_PAY_ENV } from './wechat-pay-config';

const complete = {
  [WECHAT_PAY_ENV.mchId]: '1230000109',
  [WECHAT_PAY_ENV.merchantSerialNo]: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  [WECHAT_PAY_ENV.merchantPrivateKeyParam]: '/jiuyi/prod/wechat-pay/merchant-key',
  [WECHAT_PAY_ENV.apiV3KeyParam]: '/jiuyi/prod/wechat-pay/api-v3-key',
  [WECHAT_PAY_ENV.platformPublicKeyParam]: '/jiuyi/prod/wechat-pay/public-key',
  [WECHAT_PAY_ENV.platformPublicKeyId]: 'PUB_KEY_ID_0112345678901234567890',
  [WECHAT_PAY_ENV.notifyUrl]: 'https://api.hospital.example/v1/payments/wechat/notify',
};

describe('loadWechatPayConfig', () => {
  it('reads names of secrets, never the secrets', () => {
    expect(loadWechatPayConfig(complete)).toMatchObject({
      mchId: '1230000109',
      merchantPrivateKeyParam: '/jiuyi/prod/wechat-pay/merchant-key',
      platformPublicKeyId: 'PUB_KEY_ID_0112345678901234567890',
    });
  });

  it('nothing set is allowed (payments then answer 503); half a setup names what is missing', () => {
    expect(loadWechatPayConfig({})).toEqual(expect.objectContaining({ mchId: undefined }));
    const { [WECHAT_PAY_ENV.apiV3KeyParam]: _dropped, ...partial } = complete;
    expect(() => loadWechatPayConfig(partial)).toThrow(WECHAT_PAY_ENV.apiV3KeyParam);
  });

  it('refuses a malformed merchant id', () => {
    expect(() => loadWechatPayConfig({ ...complete, [WECHAT_PAY_ENV.mchId]: 'abc' })).toThrow(
      WECHAT_PAY_ENV.mchId,
    );
  });
});
