import { RemovalPolicy } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { grantParameterRead } from './ssm-parameters';

/** The SSM SecureString holding the mini-program's AppSecret; created by hand (docs/deploy.md). */
export const WECHAT_SECRET_PARAMETER = '/jiuyi/prod/wechat-app-secret';

/**
 * What `functions/src/config.ts` requires outside `local` to protect personal data: a KMS key that wraps
 * the data keys for ID numbers and phones, a generated HMAC key for the identity blind index, and the
 * name of the WeChat AppSecret parameter. Functions get exactly the permissions these need.
 */
export class PersonalDataProtection extends Construct {
  readonly fieldKey: Key;
  readonly indexKey: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.fieldKey = new Key(this, 'FieldKey', {
      description: 'Jiuyi envelope key for ID numbers and phones',
      enableKeyRotation: true,
      // Losing it would make every stored ID number unreadable.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.indexKey = new Secret(this, 'IndexKey', {
      description: 'Jiuyi HMAC key for the identity blind index (JIUYI_INDEX_KEY)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The environment the functions read. */
  environment(): Record<string, string> {
    return {
      JIUYI_KMS_KEY_ID: this.fieldKey.keyArn,
      JIUYI_INDEX_KEY: this.indexKey.secretValue.unsafeUnwrap(),
      JIUYI_WECHAT_SECRET_PARAM: WECHAT_SECRET_PARAMETER,
    };
  }

  /** Data-key generation and decryption on the field key, and reading the one WeChat parameter. */
  grantTo(fn: IGrantable): void {
    this.fieldKey.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
    grantParameterRead(this, fn, [WECHAT_SECRET_PARAMETER]);
  }
}
