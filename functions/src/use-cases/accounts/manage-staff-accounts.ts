import { randomUUID } from 'node:crypto';
import {
  accountStateOf,
  adminRosterChange,
  DomainError,
  toShanghaiIso,
  type Account,
  type AccountAuditEntry,
  type UpdateStaffAccountBody,
} from '@jiuyi/shared';
import type { AccountStore } from '../../ports/account-store';
import type { CatalogueStore } from '../../ports/catalogue-store';
import type { StaffDirectory, StaffChangeRefusal } from '../../ports/staff-directory';
import { checkRoleLink } from './staff-invites';

const REFUSALS: Record<StaffChangeRefusal, DomainError['code']> = {
  changed: 'CONCURRENT_MODIFICATION',
  last_admin: 'LAST_ADMIN',
  actor_not_admin: 'FORBIDDEN',
};

/** The account an admin's change asks for: a new status, and/or a new role with that role's links. */
function nextAccount(current: Account, body: UpdateStaffAccountBody): Account {
  const next: Account = { ...current };
  if (body.status) next.status = body.status;
  if (body.role) {
    next.role = body.role;
    // The old role's links go with it: an expert made outpatient staff keeps no specialty.
    delete next.institutionId;
    delete next.specialty;
    delete next.doctorId;
    if (body.institutionId) next.institutionId = body.institutionId;
    if (body.specialty) next.specialty = body.specialty;
    if (body.doctorId) next.doctorId = body.doctorId;
  }
  return next;
}

/**
 * An admin disables or enables a staff account, or changes its role:
 * 1. The target must be a staff account (a patient or an unknown id is NOT_FOUND).
 * 2. An admin cannot change their own account (CANNOT_CHANGE_OWN_ACCOUNT).
 * 3. A new role must come with its links (as for invites).
 * 4. A change that changes nothing is refused, so every audit entry records a real change.
 * 5. One transaction writes the account (conditioned on the role and status read in 1), the roster of
 *    active admins (never emptied: LAST_ADMIN) and the audit entry (who, when, before, after, reason),
 *    and checks that the actor is still an active admin.
 * Requests stop being served as the old role or status within the 60 s account cache.
 */
export async function updateStaffAccount(
  ports: { accounts: AccountStore; staff: StaffDirectory; catalogue: CatalogueStore },
  actor: { accountId: string },
  accountId: string,
  body: UpdateStaffAccountBody,
  now: Date,
): Promise<{ account: Account; audit: AccountAuditEntry }> {
  const current = await ports.accounts.get(accountId);
  if (!current || current.role === 'patient') throw new DomainError('NOT_FOUND');
  if (current.id === actor.accountId) throw new DomainError('CANNOT_CHANGE_OWN_ACCOUNT');
  if (body.role) await checkRoleLink(ports.catalogue, { ...body, role: body.role });
  const next = nextAccount(current, body);
  const before = accountStateOf(current);
  const after = accountStateOf(next);
  if (JSON.stringify(before) === JSON.stringify(after)) {
    throw new DomainError('VALIDATION_FAILED', { details: { fields: { status: '账号已是所选状态和角色' } } });
  }
  const audit: AccountAuditEntry = {
    id: randomUUID(),
    accountId,
    by: actor.accountId,
    at: toShanghaiIso(now),
    reason: body.reason,
    before,
    after,
  };
  const written = await ports.staff.apply({
    before: current,
    after: next,
    actorId: actor.accountId,
    roster: adminRosterChange(current, next),
    audit,
  });
  if (!written.ok) throw new DomainError(REFUSALS[written.refusal]);
  return { account: next, audit };
}
