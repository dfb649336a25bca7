import { accountAuditEntrySchema, accountSchema, type Account } from '@jiuyi/shared';
import type { StaffChangeRefusal, StaffDirectory } from '../../ports/staff-directory';
import { accountDataWrite, adminRosterWrite } from './account-items';
import type { TransactItem } from './outbox-store';
import { queryAll } from './query-all';
import { accountKeys, type Table } from './table';
import { transactWithRetry } from './transact-with-retry';
import { cancellationCodes } from './transaction-errors';

/** The write guard "this account still has the role and status it had when read". */
function unchangedSince(before: Account) {
  const active = (before.status ?? 'active') === 'active';
  return {
    condition: active
      ? '#data.#role = :priorRole AND (attribute_not_exists(#data.#status) OR #data.#status = :active)'
      : '#data.#role = :priorRole AND #data.#status = :disabled',
    names: { '#role': 'role', '#status': 'status' },
    values: active
      ? { ':priorRole': before.role, ':active': 'active' }
      : { ':priorRole': before.role, ':disabled': 'disabled' },
  };
}

/** Staff accounts on the sparse `gsi1pk = STAFF` index, changes as one named transaction. */
export function createStaffDirectory(table: Table): StaffDirectory {
  return {
    async list() {
      const items = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :staff',
        ExpressionAttributeValues: { ':staff': 'STAFF' },
      });
      return items.map((item) => accountSchema.parse(item.data));
    },
    async apply(change) {
      const named: Record<'account' | 'actor' | 'roster' | 'audit', TransactItem | undefined> = {
        account: accountDataWrite(table, change.after, unchangedSince(change.before)),
        actor: {
          ConditionCheck: {
            TableName: table.name,
            Key: accountKeys.account(change.actorId),
            ConditionExpression:
              '#data.#role = :admin AND (attribute_not_exists(#data.#status) OR #data.#status = :active)',
            ExpressionAttributeNames: { '#data': 'data', '#role': 'role', '#status': 'status' },
            ExpressionAttributeValues: { ':admin': 'admin', ':active': 'active' },
          },
        },
        roster: adminRosterWrite(table, change.after.id, change.roster),
        audit: {
          Put: {
            TableName: table.name,
            Item: {
              ...accountKeys.accountAudit(change.after.id, change.audit.at, change.audit.id),
              type: 'account_audit',
              data: change.audit,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      };
      const names = (Object.keys(named) as (keyof typeof named)[]).filter((name) => named[name]);
      try {
        await transactWithRetry(
          table,
          names.map((name) => named[name] as TransactItem),
        );
        return { ok: true };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        const failed = new Set(names.filter((_, i) => codes[i] === 'ConditionalCheckFailed'));
        // Two admins disabling each other: the loser fails both the roster and its own check; the
        // roster says why better.
        const refusal: StaffChangeRefusal | undefined = failed.has('roster')
          ? 'last_admin'
          : failed.has('actor')
            ? 'actor_not_admin'
            : failed.has('account')
              ? 'changed'
              : undefined;
        if (!refusal) throw error;
        return { ok: false, refusal };
      }
    },
    async audit(accountId) {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': accountKeys.account(accountId).pk, ':prefix': 'ACCOUNTAUDIT#' },
        ConsistentRead: true,
      });
      return items.map((item) => accountAuditEntrySchema.parse(item.data));
    },
  };
}
