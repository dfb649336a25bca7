import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { Stack, type App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ROUTES, routeKey, type RouteDefinition } from '../../functions/src/routes';
import { SCHEDULES } from '../../functions/src/schedules';
import { JiuyiStack } from '../lib/jiuyi-stack';
import { deployableRoutes } from '../lib/deployable-routes';
import { routeGroupOf } from '../lib/route-groups';
import { makeTestApp, resourcesIn, templatesOf, TEST_CHANNELS, type Resources } from './support/test-app';

jest.setTimeout(120_000);

interface Stacks {
  china: JiuyiStack;
  global: JiuyiStack;
  local: JiuyiStack;
}

let app: App;
let stacks: Stacks;
let china: Template;
/** The china stack's main template and its nested ones. */
let chinaAll: Template[];

beforeAll(() => {
  // One app: the three stacks share each handler's esbuild bundle.
  app = makeTestApp({ bundle: true });
  stacks = {
    china: new JiuyiStack(app, 'china', {
      env: { region: 'cn-north-1' },
      stage: 'prod',
      routes: ROUTES,
      schedules: SCHEDULES,
      channels: TEST_CHANNELS,
    }),
    global: new JiuyiStack(app, 'global', {
      env: { region: 'ap-southeast-1' },
      stage: 'prod',
      routes: ROUTES,
      schedules: SCHEDULES,
    }),
    local: new JiuyiStack(app, 'local', {
      env: { region: 'cn-north-1' },
      stage: 'local',
      routes: ROUTES,
      schedules: SCHEDULES,
    }),
  };
  china = Template.fromStack(stacks.china);
  chinaAll = templatesOf(stacks.china);
});

function functionsOf(templates: readonly Template[]): Resources {
  return resourcesIn(templates, 'AWS::Lambda::Function');
}

function routeKeysOf(templates: readonly Template[]): string[] {
  return Object.values(resourcesIn(templates, 'AWS::ApiGatewayV2::Route')).map((route) =>
    String(route.Properties?.RouteKey),
  );
}

function envOf(fn: Resources[string]): Record<string, unknown> {
  const environment = fn.Properties?.Environment as { Variables: Record<string, unknown> } | undefined;
  return environment?.Variables ?? {};
}

/** Follows route → integration → function (all in the route's template) and returns the function's logical id. */
function functionIdForRoute(templates: readonly Template[], key: string): string | undefined {
  const template = templates.find(
    (t) => Object.keys(t.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: key } })).length,
  );
  if (!template) return undefined;
  const routes = Object.values(
    template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: key } }),
  );
  const target = JSON.stringify(routes[0]?.Properties?.Target);
  const integrationId = /"Ref":"([^"]+)"/.exec(target)?.[1];
  if (!integrationId) return undefined;
  const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId];
  expect(integration?.Properties).toMatchObject({
    IntegrationType: 'AWS_PROXY',
    PayloadFormatVersion: '2.0',
  });
  const uri = integration?.Properties?.IntegrationUri as { 'Fn::GetAtt'?: [string, string] } | undefined;
  return uri?.['Fn::GetAtt']?.[0];
}

describe('the table', () => {
  it('has the key schema and indexes of the local definition, projected like the local table', () => {
    // Prepare
    const expected = {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'gsi2',
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    };

    // Act
    const tables = Object.values(china.findResources('AWS::DynamoDB::GlobalTable'));

    // Assess
    expect(tables).toHaveLength(1);
    const props = tables[0]?.Properties;
    expect(props?.KeySchema).toEqual(expected.KeySchema);
    expect(props?.GlobalSecondaryIndexes).toEqual(expected.GlobalSecondaryIndexes);
    expect(props?.AttributeDefinitions).toEqual(
      ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
    );
  });

  it('is on demand, with TTL on expiresAt, point-in-time recovery and KMS encryption with our own key', () => {
    china.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        {
          Region: 'cn-north-1',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] } },
          DeletionProtectionEnabled: true,
        },
      ],
    });
    china.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('outlives the stack in prod but not in the local stage', () => {
    // Act
    const local = Template.fromStack(stacks.local);

    // Assess
    china.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    china.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    local.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
    local.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
  });
});

