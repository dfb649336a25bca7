import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from '../../../functions/src/adapters/dynamodb/outbox-store';
import { cancellationCodes } from '../../../functions/src/adapters/dynamodb/transaction-errors';

/** One transaction the stores built, with what became of each attempt to send it. */
export interface LoggedTransaction {
  items: TransactItem[];
  attempts: number;
  outcome: 'committed' | 'cancelled' | 'error';
  /** Cancellation reason codes of the last attempt ('None' for items that passed). */
  codes?: string[];
}

export interface LoggedCalls {
  transactions: LoggedTransaction[];
  /** Every TransactWriteItems call, retries included. */
  sends: number;
  /** Every other call by command name (`GetCommand`…): the reads around the transactions. */
  otherCalls: Map<string, number>;
}

export interface TransactionLog {
  /** What was sent since the last drain; the log starts afresh. */
  drain(): LoggedCalls;
}

/**
 * Records every TransactWriteItems the application sends through `doc`, as the stores built it, and counts
 * the other calls. Retries
 * of a transaction resend the same items array, so they are counted as attempts of one transaction.
 * This is how the benchmark learns the real items and sizes a booking writes, whatever the store adds.
 */
export function logTransactions(doc: DynamoDBDocumentClient): TransactionLog {
  let byItems = new Map<TransactItem[], LoggedTransaction>();
  let otherCalls = new Map<string, number>();
  const original = doc.send.bind(doc);
  const logged = async (command: Parameters<typeof original>[0], ...rest: unknown[]): Promise<unknown> => {
    if (!(command instanceof TransactWriteCommand)) {
      otherCalls.set(command.constructor.name, (otherCalls.get(command.constructor.name) ?? 0) + 1);
      return (original as (...a: unknown[]) => unknown)(command, ...rest);
    }
    const items = command.input.TransactItems ?? [];
    const entry = byItems.get(items) ?? { items, attempts: 0, outcome: 'error' as const };
    byItems.set(items, entry);
    entry.attempts += 1;
    try {
      const output = await original(command);
      Object.assign(entry, { outcome: 'committed', codes: undefined });
      return output;
    } catch (error) {
      const codes = cancellationCodes(error);
      Object.assign(entry, { outcome: codes ? 'cancelled' : 'error', codes });
      throw error;
    }
  };
  doc.send = logged as typeof doc.send;
  return {
    drain() {
      const transactions = [...byItems.values()];
      const calls = { transactions, sends: transactions.reduce((n, t) => n + t.attempts, 0), otherCalls };
      [byItems, otherCalls] = [new Map(), new Map()];
      return calls;
    },
  };
}
