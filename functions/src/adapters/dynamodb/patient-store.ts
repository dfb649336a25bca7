import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@jiuyi/shared';
import type { FieldCipher } from '../../ports/field-cipher';
import type { PatientRecord, PatientStore } from '../../ports/patient-store';
import { accountKeys, type Table } from './table';
import { cancellationCodes, failedCondition } from './transaction-errors';

type StoredPatient = Omit<PatientRecord, 'idNumber' | 'phone'> & {
  idNumberSealed: string;
  phoneSealed: string;
};

/** Patients sit in their account's partition; the identity guard is its own item keyed by blind index. */
export function createPatientStore(table: Table, cipher: FieldCipher): PatientStore {
  const seal = async (p: PatientRecord): Promise<StoredPatient> => {
    const { idNumber, phone, ...rest } = p;
    return {
      ...rest,
      idNumberSealed: await cipher.encrypt(idNumber),
      phoneSealed: await cipher.encrypt(phone),
    };
  };
  const open = async (item: Record<string, unknown>): Promise<PatientRecord> => {
    const { idNumberSealed, phoneSealed, ...rest } = item.data as StoredPatient;
    return {
      ...rest,
      idNumber: await cipher.decrypt(idNumberSealed),
      phone: await cipher.decrypt(phoneSealed),
    };
  };
  const toItem = (p: StoredPatient) => ({
    ...accountKeys.patient(p.accountId, p.id),
    type: 'patient',
    data: p,
  });
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
      try {
        await table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table.name,
                  Item: {
                    ...accountKeys.identityGuard(patient.identityIndex),
                    type: 'identity_guard',
                    accountId: patient.accountId,
                    patientId: patient.id,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: table.name,
                  Item: toItem(await seal(patient)),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Update: {
                  TableName: table.name,
                  Key: accountKeys.account(patient.accountId),
                  UpdateExpression: 'SET patientCount = patientCount + :one',
                  ConditionExpression: 'attribute_exists(pk) AND patientCount < :max',
                  ExpressionAttributeValues: { ':one': 1, ':max': maxPerAccount },
                },
              },
            ],
          }),
        );
        return { kind: 'created', patient };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (failedCondition(codes, 0)) {
          const { Item } = await table.doc.send(
            new GetCommand({
              TableName: table.name,
              Key: accountKeys.identityGuard(patient.identityIndex),
              ConsistentRead: true,
            }),
          );
          if (Item?.accountId === patient.accountId) {
            const mine = await get(patient.accountId, String(Item.patientId));
            if (mine) return { kind: 'already_yours', patient: mine };
          }
          throw new DomainError('IDENTITY_ALREADY_REGISTERED');
        }
        if (failedCondition(codes, 2))
          throw new DomainError('PATIENT_LIMIT_REACHED', { details: { max: maxPerAccount } });
        throw error;
      }
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
                  Item: toItem(await seal(next)),
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
      const current = await get(accountId, patientId);
      if (!current) return false;
      try {
        await table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: table.name,
                  Key: accountKeys.patient(accountId, patientId),
                  ConditionExpression: 'attribute_exists(pk)',
                },
              },
              {
                Delete: {
                  TableName: table.name,
                  Key: accountKeys.identityGuard(current.identityIndex),
                  ConditionExpression: 'patientId = :pid',
                  ExpressionAttributeValues: { ':pid': patientId },
                },
              },
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
          }),
        );
        return true;
      } catch (error) {
        if (cancellationCodes(error)) return false;
        throw error;
      }
    },
  };
}
