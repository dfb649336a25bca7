import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';

/**
 * Item reads and writes on the table and its indexes. Spelled out instead of `grantReadWriteData`,
 * which also grants Scan, stream reads and wildcard KMS actions (`kms:ReEncrypt*`,
 * `kms:GenerateDataKey*`); no function scans, and stream access is granted to its one reader.
 */
export const TABLE_DATA_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];

/** What DynamoDB does with the table's customer-managed key on the caller's behalf. */
export const TABLE_KEY_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
];

/** Grants `fn` item access to the table and the use of its encryption key, nothing more. */
export function grantTableData(table: ITableV2, key: IKey, fn: IGrantable): void {
  fn.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: TABLE_DATA_ACTIONS,
      resources: [table.tableArn, `${table.tableArn}/index/*`],
    }),
  );
  fn.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: TABLE_KEY_ACTIONS, resources: [key.keyArn] }),
  );
}
