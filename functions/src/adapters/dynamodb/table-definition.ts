/**
 * The one DynamoDB table, as data. `infra/` deploys it and the local stack creates it from this
 * same object, so the two cannot drift (a test compares the synthesised template with it).
 */
export const TABLE_KEY = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const TABLE_INDEXES = [
  { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
] as const;

/** Items with this attribute (epoch seconds) are removed by DynamoDB TTL; reads never rely on it. */
export const TTL_ATTRIBUTE = 'expiresAt';

export const DEFAULT_TABLE_NAME = 'jiuyi';
