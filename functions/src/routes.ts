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
  { method: 'GET', path: '/v1/messages', handler: 'list-messages' },
  { method: 'POST', path: '/v1/messages/{id}/read', handler: 'mark-message-read' },
  { method: 'GET', path: '/v1/departments', handler: 'list-departments' },
  { method: 'GET', path: '/v1/departments/{id}/doctors', handler: 'list-department-doctors' },
  { method: 'GET', path: '/v1/sessions', handler: 'list-sessions' },
  { method: 'POST', path: '/v1/appointments', handler: 'book-appointment' },
  { method: 'GET', path: '/v1/appointments', handler: 'list-appointments' },
  { method: 'GET', path: '/v1/appointments/{id}', handler: 'get-appointment' },
  { method: 'POST', path: '/v1/appointments/{id}/cancel', handler: 'cancel-appointment' },
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
