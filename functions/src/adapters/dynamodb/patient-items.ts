import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { FieldCipher } from '../../ports/field-cipher';
import type { IdentityClaim, PatientRecord } from '../../ports/patient-store';
import { accountKeys, type Table } from './table';
import type { TransactItem } from './outbox-store';

/**
 * How a profile is stored: the document number, phone, birth date and sex only sealed. Birth date and
 * sex are sealed together in a fixed-length form (`YYYY-MM-DD|M`), so the ciphertext's length does
 * not tell a man from a woman ('male' and 'female' differ in length).
 */
type StoredPatient = Omit<PatientRecord, 'idNumber' | 'phone' | 'birthDate' | 'sex'> & {
  idNumberSealed: string;
  phoneSealed: string;
  demographicsSealed?: string;
  /** Profiles written before sealing carried these in plain; read, never written. */
  birthDate?: string;
  sex?: 'male' | 'female';
};

/** Re-check queue shards: the queue is written by every profile saved while the service is down. */
const REALNAME_SHARDS = 4;

export const realNameQueue = {
  shards: () => Array.from({ length: REALNAME_SHARDS }, (_, i) => `REALNAME#${i}`),
  partition: (patientId: string) =>
    `REALNAME#${(createHash('sha256').update(patientId).digest()[0] ?? 0) % REALNAME_SHARDS}`,
  sort: (nextCheckAt: string, patientId: string) => `${nextCheckAt}#${patientId}`,
};

/** The sparse re-check index entry of a pending profile; none for any other state. */
export function realNameIndex(p: Pick<PatientRecord, 'id' | 'realName'>): Record<string, string> {
  if (p.realName?.status !== 'pending') return {};
  return { gsi2pk: realNameQueue.partition(p.id), gsi2sk: realNameQueue.sort(p.realName.nextCheckAt, p.id) };
}

export async function sealPatient(cipher: FieldCipher, p: PatientRecord): Promise<StoredPatient> {
  const { idNumber, phone, birthDate, sex, ...rest } = p;
  const demographics =
    birthDate || sex
      ? `${birthDate ?? '----------'}|${sex === 'male' ? 'M' : sex === 'female' ? 'F' : '-'}`
      : undefined;
  return {
    ...rest,
    idNumberSealed: await cipher.encrypt(idNumber),
    phoneSealed: await cipher.encrypt(phone),
    ...(demographics ? { demographicsSealed: await cipher.encrypt(demographics) } : {}),
  };
}

export async function openPatient(
  cipher: FieldCipher,
  item: Record<string, unknown>,
): Promise<PatientRecord> {
  const { idNumberSealed, phoneSealed, demographicsSealed, birthDate, sex, ...rest } =
    item.data as StoredPatient;
  let opened: { birthDate?: string; sex?: 'male' | 'female' } = { birthDate, sex };
  if (demographicsSealed) {
    const [date, code] = (await cipher.decrypt(demographicsSealed)).split('|');
    opened = {
      ...(date && date !== '----------' ? { birthDate: date } : {}),
      ...(code === 'M' ? { sex: 'male' } : code === 'F' ? { sex: 'female' } : {}),
    };
  }
  return {
    ...rest,
    idNumber: await cipher.decrypt(idNumberSealed),
    phone: await cipher.decrypt(phoneSealed),
    ...(opened.birthDate ? { birthDate: opened.birthDate } : {}),
    ...(opened.sex ? { sex: opened.sex } : {}),
  };
}

/** The profile item, in its account's partition; queued through gsi2 while its real-name check is pending. */
export async function patientItem(cipher: FieldCipher, p: PatientRecord): Promise<Record<string, unknown>> {
  return {
    ...accountKeys.patient(p.accountId, p.id),
    type: 'patient',
    ...realNameIndex(p),
    data: await sealPatient(cipher, p),
  };
}

/** The identity claim (one-identity guard) a profile holds, unconditioned: callers add the condition. */
export function claimItem(p: PatientRecord): Record<string, unknown> {
  return {
    ...accountKeys.identityGuard(p.identityIndex),
    type: 'identity_guard',
    accountId: p.accountId,
    patientId: p.id,
    verified: p.realName?.status === 'verified',
    claimedAt: p.createdAt,
  };
}

/** Reads a guard item into a claim; guards written before verification existed count as unverified. */
export function toClaim(
  identityIndex: string,
  item: Record<string, unknown> | undefined,
): IdentityClaim | undefined {
  if (!item || typeof item.accountId !== 'string' || typeof item.patientId !== 'string') return undefined;
  return {
    identityIndex,
    accountId: item.accountId,
    patientId: item.patientId,
    verified: item.verified === true,
    ...(typeof item.claimedAt === 'string' ? { claimedAt: item.claimedAt } : {}),
  };
}

/** The account's profile count, raised within `max` (the create and take-over transactions). */
export function patientCountRaise(table: Table, accountId: string, max: number): TransactItem {
  return {
    Update: {
      TableName: table.name,
      Key: accountKeys.account(accountId),
      UpdateExpression: 'SET patientCount = patientCount + :one',
      ConditionExpression: 'attribute_exists(pk) AND patientCount < :max',
      ExpressionAttributeValues: { ':one': 1, ':max': max },
    },
  };
}

/** The identity's claim, read consistently (a guard written a moment ago must be seen). */
export async function readClaim(table: Table, identityIndex: string): Promise<IdentityClaim | undefined> {
  const { Item } = await table.doc.send(
    new GetCommand({
      TableName: table.name,
      Key: accountKeys.identityGuard(identityIndex),
      ConsistentRead: true,
    }),
  );
  return toClaim(identityIndex, Item);
}

/** A new profile and its account's count, the part of a create and a take-over that is the same. */
export async function newPatientItems(
  table: Table,
  cipher: FieldCipher,
  patient: PatientRecord,
  maxPerAccount: number,
): Promise<{ profile: TransactItem; count: TransactItem }> {
  return {
    profile: {
      Put: {
        TableName: table.name,
        Item: await patientItem(cipher, patient),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    count: patientCountRaise(table, patient.accountId, maxPerAccount),
  };
}
