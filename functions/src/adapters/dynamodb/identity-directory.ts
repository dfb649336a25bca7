import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IdentityDirectory } from '../../ports/clinic-booking-store';
import { accountKeys, type Table } from './table';

/** Reads the identity guard the patient store writes (keyed by the blind index, never the number). */
export function createIdentityDirectory(table: Table): IdentityDirectory {
  return {
    async ownerOf(identityIndex) {
      const { Item } = await table.doc.send(
        new GetCommand({
          TableName: table.name,
          Key: accountKeys.identityGuard(identityIndex),
          ConsistentRead: true,
        }),
      );
      if (!Item || typeof Item.accountId !== 'string' || typeof Item.patientId !== 'string') return undefined;
      return { accountId: Item.accountId, patientId: Item.patientId };
    },
  };
}
