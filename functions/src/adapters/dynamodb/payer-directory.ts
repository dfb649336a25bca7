import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PayerDirectory } from '../../ports/payer-directory';
import { accountKeys, type Table } from './table';

/** Reads the openid the account store keeps beside the account profile (never part of the account view). */
export function createPayerDirectory(table: Table): PayerDirectory {
  return {
    async openidOf(accountId) {
      const { Item } = await table.doc.send(
        new GetCommand({
          TableName: table.name,
          Key: accountKeys.account(accountId),
          ProjectionExpression: 'openid',
        }),
      );
      return typeof Item?.openid === 'string' ? Item.openid : undefined;
    },
  };
}
