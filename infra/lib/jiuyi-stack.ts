import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Stage } from '../../functions/src/config';
import type { RouteDefinition } from '../../functions/src/routes';
import { DataTable } from './data-table';
import { deployableRoutes } from './deployable-routes';
import { JiuyiApi } from './http-api';
import { SessionSecret } from './session-secret';
import { PersonalDataProtection } from './personal-data-protection';

export interface JiuyiStackProps extends StackProps {
  stage: Stage;
  /** Every route of the app; the stack keeps only those the stage may expose. */
  routes: readonly RouteDefinition[];
}

/** The whole backend of one stage: the table, the session secret, the HTTP API and its functions. */
export class JiuyiStack extends Stack {
  readonly data: DataTable;
  readonly api: JiuyiApi;

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

    this.api = new JiuyiApi(this, 'Api', {
      stage: props.stage,
      routes: deployableRoutes(props.routes, props.stage),
      table: this.data.table,
      environment,
    });
    if (protection) for (const fn of this.api.functions.values()) protection.grantTo(fn);

    new CfnOutput(this, 'ApiUrl', { value: this.api.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
