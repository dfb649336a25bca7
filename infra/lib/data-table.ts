import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { Stage } from '../../functions/src/config';
import {
  TABLE_INDEXES,
  TABLE_KEY,
  TTL_ATTRIBUTE,
} from '../../functions/src/adapters/dynamodb/table-definition';

export interface DataTableProps {
  stage: Stage;
}

/**
 * The single table, built from the same definition the local stack uses so the two cannot drift.
 * Encrypted with a customer-managed KMS key: patient data is sensitive personal information under
 * PIPL, and a key we own gives a key policy we control, CloudTrail entries for every use and a way
 * to revoke access to the data independently of IAM; an AWS-managed key offers none of these.
 */
export class DataTable extends Construct {
  readonly table: TableV2;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const isProd = props.stage === 'prod';
    // Losing the key loses the data, so it outlives the stack in prod exactly like the table.
    const removalPolicy = isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.key = new Key(this, 'Key', {
      description: `Jiuyi ${props.stage} table encryption`,
      enableKeyRotation: true,
      removalPolicy,
    });

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEY.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      billing: Billing.onDemand(),
      timeToLiveAttribute: TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryptionV2.customerManagedKey(this.key),
      deletionProtection: isProd,
      // Triggers the sender as soon as an outbox item commits (filtered to those items).
      dynamoStream: StreamViewType.NEW_IMAGE,
      removalPolicy,
    });
  }
}
