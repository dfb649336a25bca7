import { createHash, randomInt } from 'node:crypto';
import { DomainError, toShanghaiIso, type Account, type Role } from '@jiuyi/shared';
import type { AccountStore } from '../../ports/account-store';
import type { CatalogueStore } from '../../ports/catalogue-store';

const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const INVITE_DAYS = 7;

/** Only a hash of the code is stored, so a table dump cannot be used to claim a staff role. */
export function hashInviteCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

function newCode(): string {
  return Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
}

/**
 * A staff role comes with what it acts for: an alliance doctor's institution, an expert's specialty,
 * a clinic doctor's catalogue doctor (which must exist). Shared by invites and admin role changes.
 */
export async function checkRoleLink(
  catalogue: CatalogueStore,
  input: { role: Role; institutionId?: string; specialty?: string; doctorId?: string },
): Promise<void> {
  if (input.role === 'alliance_doctor' && !input.institutionId) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { fields: { institutionId: '医联体医生须指定所属机构' } },
    });
  }
  if (input.role === 'expert' && !input.specialty) {
    throw new DomainError('VALIDATION_FAILED', { details: { fields: { specialty: '专家须指定专科' } } });
  }
  if (input.role === 'clinic_doctor' && !input.doctorId) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { fields: { doctorId: '门诊医生须关联出诊医生' } },
    });
  }
  // A doctor account acts on that doctor's sessions (extra numbers), so the link must be to a real doctor.
  if (input.doctorId && !(await catalogue.listDoctors()).some((d) => d.id === input.doctorId)) {
    throw new DomainError('VALIDATION_FAILED', { details: { fields: { doctorId: '未找到该出诊医生' } } });
  }
}

/** An admin creates a one-time code that grants a staff role to whichever WeChat account redeems it. */
export async function createStaffInvite(
  { accounts, catalogue }: { accounts: AccountStore; catalogue: CatalogueStore },
  admin: { accountId: string },
  input: {
    role: Exclude<Role, 'patient'>;
    institutionId?: string;
    specialty?: string;
    doctorId?: string;
    displayName?: string;
  },
  now: Date,
): Promise<{ code: string; role: Exclude<Role, 'patient'>; expiresAt: string }> {
  await checkRoleLink(catalogue, input);
  const code = newCode();
  const expiresAt = toShanghaiIso(new Date(now.getTime() + INVITE_DAYS * 86_400_000));
  await accounts.putInvite({
    codeHash: hashInviteCode(code),
    ...input,
    createdBy: admin.accountId,
    createdAt: toShanghaiIso(now),
    expiresAt,
  });
  return { code, role: input.role, expiresAt };
}

/**
 * The signed-in account takes the invite's role; a used, expired or unknown code is refused, and so
 * is an invite that would turn the last active admin into another role.
 */
export async function redeemStaffInvite(
  accounts: AccountStore,
  accountId: string,
  code: string,
  now: Date,
): Promise<Account> {
  const redeemed = await accounts.redeemInvite(hashInviteCode(code), accountId, toShanghaiIso(now));
  if (!redeemed.ok)
    throw new DomainError(redeemed.refusal === 'last_admin' ? 'LAST_ADMIN' : 'INVITE_INVALID');
  return redeemed.account;
}
