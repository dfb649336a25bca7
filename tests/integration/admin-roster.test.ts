import { toShanghaiIso } from '@jiuyi/shared';
import { createStaffInvite, redeemStaffInvite } from '../../functions/src/use-cases/accounts/staff-invites';
import { updateStaffAccount } from '../../functions/src/use-cases/accounts/manage-staff-accounts';
import type { Deps } from '../../functions/src/composition';
import { createTestDeps } from '../support/test-stack';

/** The roster of active admins on a fresh table of its own, so "the last admin" is exactly one account. */
const NOW = new Date('2026-12-07T10:00:00+08:00');

let deps: Deps;
beforeAll(async () => {
  deps = await createTestDeps({ now: () => NOW });
}, 120_000);

async function admin(openid: string, id: string) {
  await deps.accounts.createForOpenid(openid, { id, role: 'patient', createdAt: toShanghaiIso(NOW) });
  return deps.accounts.setRole(id, { role: 'admin' });
}

describe('at least one active admin remains', () => {
  it('the last admin cannot redeem an invite for another role; with a second admin they can', async () => {
    // Prepare
    const a = await admin('roster-a', '00000000-0000-4000-8000-0000000000a1');
    const invite = await createStaffInvite(deps, { accountId: a.id }, { role: 'records_staff' }, NOW);
    // Act
    const alone = redeemStaffInvite(deps.accounts, a.id, invite.code, NOW);
    await expect(alone).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    const stillAdmin = await deps.accounts.get(a.id);
    await admin('roster-b', '00000000-0000-4000-8000-0000000000b1');
    const withSecond = await redeemStaffInvite(deps.accounts, a.id, invite.code, NOW);
    // Assess
    expect(stillAdmin?.role).toBe('admin');
    expect(withSecond.role).toBe('records_staff');
  });

  it('an admin disabled by another cannot act as admin any more, checked in the same transaction', async () => {
    // Prepare
    const c = await admin('roster-c', '00000000-0000-4000-8000-0000000000c1');
    const d = await admin('roster-d', '00000000-0000-4000-8000-0000000000d1');
    // Act: c disables d; d's request (already past authentication) then tries to disable c
    await updateStaffAccount(deps, { accountId: c.id }, d.id, { status: 'disabled', reason: '离职' }, NOW);
    const back = updateStaffAccount(
      deps,
      { accountId: d.id },
      c.id,
      { status: 'disabled', reason: '报复' },
      NOW,
    );
    // Assess
    await expect(back).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await deps.accounts.get(c.id))?.status).toBeUndefined();
    const audit = await deps.staff.audit(d.id);
    expect(audit.map((e) => [e.by, e.before.status, e.after.status, e.reason])).toEqual([
      [c.id, 'active', 'disabled', '离职'],
    ]);
    expect(await deps.staff.audit(c.id)).toEqual([]);
  });
});
