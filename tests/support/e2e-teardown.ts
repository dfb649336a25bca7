import type { LocalStack } from '../../functions/src/local/local-stack';

/** Stops the e2e local stack. */
export default async function e2eTeardown(): Promise<void> {
  await (globalThis as { __jiuyiStack?: LocalStack }).__jiuyiStack?.stop();
}
