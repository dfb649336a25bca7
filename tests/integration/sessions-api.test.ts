import { authResponseSchema, toShanghaiIso, type AuthResponse } from '@jiuyi/shared';
import { createJoseTokenService } from '../../functions/src/adapters/auth/jose-token-service';
import { createAccountCache } from '../../functions/src/adapters/cache/account-cache';
import { call } from '../support/http';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * Revocable sessions on DynamoDB Local: rotating refresh tokens, reuse revoking the family, and
 * admins disabling staff or changing roles. Tokens and the account cache run on one set clock, so
 * "within the 60 s cache" is shown by moving the clock, not by sleeping.
 */
const START = Date.parse('2026-12-07T09:00:00+08:00');
let nowMs = START;
const clock = () => new Date(nowMs);
const advance = (seconds: number) => {
  nowMs += seconds * 1000;
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ now: clock });
  api.deps.tokens = createJoseTokenService('sessions-test-secret-that-is-long-enough', undefined, clock);
  api.deps.accountReader = createAccountCache(api.deps.accounts, { now: clock });
}, 120_000);
afterAll(async () => api.stop());

type ErrorAnswer = { error: { code: string } };

async function signIn(openid: string, role: string): Promise<AuthResponse> {
  const res = await call(api.url, 'POST', '/v1/auth/dev', { body: { openid, role } });
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return authResponseSchema.parse(res.body);
}

const refresh = (refreshToken: string) =>
  call<AuthResponse & ErrorAnswer>(api.url, 'POST', '/v1/auth/refresh', { body: { refreshToken } });

const patchAccount = (token: string, id: string, body: Record<string, unknown>) =>
  call<{ account: { role: string; status?: string } } & ErrorAnswer>(
    api.url,
    'PATCH',
    `/v1/admin/accounts/${id}`,
    { token, body },
  );

