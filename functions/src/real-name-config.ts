import { z } from 'zod';

/**
 * Where the two-factor real-name service (实名核验, 姓名 + 证件号) is, read from the environment once
 * (with `config.ts`), like the HIS settings. Without a URL the stage `local` uses the deterministic
 * local verifier; `prod` without one cannot verify online, so every profile waits for the desk. The
 * credential itself is never here, only the SSM parameter that holds it (or, for a local fake
 * service, the code inline).
 */
export interface RealNameConfig {
  /** The service's base URL, e.g. `https://idcheck.example.com/v2`. */
  baseUrl?: string;
  /** SSM SecureString with the service's AppCode (production). */
  appCodeParam?: string;
  /** The AppCode itself: local runs against a fake service only. */
  appCode?: string;
  timeoutMs: number;
}

export const REAL_NAME_ENV = {
  baseUrl: 'JIUYI_REALNAME_URL',
  appCodeParam: 'JIUYI_REALNAME_APPCODE_PARAM',
  appCode: 'JIUYI_REALNAME_APPCODE',
  timeoutMs: 'JIUYI_REALNAME_TIMEOUT_MS',
} as const;

const realNameEnvSchema = z.object({
  [REAL_NAME_ENV.baseUrl]: z.url({ protocol: /^https?$/ }).optional(),
  [REAL_NAME_ENV.appCodeParam]: z.string().min(1).optional(),
  [REAL_NAME_ENV.appCode]: z.string().min(16).optional(),
  [REAL_NAME_ENV.timeoutMs]: z.coerce.number().int().min(100).max(30_000).default(3000),
});

/** Throws with the offending variable named, like `loadConfig`. */
export function loadRealNameConfig(env: NodeJS.ProcessEnv, stage: 'local' | 'prod'): RealNameConfig {
  const parsed = realNameEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Jiuyi configuration: ${problems}`);
  }
  const e = parsed.data;
  const cfg: RealNameConfig = {
    baseUrl: e[REAL_NAME_ENV.baseUrl],
    appCodeParam: e[REAL_NAME_ENV.appCodeParam],
    appCode: e[REAL_NAME_ENV.appCode],
    timeoutMs: e[REAL_NAME_ENV.timeoutMs],
  };
  if (cfg.baseUrl && !cfg.appCodeParam && !cfg.appCode)
    throw new Error(
      `Invalid Jiuyi configuration: ${REAL_NAME_ENV.baseUrl} needs ${REAL_NAME_ENV.appCodeParam}`,
    );
  if (stage === 'prod' && cfg.appCode)
    throw new Error(
      `Invalid Jiuyi configuration: in prod the real-name AppCode comes from ${REAL_NAME_ENV.appCodeParam}`,
    );
  if (stage === 'prod' && cfg.baseUrl && !cfg.baseUrl.startsWith('https://'))
    throw new Error(`Invalid Jiuyi configuration: ${REAL_NAME_ENV.baseUrl} must be https in prod`);
  return cfg;
}
