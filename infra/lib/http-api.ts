import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { Stage } from '../../functions/src/config';
import type { RouteDefinition } from '../../functions/src/routes';
import { handlerNames } from './deployable-routes';
import { HandlerFunction } from './handler-function';
import { functionEnvironment } from './function-environment';
import { grantTableData } from './table-access';
import type { IKey } from 'aws-cdk-lib/aws-kms';

export interface JiuyiApiProps {
  stage: Stage;
  /** Already filtered for the stage (see `deployableRoutes`). */
  routes: readonly RouteDefinition[];
  table: ITableV2;
  /** The table's encryption key, which every data access uses. */
  tableKey: IKey;
  /** Extra environment for every function (e.g. the session-token secret). */
  environment?: Record<string, string>;
}

/** The HTTP API (payload format 2.0, what `defineHandler` expects) and one function per handler. */
export class JiuyiApi extends Construct {
  readonly api: HttpApi;
  /** Handler name → its function. */
  readonly functions: ReadonlyMap<string, NodejsFunction>;

  constructor(scope: Construct, id: string, props: JiuyiApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'HttpApi', { apiName: `jiuyi-${props.stage}` });

    const environment = functionEnvironment(props.stage, props.table, props.environment);
    const functions = new Map<string, NodejsFunction>();
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const handler of handlerNames(props.routes)) {
      const { fn } = new HandlerFunction(this, handler, { stage: props.stage, handler, environment });
      grantTableData(props.table, props.tableKey, fn);
      functions.set(handler, fn);
      integrations.set(handler, new HttpLambdaIntegration(`${handler}-integration`, fn));
    }
    this.functions = functions;

    for (const route of props.routes) {
      const integration = integrations.get(route.handler);
      if (!integration) throw new Error(`No integration for handler ${route.handler}`);
      this.api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
    }
  }
}
