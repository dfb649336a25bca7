import type { AppConfig } from '../../config';
import type { RealNameVerifier } from '../../ports/real-name-verifier';
import { ssmSecret } from '../aws/ssm-secret';
import { createHttpRealNameVerifier } from './http-real-name';
import { createLocalRealNameVerifier } from './local-real-name';

/**
 * Without a configured service, `prod` must not pretend to verify: every check is `unavailable`, so
 * profiles are saved pending and verified at the desk; nothing else is affected.
 */
const unconfigured: RealNameVerifier = { check: () => Promise.resolve('unavailable') };

/** The real-name verifier from configuration: the service over HTTP when a URL is set, else local's. */
export function buildRealNameVerifier(cfg: AppConfig): RealNameVerifier {
  const { realName } = cfg;
  if (realName.baseUrl) {
    const inline = realName.appCode;
    const appCode = realName.appCodeParam
      ? ssmSecret(cfg.region, realName.appCodeParam)
      : () => (inline ? Promise.resolve(inline) : Promise.reject(new Error('real-name AppCode missing')));
    return createHttpRealNameVerifier({ baseUrl: realName.baseUrl, appCode, timeoutMs: realName.timeoutMs });
  }
  return cfg.stage === 'local' ? createLocalRealNameVerifier() : unconfigured;
}
