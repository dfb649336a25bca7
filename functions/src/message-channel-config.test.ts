import { loadMessageChannelConfig } from './message-channel-config';

const SMS = {
  JIUYI_SMS_SDK_APP_ID: '1400000000',
  JIUYI_SMS_SIGN_NAME: '就医医院',
  JIUYI_SMS_SECRET_ID: 'AKIDexample',
  JIUYI_SMS_SECRET_KEY_PARAM: '/jiuyi/prod/tencent-sms-secret-key',
};

describe('loadMessageChannelConfig', () => {
  it('defaults to no templates, the formal mini-program and no SMS', () => {
    expect(loadMessageChannelConfig({})).toEqual({ wechatTemplates: {}, wechatMiniprogramState: 'formal' });
  });

  it('reads template ids per kind and a complete SMS setup', () => {
    // Act
    const cfg = loadMessageChannelConfig({
      ...SMS,
      JIUYI_WECHAT_TEMPLATES: '{"visit_reminder_evening":"tmpl-e"}',
      JIUYI_WECHAT_MINIPROGRAM_STATE: 'trial',
      JIUYI_SMS_TEMPLATES: '{"consultation_unapproved_chase":"100001"}',
    });
    // Assess
    expect(cfg).toEqual({
      wechatTemplates: { visit_reminder_evening: 'tmpl-e' },
      wechatMiniprogramState: 'trial',
      sms: {
        sdkAppId: '1400000000',
        signName: '就医医院',
        secretId: 'AKIDexample',
        secretKeyParam: '/jiuyi/prod/tencent-sms-secret-key',
        region: 'ap-guangzhou',
        templates: { consultation_unapproved_chase: '100001' },
      },
    });
  });

  it('fails fast on malformed JSON, an unknown kind or half an SMS setup, naming the variable', () => {
    expect(() => loadMessageChannelConfig({ JIUYI_WECHAT_TEMPLATES: '{' })).toThrow(/JIUYI_WECHAT_TEMPLATES/);
    expect(() => loadMessageChannelConfig({ JIUYI_SMS_TEMPLATES: '{"bookng":"1"}' })).toThrow(
      /JIUYI_SMS_TEMPLATES/,
    );
    expect(() => loadMessageChannelConfig({ JIUYI_SMS_SDK_APP_ID: '1400000000' })).toThrow(
      /SMS needs JIUYI_SMS_SIGN_NAME, JIUYI_SMS_SECRET_ID, JIUYI_SMS_SECRET_KEY_PARAM/,
    );
    expect(() => loadMessageChannelConfig({ ...SMS, JIUYI_SMS_SDK_APP_ID: 'abc' })).toThrow(
      /JIUYI_SMS_SDK_APP_ID/,
    );
  });
});
