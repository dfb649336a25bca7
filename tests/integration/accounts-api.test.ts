import { authResponseSchema, meResponseSchema } from '@jiuyi/shared';
import { call, devToken } from '../support/http';
import { startTestApi, type TestApi } from '../support/test-stack';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api.stop());

describe('WeChat login, refresh, and staff invites on DynamoDB Local', () => {
  it('a wx.login code signs in a new patient, and the same code finds the same account', async () => {
    // Act
    const first = await call(api.url, 'POST', '/v1/auth/wechat', { body: { code: 'code-alice' } });
    const again = await call(api.url, 'POST', '/v1/auth/wechat', { body: { code: 'code-alice' } });
    // Assess
    expect(first.status).toBe(200);
    const a = authResponseSchema.parse(first.body);
    const b = authResponseSchema.parse(again.body);
    expect(a.account.role).toBe('patient');
    expect(b.account.id).toBe(a.account.id);
    const me = await call(api.url, 'GET', '/v1/me', { token: a.token });
    expect(meResponseSchema.parse(me.body).account.id).toBe(a.account.id);
  });

  it('a code WeChat refuses gives 401 WECHAT_LOGIN_FAILED', async () => {
    const res = await call<{ error: { code: string } }>(api.url, 'POST', '/v1/auth/wechat', {
      body: { code: 'invalid-code' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('WECHAT_LOGIN_FAILED');
  });

  it('concurrent first logins of one openid create exactly one account', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(api.url, 'POST', '/v1/auth/wechat', { body: { code: 'code-race' } }),
      ),
    );
    const ids = new Set(answers.map((r) => authResponseSchema.parse(r.body).account.id));
    expect(ids.size).toBe(1);
  });

  it('a refresh token gives a new access token; an access token is not accepted as a refresh token', async () => {
    const login = authResponseSchema.parse(
      (await call(api.url, 'POST', '/v1/auth/wechat', { body: { code: 'code-r' } })).body,
    );
    const refreshed = await call(api.url, 'POST', '/v1/auth/refresh', {
      body: { refreshToken: login.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(authResponseSchema.parse(refreshed.body).account.id).toBe(login.account.id);
    const misuse = await call(api.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: login.token } });
    expect(misuse.status).toBe(401);
  });

  it('an admin invite grants a staff role once; a second redemption is refused', async () => {
    // Prepare
    const admin = await devToken(api.url, 'admin-1', 'admin');
    const invite = await call<{ code: string }>(api.url, 'POST', '/v1/staff-invites', {
      token: admin,
      body: { role: 'records_staff', displayName: '病案室 王老师' },
    });
    expect(invite.status).toBe(201);
    const staff = authResponseSchema.parse(
      (await call(api.url, 'POST', '/v1/auth/wechat', { body: { code: 'code-staff' } })).body,
    );
    const other = authResponseSchema.parse(
      (await call(api.url, 'POST', '/v1/auth/wechat', { body: { code: 'code-other' } })).body,
    );
    // Act
    const redeemed = await call(api.url, 'POST', '/v1/staff-invites/redeem', {
      token: staff.token,
      body: { code: invite.body.code },
    });
    const reused = await call<{ error: { code: string } }>(api.url, 'POST', '/v1/staff-invites/redeem', {
      token: other.token,
      body: { code: invite.body.code },
    });
    // Assess
    expect(redeemed.status).toBe(200);
    expect(authResponseSchema.parse(redeemed.body).account.role).toBe('records_staff');
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('INVITE_INVALID');
  });

  it('an expert invite without a specialty is refused with a field message', async () => {
    const admin = await devToken(api.url, 'admin-2', 'admin');
    const res = await call<{ error: { code: string; details: unknown } }>(
      api.url,
      'POST',
      '/v1/staff-invites',
      {
        token: admin,
        body: { role: 'expert' },
      },
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details)).toContain('专科');
  });

  it('a clinic-doctor invite must name a catalogue doctor, and the account then speaks for that doctor', async () => {
    // Prepare
    const admin = await devToken(api.url, 'admin-3', 'admin');
    // Act
    const missing = await call<{ error: { details: unknown } }>(api.url, 'POST', '/v1/staff-invites', {
      token: admin,
      body: { role: 'clinic_doctor' },
    });
    const unknown = await call<{ error: { details: unknown } }>(api.url, 'POST', '/v1/staff-invites', {
      token: admin,
      body: { role: 'clinic_doctor', doctorId: 'doc-nobody' },
    });
    const invite = await call<{ code: string }>(api.url, 'POST', '/v1/staff-invites', {
      token: admin,
      body: { role: 'clinic_doctor', doctorId: 'doc-spine-01', displayName: '韩立诚' },
    });
    const doctor = authResponseSchema.parse(
      (await call(api.url, 'POST', '/v1/auth/wechat', { body: { code: 'code-clinic-doctor' } })).body,
    );
    const redeemed = authResponseSchema.parse(
      (
        await call(api.url, 'POST', '/v1/staff-invites/redeem', {
          token: doctor.token,
          body: { code: invite.body.code },
        })
      ).body,
    );
    const me = await call<{ account: { role: string; doctorId?: string } }>(api.url, 'GET', '/v1/me', {
      token: redeemed.token,
    });
    // Assess
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.error.details)).toContain('门诊医生须关联出诊医生');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.error.details)).toContain('未找到该出诊医生');
    expect(invite.status).toBe(201);
    expect(me.body.account).toMatchObject({ role: 'clinic_doctor', doctorId: 'doc-spine-01' });
  });
});
