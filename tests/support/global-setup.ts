import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local';
import { findFreePort } from './ports';

/** One DynamoDB Local per test run; each test file makes its own table in it. */
export default async function globalSetup(): Promise<void> {
  const port = await findFreePort();
  const db = await startDynamoDbLocal({ port });
  process.env.JIUYI_DYNAMODB_ENDPOINT = db.endpoint;
  (globalThis as { __jiuyiDb?: typeof db }).__jiuyiDb = db;
}
