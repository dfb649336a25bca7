import { z } from 'zod';

/**
 * Where the hospital information system (HIS) is, read from the environment once (with `config.ts`).
 * Without a URL the stage `local` uses the demo HIS; the key itself is never here, only the SSM
 * parameter that holds it (or, for a local fake HIS server, the key inline).
 */
export interface HisConfig {
  /** The HIS integration API, e.g. `https://his-gateway.hospital.example/jiuyi/v1`. */
  baseUrl?: string;
  /** SSM SecureString with the shared HMAC key (production). */
  signingKeyParam?: string;
  /** The key itself: local runs against a fake HIS server only. */
  signingKey?: string;
  timeoutMs: number;
}

export const HIS_ENV = {
  baseUrl: 'JIUYI_HIS_URL',
  signingKeyParam: 'JIUYI_HIS_KEY_PARAM',
  signingKey: 'JIUYI_HIS_KEY',
  timeoutMs: 'JIUYI_HIS_TIMEOUT_MS',
} as const;

const hisEnvSchema = z.object({
  [HIS_ENV.baseUrl]: z.url({ protocol: /^https?$/ }).optional(),
  [HIS_ENV.signingKeyParam]: z.string().min(1).optional(),
  [HIS_ENV.signingKey]: z.string().min(32).optional(),
  [HIS_ENV.timeoutMs]: z.coerce.number().int().min(100).max(30_000).default(5000),
});

/** Throws with the offending variable named, like `loadConfig`. */
export function loadHisConfig(env: NodeJS.ProcessEnv, stage: 'local' | 'prod'): HisConfig {
  const parsed = hisEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Jiuyi configuration: ${problems}`);
  }
  const e = parsed.data;
  const cfg: HisConfig = {
    baseUrl: e[HIS_ENV.baseUrl],
    signingKeyParam: e[HIS_ENV.signingKeyParam],
    signingKey: e[HIS_ENV.signingKey],
    timeoutMs: e[HIS_ENV.timeoutMs],
  };
  if (cfg.baseUrl && !cfg.signingKeyParam && !cfg.signingKey)
    throw new Error(`Invalid Jiuyi configuration: ${HIS_ENV.baseUrl} needs ${HIS_ENV.signingKeyParam}`);
  if (stage === 'prod' && cfg.signingKey)
    throw new Error(`Invalid Jiuyi configuration: in prod the HIS key comes from ${HIS_ENV.signingKeyParam}`);
  return cfg;
}
