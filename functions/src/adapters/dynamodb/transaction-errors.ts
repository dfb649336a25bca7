import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * The cancellation reason code of each transaction item, in order ('None' for items that passed),
 * or undefined when the error is not a cancelled transaction.
 */
export function cancellationCodes(error: unknown): string[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
}

/** True when the item at `index` failed its condition. */
export function failedCondition(codes: string[] | undefined, index: number): boolean {
  return codes?.[index] === 'ConditionalCheckFailed';
}

/**
 * True when a single conditional write (not a transaction) was refused by its condition. By name:
 * the document client re-throws the service error, possibly from another SDK copy.
 */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Awaits one conditional write: true once written, false when its condition refused it (the
 * state moved on, so there is nothing to do); any other error is thrown.
 */
export async function conditionalWrite(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
