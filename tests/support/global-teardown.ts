import type { RunningDynamoDb } from '../../functions/src/local/dynamodb-local';

/** Stops the run's DynamoDB Local (the JVM itself, not only a wrapper). */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __jiuyiDb?: RunningDynamoDb }).__jiuyiDb?.stop();
}
