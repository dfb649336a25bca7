import { NestedStack } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { Stage } from '../../functions/src/config';
import type { RouteDefinition } from '../../functions/src/routes';
import { handlerNames } from './deployable-routes';
import { HandlerFunction } from './handler-function';
import { functionEnvironment } from './function-environment';
import { groupRoutes, pascalCase } from './route-groups';
import { grantTableData } from './table-access';

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

/**
 * The HTTP API (payload format 2.0, what `defineHandler` expects) in the main stack, and one nested
 * stack per route group (route-groups.ts) holding that group's functions, integrations, routes and
 * invoke permissions: a handler costs about seven resources, and one template holds at most 500.
 */
export class JiuyiApi extends Construct {
  readonly api: HttpApi;
  /** Handler name → its function. */
  readonly functions: ReadonlyMap<string, NodejsFunction>;
  /** Group name → the nested stack of its functions and routes. */
  readonly groups: ReadonlyMap<string, NestedStack>;

  constructor(scope: Construct, id: string, props: JiuyiApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'HttpApi', { apiName: `jiuyi-${props.stage}` });

    const environment = functionEnvironment(props.stage, props.table, props.environment);
    const functions = new Map<string, NodejsFunction>();
    const groups = new Map<string, NestedStack>();
    for (const [group, routes] of groupRoutes(props.routes)) {
      const stack = new NestedStack(this, pascalCase(group), {
        description: `Jiuyi ${props.stage} API: ${group}`,
      });
      groups.set(group, stack);
      const integrations = new Map<string, HttpLambdaIntegration>();
      for (const handler of handlerNames(routes)) {
        const { fn } = new HandlerFunction(stack, handler, { stage: props.stage, handler, environment });
        grantTableData(props.table, props.tableKey, fn);
        functions.set(handler, fn);
        integrations.set(handler, new HttpLambdaIntegration(`${handler}-integration`, fn));
      }
      for (const route of routes) {
        const integration = integrations.get(route.handler);
        if (!integration) throw new Error(`No integration for handler ${route.handler}`);
        // Created in the group's stack (not with api.addRoutes, which would put it in the main one), so
        // the route's integration and invoke permission land there too.
        new HttpRoute(stack, `${route.method}${route.path}`, {
          httpApi: this.api,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration,
        });
      }
    }
    this.functions = functions;
    this.groups = groups;
  }
}
