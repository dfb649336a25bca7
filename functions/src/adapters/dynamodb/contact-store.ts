import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FieldCipher } from '../../ports/field-cipher';
import type { RecipientDirectory } from '../../ports/message-channel';
import { accountKeys, type Table } from './table';
import { conditionalWrite } from './transaction-errors';

/**
 * How to reach an account outside the app. Both addresses sit on the account item beside (not in)
 * its `data`, so no API response that returns the account can carry them: `openid` is written when
 * the account is created for it, `smsPhoneSealed` (staff and experts) only encrypted.
 */
export interface ContactStore extends RecipientDirectory {
  /** Stores the SMS phone sealed; false when the account does not exist. */
  setSmsPhone(accountId: string, phone: string): Promise<boolean>;
}

export function createContactStore(table: Table, cipher: FieldCipher): ContactStore {
  const profile = async (accountId: string) =>
    (
      await table.doc.send(
        new GetCommand({
          TableName: table.name,
          Key: accountKeys.account(accountId),
          ProjectionExpression: 'openid, smsPhoneSealed',
        }),
      )
    ).Item;
  return {
    async openidOf(accountId) {
      const openid = (await profile(accountId))?.openid;
      return typeof openid === 'string' && openid ? openid : undefined;
    },
    async phoneOf(accountId) {
      const sealed = (await profile(accountId))?.smsPhoneSealed;
      return typeof sealed === 'string' && sealed ? cipher.decrypt(sealed) : undefined;
    },
    async setSmsPhone(accountId, phone) {
      return conditionalWrite(
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: accountKeys.account(accountId),
            UpdateExpression: 'SET smsPhoneSealed = :sealed',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':sealed': await cipher.encrypt(phone) },
          }),
        ),
      );
    },
  };
}
