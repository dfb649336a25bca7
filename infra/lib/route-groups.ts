import type { RouteDefinition } from '../../functions/src/routes';

/**
 * First path segment (`/v1/<segment>/…`) → the nested stack its handlers deploy in. Related prefixes
 * share a stack; a prefix not listed gets a stack of its own, so a new area needs no entry here.
 * Moving a handler to another group replaces its function (its old log group is kept), so entries
 * are only ever added.
 */
export const AREA_OF_SEGMENT: Readonly<Record<string, string>> = {
  health: 'access',
  auth: 'access',
  me: 'access',
  'staff-invites': 'access',
  dev: 'access',
  guide: 'guide',
  departments: 'guide',
  patients: 'patients',
  appointments: 'appointments',
  'check-ins': 'appointments',
  'clinic-bookings': 'appointments',
  // Alliance doctors' bookings live with the consultations and referrals to come.
  'referral-bookings': 'referrals',
  sessions: 'sessions',
  waitlist: 'sessions',
  admin: 'sessions',
  payments: 'payments',
  'payment-issues': 'payments',
  'payment-statements': 'payments',
  bills: 'payments',
  messages: 'messages',
  'message-subscriptions': 'messages',
};

/** `/v1/payment-statements/{date}` → `payments`; `/v1/referrals` (unlisted) → `referrals`. */
export function routeGroupOf(path: string): string {
  const segment = path.split('/').filter(Boolean)[1] ?? 'root';
  return AREA_OF_SEGMENT[segment] ?? segment.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

/**
 * Group → its routes, keeping every route of a handler with that handler's first route: one handler
 * is one function, which lives in one stack with all the routes it serves.
 */
export function groupRoutes(routes: readonly RouteDefinition[]): Map<string, RouteDefinition[]> {
  const groupOfHandler = new Map<string, string>();
  const groups = new Map<string, RouteDefinition[]>();
  for (const route of routes) {
    let group = groupOfHandler.get(route.handler);
    if (group === undefined) {
      group = routeGroupOf(route.path);
      groupOfHandler.set(route.handler, group);
    }
    groups.set(group, [...(groups.get(group) ?? []), route]);
  }
  return groups;
}

/** `payment-statements` → `PaymentStatements`, for construct ids. */
export function pascalCase(name: string): string {
  return name
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');
}
