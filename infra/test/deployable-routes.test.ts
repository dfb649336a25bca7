import type { App } from 'aws-cdk-lib';
import type { RouteDefinition } from '../../functions/src/routes';
import { deployableRoutes, handlerNames } from '../lib/deployable-routes';
import { JiuyiStack } from '../lib/jiuyi-stack';
import { makeTestApp, resourcesIn, templatesOf } from './support/test-app';

jest.setTimeout(120_000);

// Synthetic, so these tests mean something whatever ROUTES holds today.
const routes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/v1/health', handler: 'get-health' },
  { method: 'GET', path: '/v1/guide/services', handler: 'list-guide-services' },
  { method: 'GET', path: '/v1/guide/services/{id}', handler: 'list-guide-services' },
  { method: 'POST', path: '/v1/auth/dev', handler: 'get-health', localOnly: true },
];

describe('deployableRoutes', () => {
  it('drops localOnly routes in prod', () => {
    // Act
    const deployed = deployableRoutes(routes, 'prod');

    // Assess
    expect(deployed.map((r) => r.path)).toEqual([
      '/v1/health',
      '/v1/guide/services',
      '/v1/guide/services/{id}',
    ]);
  });

  it('keeps every route in the local stage', () => {
    expect(deployableRoutes(routes, 'local')).toEqual(routes);
  });
});

describe('handlerNames', () => {
  it('lists each handler once, in first-seen order', () => {
    expect(handlerNames(routes)).toEqual(['get-health', 'list-guide-services']);
  });
});

describe('a prod stack given a localOnly route', () => {
  it('has neither the route nor a local-stage function', () => {
    // Prepare
    const app: App = makeTestApp({ bundle: false });
    const stack = new JiuyiStack(app, 'prod', { env: { region: 'cn-north-1' }, stage: 'prod', routes });

    // Act
    const templates = templatesOf(stack);
    const routeKeys = Object.values(resourcesIn(templates, 'AWS::ApiGatewayV2::Route')).map((route) =>
      String(route.Properties?.RouteKey),
    );
    const stages = Object.values(resourcesIn(templates, 'AWS::Lambda::Function')).map(
      (fn) => (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables.JIUYI_STAGE,
    );

    // Assess
    expect(routeKeys.sort()).toEqual([
      'GET /v1/guide/services',
      'GET /v1/guide/services/{id}',
      'GET /v1/health',
    ]);
    expect(routeKeys.some((key) => key.includes('/auth/dev'))).toBe(false);
    expect(stages).toEqual(['prod', 'prod']);
  });
});
