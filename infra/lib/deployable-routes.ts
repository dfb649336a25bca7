import type { RouteDefinition } from '../../functions/src/routes';
import type { Stage } from '../../functions/src/config';

/**
 * The routes a stage may expose. `localOnly` routes (the dev login) exist only in the `local`
 * stage; filtering here, not in the handler, means the code is never even deployed elsewhere.
 */
export function deployableRoutes(routes: readonly RouteDefinition[], stage: Stage): RouteDefinition[] {
  return routes.filter((route) => stage === 'local' || route.localOnly !== true);
}

/** Distinct handler names in first-seen order: one Lambda function each, however many routes share it. */
export function handlerNames(routes: readonly RouteDefinition[]): string[] {
  return [...new Set(routes.map((route) => route.handler))];
}
