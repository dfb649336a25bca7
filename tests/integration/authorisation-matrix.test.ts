import { roleSchema, type Role } from '@jiuyi/shared';
import { ROUTES, routeKey, routesForStage } from '../../functions/src/routes';
import { call, devToken } from '../support/http';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * Who may call what. This table is the specification; the test walks every route × every role
 * against it, so a handler that declares the wrong roles fails here.
 */
const ALL: readonly Role[] = roleSchema.options;
const ALLOWED: Record<string, 'public' | readonly Role[]> = {
  'GET /v1/health': 'public',
  'GET /v1/guide/services': 'public',
  'GET /v1/guide/services/{id}': 'public',
  'GET /v1/guide/branches': 'public',
  'POST /v1/auth/wechat': 'public',
  'POST /v1/auth/dev': 'public',
  'POST /v1/auth/refresh': 'public',
  'GET /v1/me': ALL,
  'POST /v1/staff-invites': ['admin'],
  'POST /v1/staff-invites/redeem': ALL,
  'GET /v1/patients': ['patient'],
  'POST /v1/patients': ['patient'],
  'GET /v1/patients/{id}': ['patient'],
  'PATCH /v1/patients/{id}': ['patient'],
  'DELETE /v1/patients/{id}': ['patient'],
  'GET /v1/patients/{id}/bills': ['patient'],
  'POST /v1/bills/payment': ['patient'],
  'POST /v1/bills/refunds': ['patient'],
  'GET /v1/messages': ALL,
  'POST /v1/messages/{id}/read': ALL,
  'GET /v1/message-subscriptions': ALL,
  'POST /v1/message-subscriptions': ALL,
  'PUT /v1/me/sms-phone': ALL.filter((role) => role !== 'patient'),
  'GET /v1/dev/sent-messages': 'public',
  'GET /v1/departments': 'public',
  'GET /v1/departments/{id}/doctors': 'public',
  'GET /v1/sessions': 'public',
  'POST /v1/appointments': ['patient'],
  'GET /v1/appointments': ['patient'],
  'GET /v1/appointments/{id}': ['patient'],
  'POST /v1/appointments/{id}/cancel': ['patient'],
  'POST /v1/appointments/{id}/payment': ['patient'],
  'GET /v1/appointments/{id}/payment': ['patient'],
  'POST /v1/payments/wechat/notify': 'public',
  'GET /v1/payments': ['admin', 'outpatient_staff'],
  'POST /v1/payments/{id}/refunds': ['admin', 'outpatient_staff'],
  'GET /v1/payment-issues': ['admin', 'outpatient_staff'],
  'POST /v1/payment-issues/{id}/refund': ['admin', 'outpatient_staff'],
  'GET /v1/payment-statements': ['admin', 'outpatient_staff'],
  'GET /v1/payment-statements/{date}': ['admin', 'outpatient_staff'],
  'GET /v1/payment-statements/{date}/csv': ['admin', 'outpatient_staff'],
  'GET /v1/appointments/{id}/check-in-code': ['patient'],
  'POST /v1/appointments/{id}/check-in': ['patient'],
  'POST /v1/check-ins': ['outpatient_staff', 'admin'],
  'POST /v1/sessions/{id}/waitlist': ['patient'],
  'GET /v1/waitlist': ['patient'],
  'POST /v1/waitlist/{id}/cancel': ['patient'],
  'POST /v1/waitlist/{id}/confirm': ['patient'],
  'GET /v1/admin/doctors/{id}/templates': ['admin'],
  'PUT /v1/admin/doctors/{id}/templates': ['admin'],
  'POST /v1/sessions/{id}/suspend': ['outpatient_staff', 'admin'],
  'GET /v1/sessions/{id}/suspension': ['outpatient_staff', 'admin'],
  'GET /v1/appointments/{id}/suspension-offer': ['patient'],
  'POST /v1/appointments/{id}/suspension-choice': ['patient'],
  'POST /v1/sessions/{id}/extra-numbers': ['clinic_doctor', 'expert'],
  'GET /v1/sessions/{id}/extra-numbers': ['clinic_doctor', 'expert', 'outpatient_staff', 'admin'],
  'POST /v1/clinic-bookings': ['clinic_doctor', 'expert'],
  'POST /v1/referral-bookings': ['alliance_doctor'],
  'GET /v1/referral-bookings': ['alliance_doctor'],
  'GET /v1/admin/accounts': ['admin'],
  'PATCH /v1/admin/accounts/{id}': ['admin'],
  'GET /v1/admin/accounts/{id}/audit': ['admin'],
  'POST /v1/appointments/{id}/undo-void': ['outpatient_staff', 'admin'],
  'POST /v1/identity-claims/lookup': ['outpatient_staff', 'admin'],
  'POST /v1/identity-claims/release': ['outpatient_staff', 'admin'],
  'POST /v1/identity-claims/verify': ['outpatient_staff', 'admin'],
  'GET /v1/admin/calendar-years': ['admin'],
  'GET /v1/admin/calendar-years/{year}': ['admin'],
  'PUT /v1/admin/calendar-years/{year}': ['admin'],
  'GET /v1/calendar/status': ['admin', 'records_staff'],
};

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

let api: TestApi;
const tokens = new Map<Role, string>();
beforeAll(async () => {
  api = await startTestApi();
  for (const role of ALL) {
    tokens.set(
      role,
      await devToken(api.url, `matrix-${role}`, role, {
        institutionId: 'inst-1',
        specialty: 'orthopaedics',
        doctorId: 'doc-spine-01',
      }),
    );
  }
});
afterAll(async () => api.stop());

describe('authorisation on every route', () => {
  it('the specification covers every route and nothing else', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  const protectedRoutes = routesForStage('local').filter((r) => ALLOWED[routeKey(r)] !== 'public');

  it.each(protectedRoutes.map((r) => [routeKey(r), r] as const))(
    '%s refuses anonymous callers with 401',
    async (_, route) => {
      const res = await call<{ error: { code: string } }>(
        api.url,
        route.method,
        route.path.replace('{id}', SAMPLE_ID),
      );
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    },
  );

  const cases = protectedRoutes.flatMap((route) =>
    ALL.filter((role) => !(ALLOWED[routeKey(route)] as readonly Role[]).includes(role)).map(
      (role) => [routeKey(route), role, route] as const,
    ),
  );

  it.each(cases)('%s refuses role %s with 403 and no data', async (_, role, route) => {
    const res = await call<{ error: { code: string } }>(
      api.url,
      route.method,
      route.path.replace('{id}', SAMPLE_ID),
      {
        token: tokens.get(role),
        body: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      },
    );
    expect(res.status).toBe(403);
    expect(Object.keys(res.body)).toEqual(['error']);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('allowed roles get past authorisation on every protected route (never 401/403)', async () => {
    for (const route of protectedRoutes) {
      for (const role of ALLOWED[routeKey(route)] as readonly Role[]) {
        const res = await call(api.url, route.method, route.path.replace('{id}', SAMPLE_ID), {
          token: tokens.get(role),
          body: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        expect([routeKey(route), role, res.status]).not.toEqual([routeKey(route), role, 401]);
        expect([routeKey(route), role, res.status]).not.toEqual([routeKey(route), role, 403]);
        expect(res.status).toBeLessThan(500);
      }
    }
  });
});