describe('the HTTP API', () => {
  const prodRoutes = ROUTES.filter((route) => route.localOnly !== true);

  it.each(prodRoutes.map((route): [string, RouteDefinition] => [routeKey(route), route]))(
    'routes %s to the function of its handler',
    (key, route) => {
      // Act
      const functionId = functionIdForRoute(chinaAll, key);

      // Assess
      expect(functionId).toBeDefined();
      expect(functionsOf(chinaAll)[functionId ?? '']?.Properties?.Description).toBe(
        `Jiuyi prod ${route.handler}`,
      );
    },
  );

  it('has exactly the deployable routes and one function per distinct handler', () => {
    // Act
    const routeKeys = routeKeysOf(chinaAll);

    // Assess
    expect(routeKeys.sort()).toEqual(prodRoutes.map(routeKey).sort());
    expect(Object.keys(functionsOf(chinaAll))).toHaveLength(
      new Set(prodRoutes.map((r) => r.handler)).size + new Set(SCHEDULES.map((s) => s.handler)).size,
    );
  });

  it('exposes no dev login, no dev sent-messages list and no local-stage function in prod', () => {
    // Act
    const routeKeys = routeKeysOf(chinaAll);
    const stages = Object.values(functionsOf(chinaAll)).map((fn) => envOf(fn).JIUYI_STAGE);

    // Assess
    expect(routeKeys.filter((key) => key.includes('/auth/dev') || key.includes('/v1/dev/'))).toEqual([]);
    const descriptions = Object.values(functionsOf(chinaAll)).map((fn) => String(fn.Properties?.Description));
    expect(descriptions.filter((d) => /sign-in-dev|list-sent-messages/.test(d))).toEqual([]);
    expect(stages.every((stage) => stage === 'prod')).toBe(true);
  });

  it('deploys the localOnly routes in the local stage only', () => {
    // Prepare
    const localOnlyKeys = ROUTES.filter((route) => route.localOnly === true).map(routeKey);

    // Act
    const localKeys = routeKeysOf(templatesOf(stacks.local));

    // Assess
    expect(localKeys.sort()).toEqual(deployableRoutes(ROUTES, 'local').map(routeKey).sort());
    for (const key of localOnlyKeys) expect(localKeys).toContain(key);
  });
});

