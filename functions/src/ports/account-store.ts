import type { Account, Role } from '@jiuyi/shared';

export interface StaffInvite {
  codeHash: string;
  role: Exclude<Role, 'patient'>;
  institutionId?: string;
  specialty?: string;
  doctorId?: string;
  displayName?: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

/** Accounts, found by id or by WeChat openid, and the staff invites that grant roles. */
export interface AccountStore {
  get(accountId: string): Promise<Account | undefined>;
  findByOpenid(openid: string): Promise<Account | undefined>;
  /** Creates the account unless the openid already has one; either way returns the openid's account. */
  createForOpenid(openid: string, account: Account): Promise<Account>;
  /** Forces role fields (the local dev login only). */
  setRole(
    accountId: string,
    fields: Pick<Account, 'role' | 'institutionId' | 'specialty' | 'doctorId'>,
  ): Promise<Account>;
  putInvite(invite: StaffInvite): Promise<void>;
  /**
   * Marks the invite used by this account and applies its role, atomically. Refused when the invite is
   * unusable (`invalid`) or when it would take the role of the last active admin (`last_admin`).
   */
  redeemInvite(
    codeHash: string,
    accountId: string,
    nowIso: string,
  ): Promise<{ ok: true; account: Account } | { ok: false; refusal: 'invalid' | 'last_admin' }>;
}
