import type { TransactItem } from './outbox-store';
import type { Table } from './table';
import { transactWithRetry } from './transact-with-retry';
import { cancellationCodes } from './transaction-errors';

/** A transaction's items by name; a name may stand for several items (a message writes three). */
export type NamedItems<N extends string> = Record<N, TransactItem | readonly TransactItem[]>;

/** Either written, or refused with the names whose conditions failed. */
export type NamedOutcome<N extends string> = { ok: true } | { ok: false; failed: ReadonlySet<N> };

/**
 * Sends named items as one transaction (retried on conflicts like every store's) and reports a
 * cancellation by the names of the failed conditions, so callers never read reasons by index.
 */
export async function sendNamed<N extends string>(
  table: Table,
  items: NamedItems<N>,
): Promise<NamedOutcome<N>> {
  const order: N[] = [];
  const flat: TransactItem[] = [];
  for (const name of Object.keys(items) as N[]) {
    const entry = items[name];
    for (const item of Array.isArray(entry) ? entry : [entry as TransactItem]) {
      order.push(name);
      flat.push(item);
    }
  }
  try {
    await transactWithRetry(table, flat);
    return { ok: true };
  } catch (error) {
    const codes = cancellationCodes(error);
    if (!codes) throw error;
    const failed = new Set<N>();
    codes.forEach((code, i) => {
      const name = order[i];
      if (code === 'ConditionalCheckFailed' && name !== undefined) failed.add(name);
    });
    if (failed.size === 0) throw error;
    return { ok: false, failed };
  }
}
