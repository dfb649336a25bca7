import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuthSessionStore } from '../../ports/auth-session-store';
import { accountKeys, ttlFromIso, type Table } from './table';
import { isConditionFailure } from './transaction-errors';

/** Refresh-token families (`SESSIONFAMILY#<id>`), one item each, TTL at the current token's expiry. */
export function createAuthSessionStore(table: Table): AuthSessionStore {
  return {
    async start(family) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: {
            ...accountKeys.sessionFamily(family.familyId),
            type: 'session_family',
            accountId: family.accountId,
            generation: 0,
            state: 'active',
            createdAt: family.createdAt,
            rotatedAt: family.createdAt,
            expiresAt: ttlFromIso(family.expiresAt),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    async rotate({ familyId, accountId, generation, at, expiresAt }) {
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: accountKeys.sessionFamily(familyId),
            UpdateExpression: 'SET generation = :next, rotatedAt = :at, expiresAt = :ttl',
            ConditionExpression:
              'attribute_exists(pk) AND accountId = :account AND generation = :gen AND #state = :active',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: {
              ':next': generation + 1,
              ':gen': generation,
              ':at': at,
              ':ttl': ttlFromIso(expiresAt),
              ':account': accountId,
              ':active': 'active',
            },
          }),
        );
        return { ok: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const { Item } = await table.doc.send(
        new GetCommand({
          TableName: table.name,
          Key: accountKeys.sessionFamily(familyId),
          ConsistentRead: true,
        }),
      );
      if (!Item || Item.accountId !== accountId) return { ok: false, refusal: 'not_found' };
      if (Item.state !== 'active') return { ok: false, refusal: 'revoked' };
      return { ok: false, refusal: 'stale' };
    },
    async revoke(familyId, at) {
      await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: accountKeys.sessionFamily(familyId),
          UpdateExpression: 'SET #state = :revoked, revokedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':revoked': 'revoked', ':at': at },
        }),
      );
    },
  };
}