describe('the functions', () => {
  it('all run Node.js 22 on arm64 with 512 MB, 10 s (55 s for batch jobs) and six months of logs', () => {
    // Act
    const functions = Object.values(functionsOf(chinaAll));
    const scheduled = new Set(SCHEDULES.map((s) => `Jiuyi prod ${s.handler}`));

    // Assess
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Timeout: scheduled.has(String(fn.Properties?.Description)) ? 55 : 10,
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/Logs/) } },
      });
    }
    const retentions = Object.values(resourcesIn(chinaAll, 'AWS::Logs::LogGroup')).map(
      (group) => group.Properties?.RetentionInDays,
    );
    expect(retentions).toHaveLength(functions.length);
    expect(new Set(retentions)).toEqual(new Set([180]));
  });

  it('are bundled as CommonJS that loads in Node.js and exports `handler`', () => {
    // Prepare: the bundle of each function sits in the assembly as asset.<hash>/index.js.
    const bundles = Object.values(functionsOf(chinaAll)).map((fn) => {
      const code = fn.Properties?.Code as { S3Key: string };
      return path.join(app.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`, 'index.js');
    });
    const probe =
      'console.log(JSON.stringify(process.argv.slice(1).map((file) => typeof require(file).handler)))';

    // Act: one child process, so jest does not transform a megabyte of minified code per bundle.
    const exported: unknown = JSON.parse(
      execFileSync(process.execPath, ['-e', probe, ...bundles], { encoding: 'utf8' }),
    );

    // Assess
    expect(exported).toEqual(bundles.map(() => 'function'));
  });

  it('get the stage, the table name, the service name, the generated secrets and the field key', () => {
    for (const fn of Object.values(functionsOf(chinaAll))) {
      // Only the sender carries the SMS settings (checked in scheduled-functions.test.ts).
      const baseOnly = Object.fromEntries(
        Object.entries(envOf(fn)).filter(([k]) => !k.startsWith('JIUYI_SMS_')),
      );
      expect(baseOnly).toEqual({
        // Main-stack resources reach the nested stacks as parameters named after them.
        JIUYI_KMS_KEY_ID: { Ref: expect.stringMatching(/PersonalDataFieldKey\w*Arn$/) },
        JIUYI_INDEX_KEY: {
          'Fn::Join': [
            '',
            [
              '{{resolve:secretsmanager:',
              { Ref: expect.stringMatching(/PersonalDataIndexKey\w*Ref$/) },
              ':SecretString:::}}',
            ],
          ],
        },
        JIUYI_WECHAT_SECRET_PARAM: '/jiuyi/prod/wechat-app-secret',
        JIUYI_WECHAT_TEMPLATES: JSON.stringify(TEST_CHANNELS.wechatTemplates),
        JIUYI_WECHAT_MINIPROGRAM_STATE: 'formal',
        JIUYI_STAGE: 'prod',
        JIUYI_TABLE_NAME: { Ref: expect.stringMatching(/DataTable\w*Ref$/) },
        POWERTOOLS_SERVICE_NAME: 'jiuyi',
        JIUYI_TOKEN_SECRET: {
          'Fn::Join': [
            '',
            [
              '{{resolve:secretsmanager:',
              { Ref: expect.stringMatching(/SessionSecret\w*Ref$/) },
              ':SecretString:::}}',
            ],
          ],
        },
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
  });

  it('may touch only the table, its indexes, its key and their own log group: no wildcard resources', () => {
    // Act
    const statements = Object.values(resourcesIn(chinaAll, 'AWS::IAM::Policy')).flatMap(
      (policy) =>
        (policy.Properties?.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement,
    );
    const actions = new Set(statements.flatMap((s) => [s.Action].flat()));

    // Assess
    expect(statements.length).toBeGreaterThan(0);
    expect(
      statements.filter((s) => s.Resource === '*' || JSON.stringify(s.Resource).includes('"*"')),
    ).toEqual([]);
    expect([...actions].filter((action) => !/^(dynamodb|kms|logs):/.test(String(action)))).toEqual([
      'ssm:GetParameter',
    ]);
    expect(actions).not.toContain('dynamodb:DeleteTable');
    expect(actions).not.toContain('logs:CreateLogGroup');
  });

  it('have roles with no managed policies, which would grant logs on every group', () => {
    const roles = Object.values(resourcesIn(chinaAll, 'AWS::IAM::Role'));
    expect(roles).toHaveLength(Object.keys(functionsOf(chinaAll)).length);
    for (const role of roles) {
      expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('regions', () => {
  it('deploys to Beijing in the aws-cn partition, with no global-partition ARN anywhere', () => {
    // Act
    const json = JSON.stringify(chinaAll.map((t) => t.toJSON()));

    // Assess
    expect(stacks.china.region).toBe('cn-north-1');
    expect(stacks.china.partition).toBe('aws-cn');
    expect(json).toContain('arn:aws-cn:');
    expect(json).not.toContain('arn:aws:');
    const permissions = Object.values(resourcesIn(chinaAll, 'AWS::Lambda::Permission')).filter(
      (p) => p.Properties?.Principal === 'apigateway.amazonaws.com',
    );
    expect(permissions).toHaveLength(deployableRoutes(ROUTES, 'prod').length);
    for (const permission of permissions) {
      expect(JSON.stringify(permission.Properties?.SourceArn)).toContain(
        '"arn:aws-cn:execute-api:cn-north-1:',
      );
    }
  });

  it('also synthesises for a global region in the aws partition', () => {
    // Act
    const global = templatesOf(stacks.global);
    const json = JSON.stringify(global.map((t) => t.toJSON()));

    // Assess
    expect(Stack.of(stacks.global).region).toBe('ap-southeast-1');
    expect(stacks.global.partition).toBe('aws');
    expect(json).toContain('arn:aws:');
    expect(json).not.toContain('arn:aws-cn:');
    expect(routeKeysOf(global).sort()).toEqual(deployableRoutes(ROUTES, 'prod').map(routeKey).sort());
  });
});

describe('the stack layout', () => {
  /** CloudFormation refuses a template over 500; the margin leaves room for the features still to come. */
  const RESOURCE_BUDGET = 300;

  it.each(['china', 'global', 'local'] as const)(
    'keeps the %s main stack and every nested stack under 300 resources',
    (name) => {
      // Act
      const counts = templatesOf(stacks[name]).map((t) => Object.keys(t.toJSON().Resources ?? {}).length);

      // Assess
      expect(counts.length).toBe(stacks[name].nestedStacks.length + 1);
      for (const count of counts) expect(count).toBeLessThan(RESOURCE_BUDGET);
    },
  );

  it('keeps the table, keys, secrets and the API in the main stack and every function out of it', () => {
    // Assess
    china.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    china.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    china.resourceCountIs('AWS::SecretsManager::Secret', 2);
    china.resourceCountIs('AWS::Lambda::Function', 0);
    china.resourceCountIs('AWS::CloudFormation::Stack', stacks.china.nestedStacks.length);
    for (const nested of chinaAll.slice(1)) {
      nested.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
      nested.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    }
  });

  it('puts each handler with all its routes in the nested stack of its route group', () => {
    const prod = deployableRoutes(ROUTES, 'prod');
    for (const [group, nested] of stacks.china.api.groups) {
      // Act
      const template = Template.fromStack(nested);
      const keys = routeKeysOf([template]);
      const handlers = Object.values(functionsOf([template])).map((fn) =>
        String(fn.Properties?.Description).replace('Jiuyi prod ', ''),
      );

      // Assess: a handler's group is its first route's, and every route of it comes along.
      const expectedHandlers = [...new Set(prod.map((route) => route.handler))].filter(
        (handler) => routeGroupOf(prod.find((route) => route.handler === handler)?.path ?? '') === group,
      );
      expect(handlers.sort()).toEqual(expectedHandlers.sort());
      expect(keys.sort()).toEqual(
        prod
          .filter((route) => expectedHandlers.includes(route.handler))
          .map(routeKey)
          .sort(),
      );
    }
  });
});
