import type { RouteDefinition } from '../../functions/src/routes';

export { deployableRoutes } from '../../functions/src/routes';

/** Distinct handler names in first-seen order: one Lambda function each, however many routes share it. */
export function handlerNames(routes: readonly RouteDefinition[]): string[] {
  return [...new Set(routes.map((route) => route.handler))];
}
