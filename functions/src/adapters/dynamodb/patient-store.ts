import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@jiuyi/shared';
import type { FieldCipher } from '../../ports/field-cipher';
import type { PatientRecord, PatientStore } from '../../ports/patient-store';
import { sendNamed } from './named-transaction';
import { claimItem, newPatientItems, openPatient, patientItem, readClaim } from './patient-items';
import { accountKeys, type Table } from './table';
import { cancellationCodes, failedCondition } from './transaction-errors';
import { transactWithRetry } from './transact-with-retry';
import { patientHoldsClear } from './capacity-items';

/** Patients sit in their account's partition; the identity guard is its own item keyed by blind index. */
export function createPatientStore(table: Table, cipher: FieldCipher): PatientStore {
  const open = (item: Record<string, unknown>) => openPatient(cipher, item);
  const get = async (accountId: string, patientId: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({
        TableName: table.name,
        Key: accountKeys.patient(accountId, patientId),
        ConsistentRead: true,
      }),
    );
    return Item ? open(Item) : undefined;
  };

  return {
    get,
    async list(accountId) {
      const { Items = [] } = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': `ACCOUNT#${accountId}`, ':p': 'PATIENT#' },
          ConsistentRead: true,
        }),
      );
      const patients = await Promise.all(Items.map(open));
      return patients.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async create(patient, maxPerAccount) {
      const outcome = await sendNamed(table, {
        claim: {
          Put: {
            TableName: table.name,
            Item: claimItem(patient),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...(await newPatientItems(table, cipher, patient, maxPerAccount)),
      });
      if (outcome.ok) return { kind: 'created', patient };
      if (outcome.failed.has('claim')) {
        const claim = await readClaim(table, patient.identityIndex);
        // Freed again in between (a deletion): the caller may simply try once more.
        if (!claim) return { kind: 'claim_changed' };
        if (claim.accountId === patient.accountId) {
          const mine = await get(patient.accountId, claim.patientId);
          if (mine) return { kind: 'already_yours', patient: mine };
        }
        return { kind: 'identity_taken', claim };
      }
      if (outcome.failed.has('count')) return { kind: 'limit_reached' };
      throw new Error('patient create refused without a named reason');
    },
    async update(accountId, patientId, fields, nowIso) {
      const current = await get(accountId, patientId);
      if (!current) return undefined;
      const next: PatientRecord = { ...current, ...fields, updatedAt: nowIso };
      try {
        await table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table.name,
                  Item: await patientItem(cipher, next),
                  // Last writer loses if someone else changed it in between: the caller retries with fresh data.
                  ConditionExpression: '#data.updatedAt = :seen',
                  ExpressionAttributeNames: { '#data': 'data' },
                  ExpressionAttributeValues: { ':seen': current.updatedAt },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (failedCondition(cancellationCodes(error), 0)) throw new DomainError('CONCURRENT_MODIFICATION');
        throw error;
      }
      return next;
    },
    async delete(accountId, patientId) {
      // The read only finds the identity guard's key; the transaction's conditions decide.
      const current = await get(accountId, patientId);
      if (!current) return 'not_found';
      try {
        await transactWithRetry(
          table,
          [
            {
              Delete: {
                TableName: table.name,
                Key: accountKeys.patient(accountId, patientId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            // Refused while the profile holds a booking or a waitlist place (see capacity-items.ts).
            patientHoldsClear(table, { accountId, patientId }),
            // A revoked profile no longer holds its identity: the claim belongs to someone else or nobody.
            ...(current.realName?.status === 'revoked'
              ? []
              : [
                  {
                    Delete: {
                      TableName: table.name,
                      Key: accountKeys.identityGuard(current.identityIndex),
                      ConditionExpression: 'patientId = :pid',
                      ExpressionAttributeValues: { ':pid': patientId },
                    },
                  },
                ]),
            {
              Update: {
                TableName: table.name,
                Key: accountKeys.account(accountId),
                UpdateExpression: 'SET patientCount = patientCount - :one',
                ConditionExpression: 'patientCount > :zero',
                ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
              },
            },
          ],
          () => new DomainError('CONCURRENT_MODIFICATION'),
        );
        return 'deleted';
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (failedCondition(codes, 1) && !failedCondition(codes, 0)) return 'active_bookings';
        return 'not_found';
      }
    },
  };
}
