import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
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

/** The outbox sender: the one function that talks to WeChat and SMS. */
const SENDER = 'deliver-messages';

export interface JiuyiStackProps extends StackProps {
  stage: Stage;
  /** Every route of the app; the stack keeps only those the stage may expose. */
  routes: readonly RouteDefinition[];
  /** Every scheduled function (functions/src/schedules.ts); none when omitted. */
  schedules?: readonly ScheduleDefinition[];
  /** WeChat template ids and SMS settings for the sender (the `messageChannels` context). */
  channels?: ChannelSettings;
}

/** The whole backend of one stage: the table, the session secret, the HTTP API and its functions. */
export class JiuyiStack extends Stack {
  readonly data: DataTable;
  readonly api: JiuyiApi;
  readonly scheduled: ScheduledFunctions;

  constructor(scope: Construct, id: string, props: JiuyiStackProps) {
    super(scope, id, props);
    this.data = new DataTable(this, 'Data', { stage: props.stage });

    // The local stage falls back to a development key in code; every other stage gets a generated one.
    const environment: Record<string, string> = {};
    const protection = props.stage !== 'local' ? new PersonalDataProtection(this, 'PersonalData') : undefined;
    if (protection) {
      environment.JIUYI_TOKEN_SECRET = new SessionSecret(this, 'SessionSecret').environmentValue();
      Object.assign(environment, protection.environment());
    }

    const channels = new MessageChannels(
      this,
      'MessageChannels',
      props.channels ?? resolveChannelSettings({}),
    );
    Object.assign(environment, channels.environment());

    this.api = new JiuyiApi(this, 'Api', {
      stage: props.stage,
      routes: deployableRoutes(props.routes, props.stage),
      table: this.data.table,
      tableKey: this.data.key,
      environment,
    });
    this.scheduled = new ScheduledFunctions(this, 'Scheduled', {
      stage: props.stage,
      schedules: props.schedules ?? [],
      table: this.data.table,
      tableKey: this.data.key,
      environment: functionEnvironment(props.stage, this.data.table, environment),
      handlerEnvironment: { [SENDER]: channels.senderEnvironment() },
    });
    const sender = this.scheduled.functions.get(SENDER);
    if (sender) channels.grantTo(sender);

    const all = [...this.api.functions.values(), ...this.scheduled.functions.values()];
    if (protection) for (const fn of all) protection.grantTo(fn);

    new CfnOutput(this, 'ApiUrl', { value: this.api.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
