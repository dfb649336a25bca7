import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ROUTES } from '../../functions/src/routes';
import { SCHEDULES } from '../../functions/src/schedules';
import { JiuyiStack } from '../lib/jiuyi-stack';
import { resolveChannelSettings, SMS_SECRET_KEY_PARAMETER } from '../lib/message-channels';
import { makeTestApp, resourcesIn, templatesOf, TEST_CHANNELS, type Resources } from './support/test-app';

jest.setTimeout(120_000);

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

/** The nested stack of the scheduled jobs (with SMS configured), where their functions and rules are. */
let template: Template;
/** Every template of the stack with SMS, and of the one without. */
let all: Template[];
let bareAll: Template[];
let main: Template;
beforeAll(() => {
  // Bundling is covered by jiuyi-stack.test.ts; here only the wiring matters.
  const app = makeTestApp({ bundle: false });
  const props = {
    env: { region: 'cn-north-1' },
    stage: 'prod' as const,
    routes: ROUTES,
    schedules: SCHEDULES,
  };
  const withSms = new JiuyiStack(app, 'scheduled', { ...props, channels: TEST_CHANNELS });
  const withoutSms = new JiuyiStack(app, 'no-sms', props);
  template = Template.fromStack(Stack.of(withSms.scheduled));
  main = Template.fromStack(withSms);
  all = templatesOf(withSms);
  bareAll = templatesOf(withoutSms);
});

/** Logical id of the function whose description names `handler`. */
function functionId(t: Template, handler: string): string {
  const ids = Object.entries(t.findResources('AWS::Lambda::Function') as Resources)
    .filter(([, fn]) => fn.Properties?.Description === `Jiuyi prod ${handler}`)
    .map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0] ?? '';
}

/** The template holding `handler`'s function. */
function templateOf(templates: readonly Template[], handler: string): Template {
  const found = templates.filter(
    (t) =>
      Object.keys(
        t.findResources('AWS::Lambda::Function', { Properties: { Description: `Jiuyi prod ${handler}` } }),
      ).length > 0,
  );
  expect(found).toHaveLength(1);
  return found[0] as Template;
}

/** Every function of `templates` but `handler`'s, as [template, logical id]. */
function functionsExcept(templates: readonly Template[], handler: string): Array<[Template, string]> {
  return templates.flatMap((t) =>
    Object.entries(t.findResources('AWS::Lambda::Function') as Resources)
      .filter(([, fn]) => fn.Properties?.Description !== `Jiuyi prod ${handler}`)
      .map(([id]): [Template, string] => [t, id]),
  );
}

/** Every statement of the policies attached to the role of `functionLogicalId`. */
function statementsOf(t: Template, functionLogicalId: string): Statement[] {
  const fn = (t.findResources('AWS::Lambda::Function') as Resources)[functionLogicalId];
  const roleId = (fn?.Properties?.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(t.findResources('AWS::IAM::Policy') as Resources)
    .filter((p) => JSON.stringify(p.Properties?.Roles).includes(`"${roleId}"`))
    .flatMap((p) => (p.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
}

describe('scheduled functions', () => {
  it.each(SCHEDULES.map((s, i) => [s.handler, s.expression, i] as const))(
    '%s runs on an EventBridge rule "%s" that targets its own function',
    (handler, expression) => {
      // Act
      const rules = Object.values(
        template.findResources('AWS::Events::Rule', {
          Properties: {
            ScheduleExpression: expression,
            Description: Match.stringLikeRegexp(` ${handler}: `),
          },
        }),
      );

      // Assess
      expect(rules).toHaveLength(1);
      const targets = rules[0]?.Properties?.Targets as Array<{ Arn: unknown; RetryPolicy?: unknown }>;
      expect(targets).toHaveLength(1);
      expect(targets[0]?.Arn).toEqual({ 'Fn::GetAtt': [functionId(template, handler), 'Arn'] });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [functionId(template, handler), 'Arn'] },
      });
    },
  );

  it('has exactly one rule per SCHEDULES entry', () => {
    template.resourceCountIs('AWS::Events::Rule', SCHEDULES.length);
  });

  it('gives batch jobs read/write on the table and nothing outside it, the key and their own logs', () => {
    for (const schedule of SCHEDULES) {
      const actions = statementsOf(template, functionId(template, schedule.handler)).flatMap((s) =>
        [s.Action].flat(),
      );
      expect(actions).toContain('dynamodb:PutItem');
      expect(actions.filter((a) => !/^(dynamodb|kms|logs|ssm):/.test(a))).toEqual([]);
    }
  });
});

