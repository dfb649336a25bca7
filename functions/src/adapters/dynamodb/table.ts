import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../../config';

/** The table name and the document client every store shares. */
export interface Table {
  name: string;
  doc: DynamoDBDocumentClient;
}

/** Builds the one document client; only this module creates DynamoDB clients. */
export function createTable(cfg: Pick<AppConfig, 'tableName' | 'dynamoEndpoint' | 'region'>): Table {
  const client = new DynamoDBClient({
    region: cfg.region,
    ...(cfg.dynamoEndpoint
      ? { endpoint: cfg.dynamoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { name: cfg.tableName, doc };
}

/** Key builders: the only place that knows how items are addressed. */
export const keys = {
  guideService: (id: string) => ({ pk: 'GUIDE', sk: `SERVICE#${id}` }),
  guideBranch: (id: string) => ({ pk: 'GUIDE', sk: `BRANCH#${id}` }),
  guideRules: () => ({ pk: 'GUIDE', sk: 'RULES' }),
};

/** Key builders for accounts and identities. */
export const accountKeys = {
  account: (accountId: string) => ({ pk: `ACCOUNT#${accountId}`, sk: 'PROFILE' }),
  openid: (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'OPENID' }),
  invite: (codeHash: string) => ({ pk: `INVITE#${codeHash}`, sk: 'INVITE' }),
  patient: (accountId: string, patientId: string) => ({
    pk: `ACCOUNT#${accountId}`,
    sk: `PATIENT#${patientId}`,
  }),
  identityGuard: (blindIndex: string) => ({ pk: `IDENTITY#${blindIndex}`, sk: 'IDENTITY' }),
  /** The ids of every active admin, in one string set (the "keep one admin" guard). */
  adminRoster: () => ({ pk: 'ADMINS', sk: 'ROSTER' }),
  /** An audited change of an account (by an admin), in time order under the account. */
  accountAudit: (accountId: string, at: string, entryId: string) => ({
    pk: `ACCOUNT#${accountId}`,
    sk: `ACCOUNTAUDIT#${at}#${entryId}`,
  }),
  /** A refresh-token family: its current generation and whether it was revoked. */
  sessionFamily: (familyId: string) => ({ pk: `SESSIONFAMILY#${familyId}`, sk: 'FAMILY' }),
  /** The sparse gsi1 entry every staff account (role other than patient) carries. */
  staffIndex: (createdAt: string, accountId: string) => ({
    gsi1pk: 'STAFF',
    gsi1sk: `${createdAt}#${accountId}`,
  }),
  /** The identity's audit history beside its claim, in time order. */
  identityAudit: (blindIndex: string, at: string, id: string) => ({
    pk: `IDENTITY#${blindIndex}`,
    sk: `AUDIT#${at}#${id}`,
  }),
  /** How many identity-add attempts the account made on a Shanghai date (TTL). */
  identityAdds: (accountId: string, date: string) => ({
    pk: `ACCOUNT#${accountId}`,
    sk: `IDENTITYADDS#${date}`,
  }),
};

/** Epoch seconds for the TTL attribute. */
export function ttlFromIso(iso: string): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}
