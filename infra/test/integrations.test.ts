import { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { ROUTES, type RouteDefinition } from '../../functions/src/routes';
import { SCHEDULES } from '../../functions/src/schedules';
import { HIS_ENV } from '../../functions/src/his-config';
import { WECHAT_PAY_ENV } from '../../functions/src/wechat-pay-config';
import { handlerNeeds } from '../lib/handler-needs';
import { HIS_KEY_PARAMETER, resolveHisSettings } from '../lib/his';
import { JiuyiStack, type JiuyiStackProps } from '../lib/jiuyi-stack';
import { REAL_NAME_APPCODE_PARAMETER } from '../lib/real-name';
import { WECHAT_SECRET_PARAMETER } from '../lib/personal-data-protection';
import { groupRoutes, routeGroupOf } from '../lib/route-groups';
import {
  resolveWechatAppId,
  resolveWechatPaySettings,
  WechatPay,
  WECHAT_PAY_PARAMETERS,
} from '../lib/wechat-pay';
import {
  makeTestApp,
  resourcesIn,
  templatesOf,
  TEST_HIS,
  TEST_WECHAT_APP_ID,
  TEST_WECHAT_PAY,
  type Resources,
} from './support/test-app';

jest.setTimeout(120_000);

type Statement = { Action: string | string[]; Resource: unknown };

/** What the code of the app calls today; handler-needs.ts must find exactly these from the source. */
const PAYMENT_GATEWAY_HANDLERS = [
  // Every release of an unpaid hold closes its WeChat order first (booking, waitlist, suspension).
  'book-appointment',
  'cancel-appointment',
  'choose-suspension-option',
  'create-appointment-payment',
  'create-bill-payment',
  // Deleting a profile first releases an expired hold that still blocks it.
  'delete-patient',
  'promote-waitlist',
  'reconcile-payments',
  'refund-bill-items',
  'refund-payment',
  'refund-payment-issue',
  'release-expired-holds',
  'retry-bill-write-backs',
  'settle-suspension-offers',
  // A void at the desk refunds a paid fee.
  'staff-check-in',
  'wechat-pay-notify',
];
const BILL_HANDLERS = [
  'list-patient-bills',
  'create-bill-payment',
  'refund-bill-items',
  'retry-bill-write-backs',
];

const allHandlers = [...new Set([...ROUTES.map((r) => r.handler), ...SCHEDULES.map((s) => s.handler)])];

let configured: Template[];
let plain: Template[];
beforeAll(() => {
  const app = makeTestApp({ bundle: false });
  const props: JiuyiStackProps = {
    env: { region: 'cn-north-1' },
    stage: 'prod',
    routes: ROUTES,
    schedules: SCHEDULES,
  };
  // Both stacks before any synth: an app refuses new constructs once synthesised.
  const paying = new JiuyiStack(app, 'paying', {
    ...props,
    wechatAppId: TEST_WECHAT_APP_ID,
    wechatPay: TEST_WECHAT_PAY,
    his: TEST_HIS,
  });
  const unconfigured = new JiuyiStack(app, 'plain', props);
  configured = templatesOf(paying);
  plain = templatesOf(unconfigured);
});

/** Handler → its environment and the statements of its role, across the stack's templates. */
function functionsByHandler(
  templates: readonly Template[],
): Map<string, { env: Record<string, unknown>; statements: Statement[] }> {
  const byHandler = new Map<string, { env: Record<string, unknown>; statements: Statement[] }>();
  for (const t of templates) {
    const policies = Object.values(t.findResources('AWS::IAM::Policy') as Resources);
    for (const fn of Object.values(t.findResources('AWS::Lambda::Function') as Resources)) {
      const roleId = (fn.Properties?.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const statements = policies
        .filter((p) => JSON.stringify(p.Properties?.Roles).includes(`"${roleId}"`))
        .flatMap((p) => (p.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
      const env = (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
      byHandler.set(String(fn.Properties?.Description).replace(/^Jiuyi prod /, ''), { env, statements });
    }
  }
  return byHandler;
}

/** The SSM parameter names a role may read. */
function ssmParametersOf(statements: readonly Statement[]): string[] {
  return statements
    .filter((s) => [s.Action].flat().includes('ssm:GetParameter'))
    .flatMap((s) => [s.Resource].flat())
    .map((resource) => /:parameter(\/[^"]+)"/.exec(JSON.stringify(resource))?.[1] ?? 'not a parameter ARN')
    .sort();
}

describe('handlerNeeds', () => {
  it('finds every handler that calls WeChat Pay from its source, and no other', () => {
    expect(allHandlers.filter((h) => handlerNeeds(h).paymentGateway).sort()).toEqual(
      PAYMENT_GATEWAY_HANDLERS,
    );
  });

  it('finds every bill handler among those that reach the HIS, and no staff listing or booking', () => {
    // Act
    const his = allHandlers.filter((h) => handlerNeeds(h).his);

    // Assess
    for (const handler of BILL_HANDLERS) expect(his).toContain(handler);
    // Booking releases expired holds, closing their WeChat orders through the payment module (which
    // also settles bills), so like cancel-appointment it is granted conservatively; joining is not.
    for (const handler of ['list-payments', 'join-waitlist', 'get-health', 'deliver-messages']) {
      expect(his).not.toContain(handler);
    }
  });
});

describe('the real-name service', () => {
  it('is needed by adding a profile and by the re-check schedule, and by no other handler', () => {
    expect(allHandlers.filter((h) => handlerNeeds(h).realName).sort()).toEqual([
      'create-patient',
      'recheck-real-names',
    ]);
  });

  it('gives its URL and AppCode parameter to exactly those functions, with read access to that parameter', () => {
    // Prepare
    const app = makeTestApp({ bundle: false });
    const stack = new JiuyiStack(app, 'verifying', {
      env: { region: 'cn-north-1' },
      stage: 'prod',
      routes: ROUTES,
      schedules: SCHEDULES,
      realName: { url: 'https://idcheck.example.com/v2', timeoutMs: 2000 },
    });
    // Act
    const functions = functionsByHandler(templatesOf(stack));
    // Assess
    expect(functions.get('create-patient')).toBeDefined();
    for (const [handler, { env, statements }] of functions) {
      if (handler === 'create-patient' || handler === 'recheck-real-names') {
        expect(env).toMatchObject({
          JIUYI_REALNAME_URL: 'https://idcheck.example.com/v2',
          JIUYI_REALNAME_APPCODE_PARAM: '/jiuyi/prod/realname-appcode',
          JIUYI_REALNAME_TIMEOUT_MS: '2000',
        });
        expect(ssmParametersOf(statements)).toContain(REAL_NAME_APPCODE_PARAMETER);
      } else {
        expect(Object.keys(env).filter((key) => key.startsWith('JIUYI_REALNAME_'))).toEqual([]);
      }
    }
  });
});

describe('WeChat Pay', () => {
  it('gives the merchant settings and key parameter names to exactly the functions that call it', () => {
    // Act
    const functions = functionsByHandler(configured);

    // Assess
    expect(functions.size).toBe(allHandlers.length - ROUTES.filter((r) => r.localOnly).length);
    for (const [handler, { env }] of functions) {
      const payKeys = Object.keys(env).filter((key) => key.startsWith('JIUYI_WECHAT_PAY_'));
      if (PAYMENT_GATEWAY_HANDLERS.includes(handler)) {
        expect(env).toMatchObject({
          [WECHAT_PAY_ENV.mchId]: TEST_WECHAT_PAY.mchId,
          [WECHAT_PAY_ENV.merchantSerialNo]: TEST_WECHAT_PAY.merchantSerial,
          [WECHAT_PAY_ENV.platformPublicKeyId]: TEST_WECHAT_PAY.publicKeyId,
          [WECHAT_PAY_ENV.merchantPrivateKeyParam]: WECHAT_PAY_PARAMETERS.merchantPrivateKey,
          [WECHAT_PAY_ENV.apiV3KeyParam]: WECHAT_PAY_PARAMETERS.apiV3Key,
          [WECHAT_PAY_ENV.platformPublicKeyParam]: WECHAT_PAY_PARAMETERS.platformPublicKey,
        });
        expect(payKeys).toHaveLength(7);
      } else {
        expect(payKeys).toEqual([]);
      }
      expect(env.JIUYI_WECHAT_APP_ID).toBe(TEST_WECHAT_APP_ID);
    }
  });

  it("points WeChat Pay's notifications at this API's notify route", () => {
    // Act
    const notifyUrl = functionsByHandler(configured).get('wechat-pay-notify')?.env[WECHAT_PAY_ENV.notifyUrl];

    // Assess
    expect(notifyUrl).toEqual({
      'Fn::Join': [
        '',
        [{ Ref: expect.stringMatching(/HttpApi\w*ApiEndpoint$/) }, '/v1/payments/wechat/notify'],
      ],
    });
  });

  it('lets exactly those functions read exactly its three parameters', () => {
    for (const [handler, { statements }] of functionsByHandler(configured)) {
      const parameters = ssmParametersOf(statements);
      const pay = Object.values(WECHAT_PAY_PARAMETERS).filter((name) => parameters.includes(name));
      expect(pay).toEqual(
        PAYMENT_GATEWAY_HANDLERS.includes(handler) ? Object.values(WECHAT_PAY_PARAMETERS) : [],
      );
    }
  });

  it('a merchant on platform certificates gets its mode and pin, and neither the public key setting nor its grant', () => {
    // Prepare
    const stack = new Stack(makeTestApp({ bundle: false }), 'certificates');
    const settings = resolveWechatPaySettings({
      mchId: TEST_WECHAT_PAY.mchId,
      merchantSerial: TEST_WECHAT_PAY.merchantSerial,
      verifyMode: 'platformCertificate',
      platformCertificateSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    });
    if (!settings) throw new Error('expected settings');
    const both = new WechatPay(stack, 'Both', {
      settings: { ...TEST_WECHAT_PAY, verifyMode: 'both' },
      defaultNotifyUrl: 'https://api.example.cn/v1/payments/wechat/notify',
    });

    // Act
    const certificates = new WechatPay(stack, 'Certificates', {
      settings,
      defaultNotifyUrl: 'https://api.example.cn/v1/payments/wechat/notify',
    });

    // Assess
    expect(certificates.environment()).toEqual({
      [WECHAT_PAY_ENV.mchId]: TEST_WECHAT_PAY.mchId,
      [WECHAT_PAY_ENV.merchantSerialNo]: TEST_WECHAT_PAY.merchantSerial,
      [WECHAT_PAY_ENV.notifyUrl]: 'https://api.example.cn/v1/payments/wechat/notify',
      [WECHAT_PAY_ENV.merchantPrivateKeyParam]: WECHAT_PAY_PARAMETERS.merchantPrivateKey,
      [WECHAT_PAY_ENV.apiV3KeyParam]: WECHAT_PAY_PARAMETERS.apiV3Key,
      [WECHAT_PAY_ENV.verifyMode]: 'platformCertificate',
      [WECHAT_PAY_ENV.platformCertificateSerial]: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    });
    expect(certificates.parameters()).toEqual([
      WECHAT_PAY_PARAMETERS.merchantPrivateKey,
      WECHAT_PAY_PARAMETERS.apiV3Key,
    ]);
    expect(both.environment()).toMatchObject({
      [WECHAT_PAY_ENV.verifyMode]: 'both',
      [WECHAT_PAY_ENV.platformPublicKeyId]: TEST_WECHAT_PAY.publicKeyId,
    });
    expect(both.parameters()).toEqual(Object.values(WECHAT_PAY_PARAMETERS));
  });

  it('refuses a public key id with platform certificates, none in the other modes, and an http notify URL', () => {
    const { publicKeyId: _id, ...withoutKey } = TEST_WECHAT_PAY;
    expect(() => resolveWechatPaySettings({ ...TEST_WECHAT_PAY, verifyMode: 'platformCertificate' })).toThrow(
      /wechatPay context: publicKeyId/,
    );
    expect(() => resolveWechatPaySettings({ ...withoutKey, verifyMode: 'both' })).toThrow(
      /wechatPay context: publicKeyId/,
    );
    expect(() => resolveWechatPaySettings(withoutKey)).toThrow(/wechatPay context: publicKeyId/);
    expect(() =>
      resolveWechatPaySettings({
        ...TEST_WECHAT_PAY,
        notifyUrl: 'http://api.example.cn/v1/payments/wechat/notify',
      }),
    ).toThrow(/wechatPay context: notifyUrl/);
  });

  it('is absent without the wechatPay context: no settings, no grants', () => {
    for (const { env, statements } of functionsByHandler(plain).values()) {
      expect(
        Object.keys(env).filter(
          (key) => key.startsWith('JIUYI_WECHAT_PAY_') || key === 'JIUYI_WECHAT_APP_ID',
        ),
      ).toEqual([]);
      expect(ssmParametersOf(statements).filter((name) => name.includes('wechat-pay'))).toEqual([]);
    }
  });
});

describe('the HIS', () => {
  it('gives its URL and key parameter, and read access to that one parameter, to exactly the functions that reach it', () => {
    for (const [handler, { env, statements }] of functionsByHandler(configured)) {
      const reaches = handlerNeeds(handler).his;
      const hisEnv = Object.fromEntries(Object.entries(env).filter(([key]) => key.startsWith('JIUYI_HIS_')));
      expect(hisEnv).toEqual(
        reaches
          ? {
              [HIS_ENV.baseUrl]: TEST_HIS.url,
              [HIS_ENV.signingKeyParam]: HIS_KEY_PARAMETER,
              [HIS_ENV.timeoutMs]: String(TEST_HIS.timeoutMs),
            }
          : {},
      );
      expect(ssmParametersOf(statements).includes(HIS_KEY_PARAMETER)).toBe(reaches);
    }
  });

  it('is absent without the his context', () => {
    for (const { env, statements } of functionsByHandler(plain).values()) {
      expect(Object.keys(env).filter((key) => key.startsWith('JIUYI_HIS_'))).toEqual([]);
      expect(ssmParametersOf(statements)).not.toContain(HIS_KEY_PARAMETER);
    }
  });
});

describe('SSM grants', () => {
  it('name whole parameter ARNs in this partition and region, and nothing else is granted on SSM', () => {
    // Act
    const statements = Object.values(resourcesIn(configured, 'AWS::IAM::Policy')).flatMap(
      (p) => (p.Properties?.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    const ssm = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('ssm:')));

    // Assess
    expect(ssm.length).toBeGreaterThan(0);
    for (const statement of ssm) {
      expect(statement.Action).toBe('ssm:GetParameter');
      for (const resource of [statement.Resource].flat()) {
        expect(JSON.stringify(resource)).toMatch(
          /":ssm:cn-north-1:",\{"Ref":"AWS::AccountId"\},":parameter\/jiuyi\/prod\/[a-z0-9-]+"/,
        );
      }
    }
    const granted = new Set(ssmParametersOf(ssm));
    expect(granted).toEqual(
      new Set([WECHAT_SECRET_PARAMETER, HIS_KEY_PARAMETER, ...Object.values(WECHAT_PAY_PARAMETERS)]),
    );
    expect(statements.flatMap((s) => [s.Action].flat()).filter((a) => a.includes('*'))).toEqual([]);
    expect(statements.filter((s) => JSON.stringify(s.Resource).includes('"*"'))).toEqual([]);
  });
});

describe('the contexts', () => {
  it('read objects or JSON strings, and refuse malformed merchant or HIS settings', () => {
    expect(resolveWechatPaySettings(undefined)).toBeUndefined();
    expect(resolveWechatPaySettings(JSON.stringify(TEST_WECHAT_PAY))).toEqual(TEST_WECHAT_PAY);
    expect(() => resolveWechatPaySettings({ ...TEST_WECHAT_PAY, mchId: 'abc' })).toThrow(
      /wechatPay context: mchId/,
    );
    expect(() => resolveWechatPaySettings({ ...TEST_WECHAT_PAY, apiV3Key: 'x' })).toThrow(/wechatPay/);
    expect(resolveHisSettings('{"url":"https://his.example.cn"}')).toEqual({ url: 'https://his.example.cn' });
    expect(() => resolveHisSettings({ url: 'http://his.example.cn' })).toThrow(/his context: url/);
    expect(resolveWechatAppId(TEST_WECHAT_APP_ID)).toBe(TEST_WECHAT_APP_ID);
    expect(() => resolveWechatAppId('touristappid')).toThrow(/wechatAppId/);
  });

  it('refuse WeChat Pay without the appid its orders are made for', () => {
    const app = makeTestApp({ bundle: false });
    expect(
      () =>
        new JiuyiStack(app, 'no-appid', {
          stage: 'prod',
          routes: ROUTES,
          wechatPay: TEST_WECHAT_PAY,
        }),
    ).toThrow(/wechatAppId/);
  });
});

describe('route groups', () => {
  it('puts related prefixes together and an unlisted prefix in a group of its own', () => {
    expect(routeGroupOf('/v1/payment-statements/{date}/csv')).toBe('payments');
    expect(routeGroupOf('/v1/bills/payment')).toBe('payments');
    expect(routeGroupOf('/v1/auth/wechat')).toBe('access');
    expect(routeGroupOf('/v1/referrals/{id}')).toBe('referrals');
    expect(routeGroupOf('/v1/records-copies')).toBe('records-copies');
  });

  it("keeps a handler's routes with its first route, whatever their prefixes", () => {
    // Prepare
    const routes: RouteDefinition[] = [
      { method: 'GET', path: '/v1/patients/{id}/bills', handler: 'list-patient-bills' },
      { method: 'GET', path: '/v1/bills', handler: 'list-patient-bills' },
      { method: 'POST', path: '/v1/bills/payment', handler: 'create-bill-payment' },
    ];

    // Act
    const groups = groupRoutes(routes);

    // Assess
    expect([...groups.keys()]).toEqual(['patients', 'payments']);
    expect(groups.get('patients')?.map((r) => r.path)).toEqual(['/v1/patients/{id}/bills', '/v1/bills']);
  });
});