describe('the table stream and the sender', () => {
  it('the table streams new images', () => {
    main.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('wakes the sender only for new outbox items, in small batches with bounded retries', () => {
    // Act
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));

    // Assess
    expect(mappings).toHaveLength(SCHEDULES.filter((s) => s.streamTriggered).length);
    expect(mappings[0]?.Properties).toMatchObject({
      FunctionName: { Ref: functionId(template, 'deliver-messages') },
      // The table is in the main stack: its stream ARN comes in as a parameter.
      EventSourceArn: { Ref: expect.stringMatching(/DataTable\w*StreamArn$/) },
      StartingPosition: 'LATEST',
      BatchSize: 25,
      MaximumRetryAttempts: 2,
      MaximumRecordAgeInSeconds: 300,
      BisectBatchOnFunctionError: false,
    });
    const filters = (mappings[0]?.Properties?.FilterCriteria as { Filters: Array<{ Pattern: string }> })
      .Filters;
    expect(filters.map((f) => JSON.parse(f.Pattern) as unknown)).toEqual([
      { eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: 'OUTBOX#' }] } } } },
    ]);
  });

  it('lets the sender read the stream without ListStreams on every resource', () => {
    const statements = statementsOf(template, functionId(template, 'deliver-messages'));
    const stream = statements.find((s) => /StreamArn"/.test(JSON.stringify(s.Resource)));
    expect([stream?.Action].flat().sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
    ]);
    const others = functionsExcept(all, 'deliver-messages');
    expect(others.length).toBeGreaterThan(0);
    for (const [t, id] of others) {
      expect(statementsOf(t, id).flatMap((s) => [s.Action].flat())).not.toContain('dynamodb:GetRecords');
    }
    const list = statements.find((s) => [s.Action].flat().includes('dynamodb:ListStreams'));
    expect(JSON.stringify(list?.Resource)).toContain('/stream/*');
  });

  it('gives the sender the SMS settings and the SMS SecretKey parameter, and no one else', () => {
    // Prepare
    const sender = functionId(template, 'deliver-messages');
    const functions = template.findResources('AWS::Lambda::Function') as Resources;
    const envOf = (t: Template, id: string) =>
      (
        (t.findResources('AWS::Lambda::Function') as Resources)[id]?.Properties?.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
    const smsParam = (t: Template, id: string) =>
      statementsOf(t, id).some((s) => JSON.stringify(s.Resource).includes(SMS_SECRET_KEY_PARAMETER));

    // Act
    const env = (functions[sender]?.Properties?.Environment as { Variables: Record<string, unknown> })
      .Variables;

    // Assess
    expect(env).toMatchObject({
      JIUYI_WECHAT_TEMPLATES: JSON.stringify(TEST_CHANNELS.wechatTemplates),
      JIUYI_WECHAT_MINIPROGRAM_STATE: 'formal',
      JIUYI_SMS_SDK_APP_ID: '1400000000',
      JIUYI_SMS_SIGN_NAME: '就医测试',
      JIUYI_SMS_SECRET_ID: 'AKIDtest',
      JIUYI_SMS_SECRET_KEY_PARAM: SMS_SECRET_KEY_PARAMETER,
      JIUYI_SMS_TEMPLATES: JSON.stringify(TEST_CHANNELS.sms?.templates),
    });
    expect(JSON.stringify(env)).not.toMatch(/SecretKey|secretKey/);
    expect(smsParam(template, sender)).toBe(true);
    const others = functionsExcept(all, 'deliver-messages');
    expect(others.length).toBeGreaterThan(SCHEDULES.length);
    for (const [t, id] of others) {
      expect(smsParam(t, id)).toBe(false);
      const others = envOf(t, id);
      expect(Object.keys(others).filter((k) => k.startsWith('JIUYI_SMS_'))).toEqual([]);
      expect(others.JIUYI_WECHAT_TEMPLATES).toBe(JSON.stringify(TEST_CHANNELS.wechatTemplates));
    }
    const bare = templateOf(bareAll, 'deliver-messages');
    expect(smsParam(bare, functionId(bare, 'deliver-messages'))).toBe(false);
  });
});

describe('least privilege across the stack', () => {
  it('grants no wildcard action and no wildcard resource', () => {
    for (const templates of [all, bareAll]) {
      const statements = Object.values(resourcesIn(templates, 'AWS::IAM::Policy')).flatMap(
        (p) => (p.Properties?.PolicyDocument as { Statement: Statement[] }).Statement,
      );
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.flatMap((s) => [s.Action].flat()).filter((a) => a.includes('*'))).toEqual([]);
      expect(
        statements.filter(
          (s) => JSON.stringify(s.Resource) === '"*"' || JSON.stringify(s.Resource).includes('"*"'),
        ),
      ).toEqual([]);
    }
  });
});

describe('resolveChannelSettings', () => {
  it('defaults to no templates and no SMS, and reads a JSON string from -c', () => {
    expect(resolveChannelSettings(undefined)).toEqual({
      wechatTemplates: {},
      wechatMiniprogramState: 'formal',
    });
    expect(resolveChannelSettings('{"wechatTemplates":{"booking_confirmed":"T1"}}').wechatTemplates).toEqual({
      booking_confirmed: 'T1',
    });
  });

  it('refuses an unknown message kind or a half SMS setup', () => {
    expect(() => resolveChannelSettings({ wechatTemplates: { bookng_confirmed: 'T1' } })).toThrow(
      /wechatTemplates/,
    );
    expect(() => resolveChannelSettings({ sms: { sdkAppId: '1400' } })).toThrow(/sms/);
  });
});
