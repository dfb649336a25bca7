import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Stage } from '../../functions/src/config';
import { LOCK_FILE, REPO_ROOT, handlerEntry } from './paths';

export interface HandlerFunctionProps {
  stage: Stage;
  /** The handler name from routes.ts, e.g. `get-health`. */
  handler: string;
  environment: Record<string, string>;
  /** 10 s unless given: API calls must answer fast; batch jobs get longer. */
  timeout?: Duration;
}

/** One Lambda function per handler file, bundled locally by esbuild (no Docker), with its own log group. */
export class HandlerFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    // An explicit log group, so retention is set from the first deploy and logs survive a stack delete in prod.
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: props.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    // Our own role instead of AWSLambdaBasicExecutionRole, whose log grants cover every log group (`*`).
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: handlerEntry(props.handler),
      handler: 'handler',
      description: `Jiuyi ${props.stage} ${props.handler}`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      role,
      projectRoot: REPO_ROOT,
      depsLockFilePath: LOCK_FILE,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        forceDockerBundling: false,
        minify: true,
        logLevel: LogLevel.WARNING,
        sourceMap: true,
        target: 'node22',
        format: OutputFormat.CJS,
        // Bundle the AWS SDK too: the code runs against the version the lock file pinned and tests used,
        // not whatever the runtime happens to ship in that region.
        externalModules: [],
      },
    });
  }
}