describe('refresh-token rotation', () => {
  it('each refresh rotates the refresh token, and the new one works', async () => {
    // Prepare
    const login = await signIn('rotate-1', 'patient');
    // Act
    const first = await refresh(login.refreshToken);
    const second = await refresh(first.body.refreshToken);
    // Assess
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(login.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    expect((await call(api.url, 'GET', '/v1/me', { token: second.body.token })).status).toBe(200);
  });

  it('a reused refresh token revokes its whole family: the reuse and the newer token are both refused', async () => {
    // Prepare
    const login = await signIn('rotate-2', 'patient');
    const rotated = await refresh(login.refreshToken);
    // Act: the old token comes back (stolen, or replayed)
    const reuse = await refresh(login.refreshToken);
    const newer = await refresh(rotated.body.refreshToken);
    // Assess
    expect(rotated.status).toBe(200);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('SESSION_REVOKED');
    expect(newer.status).toBe(401);
    expect(newer.body.error.code).toBe('SESSION_REVOKED');
  });

  it('another sign-in is another family: revoking one leaves the other working', async () => {
    // Prepare
    const phone = await signIn('rotate-3', 'patient');
    const tablet = await signIn('rotate-3', 'patient');
    await refresh(phone.refreshToken);
    await refresh(phone.refreshToken); // reuse: phone's family revoked
    // Act
    const other = await refresh(tablet.refreshToken);
    // Assess
    expect(other.status).toBe(200);
  });

  it('ten concurrent refreshes with one token: exactly one succeeds', async () => {
    // Prepare
    const login = await signIn('rotate-race', 'patient');
    // Act
    const answers = await Promise.all(Array.from({ length: 10 }, () => refresh(login.refreshToken)));
    // Assess
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(9);
    const winner = answers.find((a) => a.status === 200);
    // The losers were reuses, so the family is revoked and the winner's token is refused too.
    expect((await refresh(winner?.body.refreshToken ?? '')).body.error.code).toBe('SESSION_REVOKED');
  });

  it('a validly signed token for an account that does not exist is refused with 401', async () => {
    // Prepare
    const issued = await api.deps.tokens.issue(
      { accountId: '00000000-0000-4000-8000-00000000dead', role: 'admin' },
      { familyId: 'no-family', generation: 0 },
    );
    // Act
    const res = await call<ErrorAnswer>(api.url, 'GET', '/v1/admin/accounts', { token: issued.token });
    const renewed = await refresh(issued.refreshToken);
    // Assess
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    expect(renewed.status).toBe(401);
  });

  it('an access token is not accepted as a refresh token', async () => {
    // Prepare
    const login = await signIn('rotate-4', 'patient');
    // Act
    const misuse = await refresh(login.token);
    // Assess
    expect(misuse.status).toBe(401);
    expect(misuse.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('admins disable staff accounts and change roles, effective within 60 s', () => {
  it('a disabled account keeps working at most 60 s on a cached copy, then 403 ACCOUNT_DISABLED everywhere', async () => {
    // Prepare
    const admin = await signIn('disable-admin', 'admin');
    const staff = await signIn('disable-staff', 'outpatient_staff');
    advance(2);
    expect((await call(api.url, 'GET', '/v1/payment-issues', { token: staff.token })).status).toBe(200);
    // Act
    const disabled = await patchAccount(admin.token, staff.account.id, {
      status: 'disabled',
      reason: '离职',
    });
    advance(30);
    const cached = await call(api.url, 'GET', '/v1/payment-issues', { token: staff.token });
    advance(31);
    const after = await call<ErrorAnswer>(api.url, 'GET', '/v1/payment-issues', { token: staff.token });
    const again = await call<ErrorAnswer>(api.url, 'GET', '/v1/messages', { token: staff.token });
    const refreshed = await refresh(staff.refreshToken);
    const relogin = await call<ErrorAnswer>(api.url, 'POST', '/v1/auth/dev', {
      body: { openid: 'disable-staff', role: 'outpatient_staff' },
    });
    // Assess
    expect(disabled.status).toBe(200);
    expect(disabled.body.account.status).toBe('disabled');
    expect(cached.status).toBe(200);
    expect(after.status).toBe(403);
    expect(after.body.error.code).toBe('ACCOUNT_DISABLED');
    expect(again.body.error.code).toBe('ACCOUNT_DISABLED');
    expect(refreshed.status).toBe(403);
    expect(refreshed.body.error.code).toBe('ACCOUNT_DISABLED');
    expect(relogin.status).toBe(403);
  });

  it('an enabled account works again once the cache has moved on', async () => {
    // Prepare
    const admin = await signIn('enable-admin', 'admin');
    const staff = await signIn('enable-staff', 'records_staff');
    await patchAccount(admin.token, staff.account.id, { status: 'disabled', reason: '暂停' });
    advance(61);
    expect((await call(api.url, 'GET', '/v1/messages', { token: staff.token })).status).toBe(403);
    // Act
    const enabled = await patchAccount(admin.token, staff.account.id, { status: 'active', reason: '恢复' });
    advance(61);
    const res = await call(api.url, 'GET', '/v1/messages', { token: staff.token });
    // Assess
    expect(enabled.status).toBe(200);
    expect(res.status).toBe(200);
  });

  it('a role change applies to tokens already issued within 60 s, and the audit records it', async () => {
    // Prepare
    const admin = await signIn('role-admin', 'admin');
    const staff = await signIn('role-staff', 'outpatient_staff');
    advance(2);
    expect((await call(api.url, 'GET', '/v1/payment-issues', { token: staff.token })).status).toBe(200);
    const changedAt = toShanghaiIso(clock());
    // Act
    const changed = await patchAccount(admin.token, staff.account.id, {
      role: 'records_staff',
      reason: '调岗到病案室',
    });
    advance(61);
    const oldToken = await call<ErrorAnswer>(api.url, 'GET', '/v1/payment-issues', { token: staff.token });
    const renewed = await refresh(staff.refreshToken);
    const audit = await call<{ items: Record<string, unknown>[] }>(
      api.url,
      'GET',
      `/v1/admin/accounts/${staff.account.id}/audit`,
      { token: admin.token },
    );
    // Assess
    expect(changed.status).toBe(200);
    expect(oldToken.status).toBe(403);
    expect(oldToken.body.error.code).toBe('FORBIDDEN');
    expect(renewed.body.account.role).toBe('records_staff');
    expect(audit.body.items).toEqual([
      {
        id: expect.any(String),
        accountId: staff.account.id,
        by: admin.account.id,
        at: changedAt,
        reason: '调岗到病案室',
        before: { role: 'outpatient_staff', status: 'active' },
        after: { role: 'records_staff', status: 'active' },
      },
    ]);
  });

  it('a new role needs its link, and a clinic doctor must name a catalogue doctor', async () => {
    // Prepare
    const admin = await signIn('link-admin', 'admin');
    const staff = await signIn('link-staff', 'records_staff');
    // Act
    const missing = await patchAccount(admin.token, staff.account.id, {
      role: 'clinic_doctor',
      reason: '转岗',
    });
    const linked = await patchAccount(admin.token, staff.account.id, {
      role: 'clinic_doctor',
      doctorId: 'doc-spine-01',
      reason: '转岗门诊',
    });
    // Assess
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('门诊医生须关联出诊医生');
    expect(linked.status).toBe(200);
    expect(linked.body.account).toMatchObject({ role: 'clinic_doctor', doctorId: 'doc-spine-01' });
  });

  it('lists staff accounts (no patients) for admins only; others get 403', async () => {
    // Prepare
    const admin = await signIn('list-admin', 'admin');
    const staff = await signIn('list-staff', 'records_staff');
    const patient = await signIn('list-patient', 'patient');
    // Act
    const list = await call<{ items: { id: string; role: string }[] }>(api.url, 'GET', '/v1/admin/accounts', {
      token: admin.token,
    });
    const refused = await call<ErrorAnswer>(api.url, 'PATCH', `/v1/admin/accounts/${admin.account.id}`, {
      token: staff.token,
      body: { status: 'disabled', reason: '越权尝试' },
    });
    // Assess
    const ids = list.body.items.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([admin.account.id, staff.account.id]));
    expect(ids).not.toContain(patient.account.id);
    expect(list.body.items.every((a) => a.role !== 'patient')).toBe(true);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });

  it('an admin cannot disable or demote themselves; a patient account is not managed here', async () => {
    // Prepare
    const admin = await signIn('self-admin', 'admin');
    const patient = await signIn('self-patient', 'patient');
    // Act
    const self = await patchAccount(admin.token, admin.account.id, { status: 'disabled', reason: '测试' });
    const demote = await patchAccount(admin.token, admin.account.id, {
      role: 'records_staff',
      reason: '测试',
    });
    const patientChange = await patchAccount(admin.token, patient.account.id, {
      status: 'disabled',
      reason: '测试',
    });
    const noReason = await patchAccount(admin.token, patient.account.id, { status: 'disabled', reason: ' ' });
    // Assess
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('CANNOT_CHANGE_OWN_ACCOUNT');
    expect(demote.body.error.code).toBe('CANNOT_CHANGE_OWN_ACCOUNT');
    expect(patientChange.status).toBe(404);
    expect(noReason.status).toBe(400);
  });

  it('two admins disabling each other at once: exactly one succeeds, an active admin always remains', async () => {
    // Prepare
    const a = await signIn('mutual-admin-a', 'admin');
    const b = await signIn('mutual-admin-b', 'admin');
    // Act
    const [ab, ba] = await Promise.all([
      patchAccount(a.token, b.account.id, { status: 'disabled', reason: '互相停用' }),
      patchAccount(b.token, a.account.id, { status: 'disabled', reason: '互相停用' }),
    ]);
    // Assess
    const statuses = [ab.status, ba.status].sort();
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).toBeGreaterThanOrEqual(403);
    const loser = ab.status === 200 ? ba : ab;
    // The loser is no longer an active admin itself (FORBIDDEN) and would remove the last one (LAST_ADMIN).
    expect(['LAST_ADMIN', 'FORBIDDEN']).toContain(loser.body.error.code);
    const a1 = await api.deps.accounts.get(a.account.id);
    const b1 = await api.deps.accounts.get(b.account.id);
    expect([a1?.status ?? 'active', b1?.status ?? 'active'].sort()).toEqual(['active', 'disabled']);
  });
});
