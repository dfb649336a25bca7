import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EventSourceMapping, FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { Stage } from '../../functions/src/config';
import type { ScheduleDefinition } from '../../functions/src/schedules';
import { HandlerFunction } from './handler-function';
import { grantTableData } from './table-access';
import type { IKey } from 'aws-cdk-lib/aws-kms';

/**
 * Which stream records wake a stream-triggered handler: the sender wakes only for new outbox items
 * (`pk = OUTBOX#<message id>`, see outbox-store.ts), never for the thousands of other writes.
 */
export const STREAM_FILTERS: Readonly<Record<string, Record<string, unknown>>> = {
  'deliver-messages': {
    eventName: FilterRule.isEqual('INSERT'),
    dynamodb: { Keys: { pk: { S: FilterRule.beginsWith('OUTBOX#') } } },
  },
};

/** Batch jobs: longer than an API call, shorter than the outbox lease (60 s) and the 1-minute rate. */
export const SCHEDULED_TIMEOUT = Duration.seconds(55);

export interface ScheduledFunctionsProps {
  stage: Stage;
  schedules: readonly ScheduleDefinition[];
  table: ITableV2;
  /** The table's encryption key, which every data access uses. */
  tableKey: IKey;
  environment: Record<string, string>;
  /** Extra environment per handler (the sender's channel settings). */
  handlerEnvironment?: Readonly<Record<string, Record<string, string>>>;
}

/**
 * One function per scheduled handler (the same HandlerFunction as the API's), one EventBridge rule
 * per SCHEDULES entry, and for stream-triggered handlers a filtered DynamoDB stream mapping.
 */
export class ScheduledFunctions extends Construct {
  /** Handler name → its function. */
  readonly functions: ReadonlyMap<string, NodejsFunction>;
  readonly rules: ReadonlyMap<string, Rule>;

  constructor(scope: Construct, id: string, props: ScheduledFunctionsProps) {
    super(scope, id);
    const functions = new Map<string, NodejsFunction>();
    const rules = new Map<string, Rule>();
    props.schedules.forEach((schedule, index) => {
      let fn = functions.get(schedule.handler);
      if (!fn) {
        fn = new HandlerFunction(this, schedule.handler, {
          stage: props.stage,
          handler: schedule.handler,
          environment: { ...props.environment, ...props.handlerEnvironment?.[schedule.handler] },
          timeout: SCHEDULED_TIMEOUT,
        }).fn;
        grantTableData(props.table, props.tableKey, fn);
        functions.set(schedule.handler, fn);
        if (schedule.streamTriggered) this.subscribeToStream(schedule.handler, fn, props.table);
      }
      const rule = new Rule(this, `${schedule.handler}-rule-${index}`, {
        schedule: Schedule.expression(schedule.expression),
        description: `Jiuyi ${props.stage} ${schedule.handler}: ${schedule.description}`.slice(0, 512),
        // A missed run is made up by the next one a minute later; EventBridge retrying it would overlap.
        targets: [new LambdaFunction(fn, { retryAttempts: 0, maxEventAge: Duration.minutes(1) })],
      });
      rules.set(`${schedule.handler}#${index}`, rule);
    });
    this.functions = functions;
    this.rules = rules;
  }

  /**
   * The stream only shortens the wait: the scheduled run finds anything the stream trigger missed,
   * so a failing batch is retried twice and then dropped rather than blocking the shard.
   */
  private subscribeToStream(handler: string, fn: NodejsFunction, table: ITableV2): void {
    const filter = STREAM_FILTERS[handler];
    const streamArn = table.tableStreamArn;
    if (!filter) throw new Error(`Stream-triggered handler ${handler} has no entry in STREAM_FILTERS`);
    if (!streamArn) throw new Error('The table has no stream: set dynamoStream on the table');
    new EventSourceMapping(this, `${handler}-stream`, {
      target: fn,
      eventSourceArn: streamArn,
      startingPosition: StartingPosition.LATEST,
      batchSize: 25,
      maxBatchingWindow: Duration.seconds(1),
      retryAttempts: 2,
      maxRecordAge: Duration.minutes(5),
      bisectBatchOnError: false,
      parallelizationFactor: 1,
      filters: [FilterCriteria.filter(filter)],
    });
    // Explicit, because `grantStreamRead` adds `dynamodb:ListStreams` on every resource (`*`).
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [streamArn],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:ListStreams'],
        resources: [`${table.tableArn}/stream/*`],
      }),
    );
  }
}
