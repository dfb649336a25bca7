import { Aws, Stack } from 'aws-cdk-lib';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/** `arn:<partition>:ssm:<region>:<account>:parameter/jiuyi/…` for a parameter name that starts with `/`. */
export function parameterArn(scope: IConstruct, name: string): string {
  return `arn:${Aws.PARTITION}:ssm:${Stack.of(scope).region}:${Aws.ACCOUNT_ID}:parameter${name}`;
}

/**
 * `ssm:GetParameter` on exactly these parameters. No KMS grant: they are SecureStrings under the
 * AWS-managed `aws/ssm` key, whose key policy already lets SSM decrypt for any principal of the account
 * that may read the parameter.
 */
export function grantParameterRead(scope: IConstruct, fn: IGrantable, names: readonly string[]): void {
  fn.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['ssm:GetParameter'],
      resources: names.map((name) => parameterArn(scope, name)),
    }),
  );
}
