import { randomUUID } from 'node:crypto';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { identityAuditEntrySchema, type IdentityAuditEntry, type OutboxMessage } from '@jiuyi/shared';
import type { FieldCipher } from '../../ports/field-cipher';
import type { IdentityClaimStore, PendingCheck } from '../../ports/identity-claim-store';
import type { IdentityClaim, RealNameState } from '../../ports/patient-store';
import { sendNamed } from './named-transaction';
import { messageWriteItems, type TransactItem } from './outbox-store';
import { claimItem, newPatientItems, readClaim, realNameQueue } from './patient-items';
import { queryDue } from './query-all';
import { accountKeys, ttlFromIso, type Table } from './table';
import { isConditionFailure } from './transaction-errors';

/** The audit entry item, in the identity's own partition beside its claim. */
function auditPut(table: Table, identityIndex: string, entry: IdentityAuditEntry): TransactItem {
  return {
    Put: {
      TableName: table.name,
      Item: {
        ...accountKeys.identityAudit(identityIndex, entry.at, randomUUID()),
        type: 'identity_audit',
        entry,
      },
    },
  };
}

/**
 * Sets a profile's real-name state and bumps its `updatedAt`, so an edit that read the profile before
 * fails its own `updatedAt` condition instead of writing the old state back; leaves the re-check queue.
 */
function profileStateUpdate(
  table: Table,
  claim: IdentityClaim,
  state: RealNameState,
  at: string,
): TransactItem {
  return {
    Update: {
      TableName: table.name,
      Key: accountKeys.patient(claim.accountId, claim.patientId),
      UpdateExpression: 'SET #data.realName = :state, #data.updatedAt = :at REMOVE gsi2pk, gsi2sk',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#data': 'data' },
      ExpressionAttributeValues: { ':state': state, ':at': at },
    },
  };
}

/** The claim still names the profile the caller read (and, when asked, is still unverified). */
function claimCondition(claim: IdentityClaim, unverified: boolean) {
  return {
    ConditionExpression: unverified
      ? 'patientId = :pid AND (attribute_not_exists(verified) OR verified = :no)'
      : 'patientId = :pid',
    ExpressionAttributeValues: unverified
      ? { ':pid': claim.patientId, ':no': false }
      : { ':pid': claim.patientId },
  };
}

function messages(table: Table, message: OutboxMessage): TransactItem[] {
  return messageWriteItems(table, [message]);
}

/** Identity claims beyond their creation: attempts, history, take-over, release and verification. */
export function createIdentityClaimStore(table: Table, cipher: FieldCipher): IdentityClaimStore {
  return {
    async countAddAttempt(accountId, date, limit, expiresAtIso) {
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: accountKeys.identityAdds(accountId, date),
            UpdateExpression: 'ADD attempts :one SET expiresAt = :ttl, #type = :type',
            ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :limit',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':limit': limit,
              ':ttl': ttlFromIso(expiresAtIso),
              ':type': 'identity_adds',
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    claimOf: (identityIndex) => readClaim(table, identityIndex),
    async history(identityIndex) {
      const { Items = [] } = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
          ExpressionAttributeValues: {
            ':pk': accountKeys.identityGuard(identityIndex).pk,
            ':audit': 'AUDIT#',
          },
          ScanIndexForward: false,
          ConsistentRead: true,
        }),
      );
      return Items.map((item) => identityAuditEntrySchema.parse(item.entry));
    },
    async takeOver({ patient, from, maxPerAccount, at, message, audit }) {
      const outcome = await sendNamed(table, {
        claim: { Put: { TableName: table.name, Item: claimItem(patient), ...claimCondition(from, true) } },
        loser: profileStateUpdate(table, from, { status: 'revoked', at, reason: 'verified_elsewhere' }, at),
        ...(await newPatientItems(table, cipher, patient, maxPerAccount)),
        message: messages(table, message),
        audit: auditPut(table, patient.identityIndex, audit),
      });
      if (outcome.ok) return 'done';
      if (outcome.failed.has('count') && !outcome.failed.has('claim')) return 'limit_reached';
      return 'claim_changed';
    },
    async revoke({ claim, reason, at, message, audit }) {
      const outcome = await sendNamed(table, {
        claim: {
          Delete: {
            TableName: table.name,
            Key: accountKeys.identityGuard(claim.identityIndex),
            ...claimCondition(claim, false),
          },
        },
        profile: profileStateUpdate(table, claim, { status: 'revoked', at, reason }, at),
        message: messages(table, message),
        audit: auditPut(table, claim.identityIndex, audit),
      });
      return outcome.ok ? 'done' : 'claim_changed';
    },
    async markVerified({ claim, state, audit }) {
      const outcome = await sendNamed(table, {
        claim: {
          Update: {
            TableName: table.name,
            Key: accountKeys.identityGuard(claim.identityIndex),
            UpdateExpression: 'SET verified = :yes',
            ...claimCondition(claim, false),
            ExpressionAttributeValues: {
              ...claimCondition(claim, false).ExpressionAttributeValues,
              ':yes': true,
            },
          },
        },
        profile: profileStateUpdate(table, claim, state, state.at),
        audit: auditPut(table, claim.identityIndex, audit),
      });
      return outcome.ok ? 'done' : 'claim_changed';
    },
    async duePending(nowIso, limit) {
      const due: Array<PendingCheck & { dueAt: string }> = [];
      for (const shard of realNameQueue.shards()) {
        const items = await queryDue(table, shard, nowIso, limit);
        for (const item of items) {
          const data = item.data as { accountId?: unknown; id?: unknown } | undefined;
          if (typeof data?.accountId === 'string' && typeof data.id === 'string')
            due.push({ accountId: data.accountId, patientId: data.id, dueAt: String(item.gsi2sk) });
        }
      }
      return due
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .slice(0, limit)
        .map(({ accountId, patientId }) => ({ accountId, patientId }));
    },
    async requeue(check, state, at) {
      const queued = state.status === 'pending';
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: accountKeys.patient(check.accountId, check.patientId),
            UpdateExpression: queued
              ? 'SET #data.realName = :state, #data.updatedAt = :at, gsi2pk = :q, gsi2sk = :sk'
              : 'SET #data.realName = :state, #data.updatedAt = :at REMOVE gsi2pk, gsi2sk',
            ConditionExpression: 'attribute_exists(pk) AND #data.realName.#status = :pending',
            ExpressionAttributeNames: { '#data': 'data', '#status': 'status' },
            ExpressionAttributeValues: {
              ':state': state,
              ':at': at,
              ':pending': 'pending',
              ...(queued
                ? {
                    ':q': realNameQueue.partition(check.patientId),
                    ':sk': realNameQueue.sort(state.nextCheckAt, check.patientId),
                  }
                : {}),
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
