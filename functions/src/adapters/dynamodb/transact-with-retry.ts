import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@jiuyi/shared';
import type { TransactItem } from './outbox-store';
import type { Table } from './table';
import { cancellationCodes } from './transaction-errors';

const MAX_ATTEMPTS = 8;

/**
 * Sends a transaction, retrying with jittered backoff when DynamoDB cancelled it only for a conflict
 * with a concurrent transaction on the same item (the 08:00 burst on one slot); a failed condition
 * is final and rethrown as is. Every store's transactions go through here; `onContended` says what
 * to throw when the conflicts outlast the attempts (by default the patient's "try again").
 */
export async function transactWithRetry(
  table: Table,
  items: TransactItem[],
  onContended: (lastError: unknown) => unknown = () => new DomainError('BOOKING_CONTENDED'),
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await table.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const codes = cancellationCodes(error);
      const conflictOnly =
        codes?.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
      if (!conflictOnly) throw error;
      if (attempt >= MAX_ATTEMPTS) throw onContended(error);
      await new Promise((r) => setTimeout(r, Math.random() * 15 * 2 ** attempt));
    }
  }
}
