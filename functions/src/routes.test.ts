import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HANDLERS } from './handlers';
import { ROUTES, routesForStage } from './routes';
import { loadConfig } from './config';
import { devSignIn } from './use-cases/accounts/dev-sign-in';
import type { AccountStore } from './ports/account-store';
import type { TokenService } from './ports/token-service';
import type { AuthSessionStore } from './ports/auth-session-store';

describe('the route registry', () => {
  it('every route has a handler file and a registered handler', () => {
    for (const route of ROUTES) {
      expect(existsSync(join(__dirname, 'handlers', `${route.handler}.handler.ts`))).toBe(true);
      expect(typeof HANDLERS[route.handler]).toBe('function');
    }
  });

  it('the prod stage has no dev login route; local has it', () => {
    expect(routesForStage('prod').some((r) => r.path === '/v1/auth/dev')).toBe(false);
    expect(routesForStage('local').some((r) => r.path === '/v1/auth/dev')).toBe(true);
  });
});

describe('the dev login cannot be enabled in production', () => {
  const unusedAccounts = {} as AccountStore;
  const unusedTokens = {} as TokenService;
  const unusedSessions = {} as AuthSessionStore;

  it('refuses outright when the stage is prod, before touching any store', async () => {
    await expect(
      devSignIn(
        { accounts: unusedAccounts, tokens: unusedTokens, authSessions: unusedSessions, stage: 'prod' },
        { openid: 'x', role: 'admin' },
        new Date(),
      ),
    ).rejects.toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('a prod configuration without real secrets does not start', () => {
    expect(() => loadConfig({ JIUYI_STAGE: 'prod' })).toThrow(
      /tokenSecret.*kmsKeyId.*indexKey.*wechatSecretParam/,
    );
  });
});
