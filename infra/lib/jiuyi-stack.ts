import { CfnOutput, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import type { Stage } from '../../functions/src/config';
import type { RouteDefinition } from '../../functions/src/routes';
import { DataTable } from './data-table';
import { deployableRoutes } from './deployable-routes';
import { JiuyiApi } from './http-api';
import { SessionSecret } from './session-secret';
import { PersonalDataProtection } from './personal-data-protection';
import type { ScheduleDefinition } from '../../functions/src/schedules';
import { ScheduledFunctions } from './scheduled-functions';
import { MessageChannels, resolveChannelSettings, type ChannelSettings } from './message-channels';
import { functionEnvironment } from './function-environment';
import { WechatPay, type WechatPaySettings } from './wechat-pay';
import { His, type HisSettings } from './his';
import { RealNameService, type RealNameSettings } from './real-name';
import { handlerNeeds } from './handler-needs';

/** The outbox sender: the one function that talks to WeChat and SMS. */
const SENDER = 'deliver-messages';

/** The route WeChat Pay posts payment and refund results to. */
const PAY_NOTIFY_HANDLER = 'wechat-pay-notify';

export interface JiuyiStackProps extends StackProps {
  stage: Stage;
  /** Every route of the app; the stack keeps only those the stage may expose. */
  routes: readonly RouteDefinition[];
  /** Every scheduled function (functions/src/schedules.ts); none when omitted. */
  schedules?: readonly ScheduleDefinition[];
  /** WeChat template ids and SMS settings for the sender (the `messageChannels` context). */
  channels?: ChannelSettings;
  /** The mini-program's appid (the `wechatAppId` context); the functions' sandbox default when omitted. */
  wechatAppId?: string;
  /** The WeChat Pay merchant (the `wechatPay` context); without it payments answer 503. */
  wechatPay?: WechatPaySettings;
  /** The hospital's HIS (the `his` context); without it bills answer 503. */
  his?: HisSettings;
  /** The two-factor real-name service (the `realName` context); without it profiles wait for the desk. */
  realName?: RealNameSettings;
}

/**
 * The whole backend of one stage. The main stack holds what is shared and stateful (the table and
 * its key, the secrets, the HTTP API); the functions with their routes, rules and permissions are in
 * nested stacks, one per route group plus one for the scheduled jobs (see http-api.ts).
 */
export class JiuyiStack extends Stack {
  readonly data: DataTable;
  readonly api: JiuyiApi;
  readonly scheduled: ScheduledFunctions;
  /** Every nested stack, API groups first, then the scheduled jobs'. */
  readonly nestedStacks: readonly NestedStack[];

  constructor(scope: Construct, id: string, props: JiuyiStackProps) {
    super(scope, id, props);
    if (props.wechatPay && !props.wechatAppId) {
      throw new Error('The wechatPay context needs the wechatAppId context: orders are made for that appid');
    }
    this.data = new DataTable(this, 'Data', { stage: props.stage });

    // The local stage falls back to a development key in code; every other stage gets a generated one.
    const environment: Record<string, string> = {};
    const protection = props.stage !== 'local' ? new PersonalDataProtection(this, 'PersonalData') : undefined;
    if (protection) {
      environment.JIUYI_TOKEN_SECRET = new SessionSecret(this, 'SessionSecret').environmentValue();
      Object.assign(environment, protection.environment());
    }
    // Sign-in, subscribe messages and payments all name the mini-program.
    if (props.wechatAppId) environment.JIUYI_WECHAT_APP_ID = props.wechatAppId;

    const channels = new MessageChannels(
      this,
      'MessageChannels',
      props.channels ?? resolveChannelSettings({}),
    );
    Object.assign(environment, channels.environment());

    const routes = deployableRoutes(props.routes, props.stage);
    this.api = new JiuyiApi(this, 'Api', {
      stage: props.stage,
      routes,
      table: this.data.table,
      tableKey: this.data.key,
      environment,
    });
    const scheduledStack = new NestedStack(this, 'Scheduled', {
      description: `Jiuyi ${props.stage} scheduled and stream-triggered jobs`,
    });
    this.scheduled = new ScheduledFunctions(scheduledStack, 'Jobs', {
      stage: props.stage,
      schedules: props.schedules ?? [],
      table: this.data.table,
      tableKey: this.data.key,
      environment: functionEnvironment(props.stage, this.data.table, environment),
      handlerEnvironment: { [SENDER]: channels.senderEnvironment() },
    });
    this.nestedStacks = [...this.api.groups.values(), scheduledStack];
    const sender = this.scheduled.functions.get(SENDER);
    if (sender) channels.grantTo(sender);

    const all = new Map<string, NodejsFunction>([...this.api.functions, ...this.scheduled.functions]);
    if (protection) for (const fn of all.values()) protection.grantTo(fn);
    this.attachIntegrations(all, routes, props);

    new CfnOutput(this, 'ApiUrl', { value: this.api.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }

  /** WeChat Pay, the HIS and the real-name service, each only for the handlers whose code calls it (handler-needs.ts). */
  private attachIntegrations(
    functions: ReadonlyMap<string, NodejsFunction>,
    routes: readonly RouteDefinition[],
    props: JiuyiStackProps,
  ): void {
    let wechatPay: WechatPay | undefined;
    if (props.wechatPay) {
      const notify = routes.find((route) => route.handler === PAY_NOTIFY_HANDLER);
      if (!notify) throw new Error(`WeChat Pay needs the ${PAY_NOTIFY_HANDLER} route`);
      wechatPay = new WechatPay(this, 'WechatPay', {
        settings: props.wechatPay,
        defaultNotifyUrl: `${this.api.api.apiEndpoint}${notify.path}`,
      });
    }
    const his = props.his ? new His(this, 'His', props.his) : undefined;
    const realName = props.realName ? new RealNameService(this, 'RealName', props.realName) : undefined;
    for (const [handler, fn] of functions) {
      const needs = handlerNeeds(handler);
      if (wechatPay && needs.paymentGateway) wechatPay.attachTo(fn);
      if (his && needs.his) his.attachTo(fn);
      if (realName && needs.realName) realName.attachTo(fn);
    }
  }
}
