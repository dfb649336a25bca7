import { loadConfig } from './config';
import { isWechatPayConfigured, loadWechatPayConfig, WECHAT_PAY_ENV } from './wechat-pay-config';

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

  it('refuses a notify URL that is not https, in every stage (local wires its own, never from here)', () => {
    // Prepare
    const plain = {
      ...complete,
      [WECHAT_PAY_ENV.notifyUrl]: 'http://api.hospital.example/v1/payments/wechat/notify',
    };
    const other = { ...complete, [WECHAT_PAY_ENV.notifyUrl]: 'ftp://api.hospital.example/notify' };

    // Act + Assess
    expect(() => loadWechatPayConfig(plain)).toThrow(`${WECHAT_PAY_ENV.notifyUrl}: must be an https:// URL`);
    expect(() => loadWechatPayConfig(other)).toThrow(WECHAT_PAY_ENV.notifyUrl);
    expect(() => loadConfig({ JIUYI_STAGE: 'local', ...plain })).toThrow(WECHAT_PAY_ENV.notifyUrl);
    expect(() => loadConfig({ JIUYI_STAGE: 'prod', ...plain })).toThrow(WECHAT_PAY_ENV.notifyUrl);
  });

  it('is in public-key mode unless told otherwise', () => {
    expect(loadWechatPayConfig(complete).verifyMode).toBe('publicKey');
    expect(loadWechatPayConfig({}).verifyMode).toBe('publicKey');
    expect(() => loadWechatPayConfig({ ...complete, [WECHAT_PAY_ENV.verifyMode]: 'certificate' })).toThrow(
      WECHAT_PAY_ENV.verifyMode,
    );
  });

  it('platform-certificate mode needs no WeChat Pay public key, refuses one, and reads an optional pin', () => {
    // Prepare
    const {
      [WECHAT_PAY_ENV.platformPublicKeyParam]: _param,
      [WECHAT_PAY_ENV.platformPublicKeyId]: _id,
      ...withoutPublicKey
    } = complete;
    const certificates = {
      ...withoutPublicKey,
      [WECHAT_PAY_ENV.verifyMode]: 'platformCertificate',
      [WECHAT_PAY_ENV.platformCertificateSerial]: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    };

    // Act
    const cfg = loadWechatPayConfig(certificates);

    // Assess
    expect(cfg).toMatchObject({
      verifyMode: 'platformCertificate',
      platformCertificateSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    });
    expect(isWechatPayConfigured(cfg)).toBe(true);
    expect(() =>
      loadWechatPayConfig({ ...complete, [WECHAT_PAY_ENV.verifyMode]: 'platformCertificate' }),
    ).toThrow(/platformCertificate takes no WeChat Pay public key/);
    expect(() =>
      loadWechatPayConfig({ ...certificates, [WECHAT_PAY_ENV.platformCertificateSerial]: 'not-a-serial' }),
    ).toThrow(WECHAT_PAY_ENV.platformCertificateSerial);
  });

  it('both-kinds mode needs the public key as well', () => {
    // Prepare
    const { [WECHAT_PAY_ENV.platformPublicKeyId]: _id, ...withoutKeyId } = complete;

    // Act + Assess
    expect(loadWechatPayConfig({ ...complete, [WECHAT_PAY_ENV.verifyMode]: 'both' }).verifyMode).toBe('both');
    expect(() => loadWechatPayConfig({ ...withoutKeyId, [WECHAT_PAY_ENV.verifyMode]: 'both' })).toThrow(
      WECHAT_PAY_ENV.platformPublicKeyId,
    );
  });
});
