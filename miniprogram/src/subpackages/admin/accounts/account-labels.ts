import type { Account, Role } from '@jiuyi/shared';

/** Staff roles in words an admin uses. */
export const STAFF_ROLE_LABELS: Record<Exclude<Role, 'patient'>, string> = {
  admin: '管理员',
  outpatient_staff: '门诊部',
  records_staff: '病案室',
  referral_centre: '转诊中心',
  clinic_doctor: '门诊医生',
  expert: '专家',
  alliance_doctor: '医联体医生',
};

/** The link a role needs, and how the form asks for it. */
export const ROLE_LINKS: Partial<
  Record<Role, { field: 'institutionId' | 'specialty' | 'doctorId'; label: string; placeholder: string }>
> = {
  alliance_doctor: { field: 'institutionId', label: '所属医联体机构编号', placeholder: '如 inst-1' },
  expert: { field: 'specialty', label: '专科', placeholder: '如 orthopaedics' },
  clinic_doctor: { field: 'doctorId', label: '出诊医生编号', placeholder: '如 doc-spine-01' },
};

/** A line naming the account: its display name, else the start of its id. */
export function accountName(account: Account): string {
  return account.displayName ?? `账号 ${account.id.slice(0, 8)}`;
}

/** Role and status in one line, the status in words, not colour alone. */
export function accountSummary(account: Account): string {
  const role = account.role === 'patient' ? '患者' : STAFF_ROLE_LABELS[account.role];
  return account.status === 'disabled' ? `${role} · 已停用` : `${role} · 启用中`;
}
