/**
 * Every HTTP route and the handler file that serves it: `handlers/<handler>.handler.ts`.
 * The local API adapter, the CDK stack and the authorisation tests all read this one list.
 */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  /** Only deployed when the stage is `local` (the dev login). */
  localOnly?: boolean;
}

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: '/v1/health', handler: 'get-health' },
  { method: 'GET', path: '/v1/guide/services', handler: 'list-guide-services' },
  { method: 'GET', path: '/v1/guide/services/{id}', handler: 'get-guide-service' },
  { method: 'GET', path: '/v1/guide/branches', handler: 'list-guide-branches' },
  { method: 'POST', path: '/v1/auth/wechat', handler: 'sign-in-wechat' },
  { method: 'POST', path: '/v1/auth/dev', handler: 'sign-in-dev', localOnly: true },
  { method: 'POST', path: '/v1/auth/refresh', handler: 'refresh-session' },
  { method: 'GET', path: '/v1/me', handler: 'get-me' },
  { method: 'POST', path: '/v1/staff-invites', handler: 'create-staff-invite' },
  { method: 'POST', path: '/v1/staff-invites/redeem', handler: 'redeem-staff-invite' },
  { method: 'GET', path: '/v1/patients', handler: 'list-patients' },
  { method: 'POST', path: '/v1/patients', handler: 'create-patient' },
  { method: 'GET', path: '/v1/patients/{id}', handler: 'get-patient' },
  { method: 'PATCH', path: '/v1/patients/{id}', handler: 'update-patient' },
  { method: 'DELETE', path: '/v1/patients/{id}', handler: 'delete-patient' },
  { method: 'GET', path: '/v1/patients/{id}/bills', handler: 'list-patient-bills' },
  { method: 'POST', path: '/v1/bills/payment', handler: 'create-bill-payment' },
  { method: 'POST', path: '/v1/bills/refunds', handler: 'refund-bill-items' },
  { method: 'GET', path: '/v1/messages', handler: 'list-messages' },
  { method: 'POST', path: '/v1/messages/{id}/read', handler: 'mark-message-read' },
  { method: 'GET', path: '/v1/message-subscriptions', handler: 'list-message-subscriptions' },
  { method: 'POST', path: '/v1/message-subscriptions', handler: 'accept-message-subscriptions' },
  { method: 'PUT', path: '/v1/me/sms-phone', handler: 'set-sms-phone' },
  { method: 'GET', path: '/v1/dev/sent-messages', handler: 'list-sent-messages', localOnly: true },
  { method: 'GET', path: '/v1/departments', handler: 'list-departments' },
  { method: 'GET', path: '/v1/departments/{id}/doctors', handler: 'list-department-doctors' },
  { method: 'GET', path: '/v1/sessions', handler: 'list-sessions' },
  { method: 'POST', path: '/v1/appointments', handler: 'book-appointment' },
  { method: 'GET', path: '/v1/appointments', handler: 'list-appointments' },
  { method: 'GET', path: '/v1/appointments/{id}', handler: 'get-appointment' },
  { method: 'POST', path: '/v1/appointments/{id}/cancel', handler: 'cancel-appointment' },
  { method: 'POST', path: '/v1/appointments/{id}/payment', handler: 'create-appointment-payment' },
  { method: 'GET', path: '/v1/appointments/{id}/payment', handler: 'get-appointment-payment' },
  { method: 'POST', path: '/v1/payments/wechat/notify', handler: 'wechat-pay-notify' },
  { method: 'GET', path: '/v1/payments', handler: 'list-payments' },
  { method: 'POST', path: '/v1/payments/{id}/refunds', handler: 'refund-payment' },
  { method: 'GET', path: '/v1/payment-issues', handler: 'list-payment-issues' },
  { method: 'GET', path: '/v1/payment-statements', handler: 'list-payment-statements' },
  { method: 'GET', path: '/v1/payment-statements/{date}', handler: 'get-payment-statement' },
  { method: 'GET', path: '/v1/payment-statements/{date}/csv', handler: 'download-payment-statement' },
  { method: 'GET', path: '/v1/appointments/{id}/check-in-code', handler: 'get-check-in-code' },
  { method: 'POST', path: '/v1/appointments/{id}/check-in', handler: 'check-in-appointment' },
  { method: 'POST', path: '/v1/check-ins', handler: 'staff-check-in' },
  { method: 'POST', path: '/v1/sessions/{id}/waitlist', handler: 'join-waitlist' },
  { method: 'GET', path: '/v1/waitlist', handler: 'list-waitlist' },
  { method: 'POST', path: '/v1/waitlist/{id}/cancel', handler: 'cancel-waitlist-entry' },
  { method: 'POST', path: '/v1/waitlist/{id}/confirm', handler: 'confirm-waitlist-offer' },
  { method: 'GET', path: '/v1/admin/doctors/{id}/templates', handler: 'list-doctor-templates' },
  { method: 'PUT', path: '/v1/admin/doctors/{id}/templates', handler: 'replace-doctor-templates' },
  { method: 'POST', path: '/v1/sessions/{id}/suspend', handler: 'suspend-session' },
  { method: 'GET', path: '/v1/sessions/{id}/suspension', handler: 'get-session-suspension' },
  { method: 'GET', path: '/v1/appointments/{id}/suspension-offer', handler: 'get-suspension-offer' },
  { method: 'POST', path: '/v1/appointments/{id}/suspension-choice', handler: 'choose-suspension-option' },
  { method: 'POST', path: '/v1/sessions/{id}/extra-numbers', handler: 'add-extra-number' },
  { method: 'GET', path: '/v1/sessions/{id}/extra-numbers', handler: 'list-extra-numbers' },
  { method: 'POST', path: '/v1/clinic-bookings', handler: 'book-in-clinic' },
  { method: 'POST', path: '/v1/referral-bookings', handler: 'book-referral' },
  { method: 'GET', path: '/v1/referral-bookings', handler: 'list-referral-bookings' },
  { method: 'GET', path: '/v1/admin/accounts', handler: 'list-staff-accounts' },
  { method: 'PATCH', path: '/v1/admin/accounts/{id}', handler: 'update-staff-account' },
  { method: 'GET', path: '/v1/admin/accounts/{id}/audit', handler: 'list-account-audit' },
  { method: 'POST', path: '/v1/appointments/{id}/undo-void', handler: 'undo-void' },
  { method: 'POST', path: '/v1/identity-claims/lookup', handler: 'look-up-identity-claim' },
  { method: 'POST', path: '/v1/identity-claims/release', handler: 'release-identity-claim' },
  { method: 'POST', path: '/v1/identity-claims/verify', handler: 'verify-identity-claim' },
  { method: 'GET', path: '/v1/admin/calendar-years', handler: 'list-calendar-years' },
  { method: 'GET', path: '/v1/admin/calendar-years/{year}', handler: 'get-calendar-year' },
  { method: 'PUT', path: '/v1/admin/calendar-years/{year}', handler: 'save-calendar-year' },
  { method: 'GET', path: '/v1/calendar/status', handler: 'get-calendar-status' },
  { method: 'POST', path: '/v1/payment-issues/{id}/refund', handler: 'refund-payment-issue' },
];

/**
 * The routes a stage may expose: `localOnly` routes (the dev login) exist only in `local`. The CDK stack
 * filters with this too, so the code of such a route is never even deployed elsewhere.
 */
export function deployableRoutes(
  routes: readonly RouteDefinition[],
  stage: 'local' | 'prod',
): RouteDefinition[] {
  return routes.filter((r) => stage === 'local' || r.localOnly !== true);
}

/** This app's routes for a stage. */
export function routesForStage(stage: 'local' | 'prod'): RouteDefinition[] {
  return deployableRoutes(ROUTES, stage);
}

/** `GET /v1/guide/services/{id}` → the API Gateway route key. */
export function routeKey(route: RouteDefinition): string {
  return `${route.method} ${route.path}`;
}
