import { GetCommand, TransactWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { accountSchema, adminRosterChange, type Account } from '@jiuyi/shared';
import { accountDataWrite, adminRosterWrite } from './account-items';
import type { TransactItem } from './outbox-store';
import type { AccountStore, StaffInvite } from '../../ports/account-store';
import { accountKeys, ttlFromIso, type Table } from './table';
import { cancellationCodes, failedCondition } from './transaction-errors';

function toAccount(item: Record<string, unknown> | undefined): Account | undefined {
  return item ? accountSchema.parse(item.data) : undefined;
}

/** Accounts (one per openid, enforced by a guard item) and staff invites. */
export function createAccountStore(table: Table): AccountStore {
  const get = async (accountId: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: accountKeys.account(accountId), ConsistentRead: true }),
    );
    return toAccount(Item);
  };

  const findByOpenid = async (openid: string) => {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: accountKeys.openid(openid), ConsistentRead: true }),
    );
    return Item ? get(String(Item.accountId)) : undefined;
  };

  return {
    get,
    findByOpenid,
    async createForOpenid(openid, account) {
      try {
        await table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table.name,
                  Item: { ...accountKeys.openid(openid), type: 'openid', accountId: account.id },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: table.name,
                  Item: {
                    ...accountKeys.account(account.id),
                    type: 'account',
                    data: account,
                    patientCount: 0,
                    // WeChat Pay needs the payer's openid (payment-store's payer directory reads it).
                    openid,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return account;
      } catch (error) {
        // Two first logins racing: the loser takes the winner's account.
        if (!failedCondition(cancellationCodes(error), 0)) throw error;
        const existing = await findByOpenid(openid);
        if (!existing) throw error;
        return existing;
      }
    },
    async setRole(accountId, fields) {
      const current = await get(accountId);
      if (!current) throw new Error(`account ${accountId} not found`);
      const next: Account = { ...current, ...fields };
      const roster = adminRosterWrite(table, accountId, adminRosterChange(current, next), false);
      await table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            accountDataWrite(table, next, { condition: 'attribute_exists(pk)' }),
            ...(roster ? [roster] : []),
          ],
        }),
      );
      return next;
    },
    async putInvite(invite: StaffInvite) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: {
            ...accountKeys.invite(invite.codeHash),
            type: 'invite',
            data: invite,
            expiresAt: ttlFromIso(invite.expiresAt),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    async redeemInvite(codeHash, accountId, nowIso) {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: accountKeys.invite(codeHash), ConsistentRead: true }),
      );
      const current = await get(accountId);
      if (!Item || !current) return { ok: false, refusal: 'invalid' };
      const invite = Item.data as StaffInvite;
      const next: Account = {
        ...current,
        role: invite.role,
        institutionId: invite.institutionId,
        specialty: invite.specialty,
        doctorId: invite.doctorId,
        displayName: invite.displayName ?? current.displayName,
      };
      // An admin redeeming a non-admin invite leaves the roster, never as its last member.
      const roster = adminRosterWrite(table, accountId, adminRosterChange(current, next));
      const items: TransactItem[] = [
        {
          Update: {
            TableName: table.name,
            Key: accountKeys.invite(codeHash),
            UpdateExpression: 'SET redeemedBy = :acc, redeemedAt = :now',
            ConditionExpression:
              'attribute_exists(pk) AND attribute_not_exists(redeemedBy) AND #data.expiresAt > :now',
            ExpressionAttributeNames: { '#data': 'data' },
            ExpressionAttributeValues: { ':acc': accountId, ':now': nowIso },
          },
        },
        accountDataWrite(table, next, { condition: 'attribute_exists(pk)' }),
        ...(roster ? [roster] : []),
      ];
      try {
        await table.doc.send(new TransactWriteCommand({ TransactItems: items }));
        return { ok: true, account: next };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        const rosterRefused = roster !== undefined && failedCondition(codes, items.indexOf(roster));
        return { ok: false, refusal: rosterRefused ? 'last_admin' : 'invalid' };
      }
    },
  };
}
