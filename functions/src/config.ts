import { z } from 'zod';
import { loadMessageChannelConfig, type MessageChannelConfig } from './message-channel-config';
import { loadHisConfig, type HisConfig } from './his-config';
import { loadWechatPayConfig, type WechatPayConfig } from './wechat-pay-config';
import { loadRealNameConfig, type RealNameConfig } from './real-name-config';

/** Where the code runs: `local` allows the dev login and talks to sandboxes; `prod` talks to WeChat and AWS. */
export const stageSchema = z.enum(['local', 'prod']);
export type Stage = z.infer<typeof stageSchema>;

const envSchema = z.object({
  JIUYI_STAGE: stageSchema.default('local'),
  JIUYI_TABLE_NAME: z.string().min(1).default('jiuyi'),
  JIUYI_DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  /** Token signing secret; in production injected from Secrets Manager. */
  JIUYI_TOKEN_SECRET: z.string().min(32).optional(),
  /** Production: the KMS key that wraps data keys for ID numbers and phones. */
  JIUYI_KMS_KEY_ID: z.string().min(1).optional(),
  /** Production: the HMAC key for the identity blind index (generated in Secrets Manager). */
  JIUYI_INDEX_KEY: z.string().min(32).optional(),
  /** Production: the mini-program's appid and the SSM parameter holding its secret. */
  JIUYI_WECHAT_APP_ID: z.string().min(1).default('touristappid'),
  JIUYI_WECHAT_SECRET_PARAM: z.string().min(1).optional(),
  /** Local: where the local data/index keys live. */
  JIUYI_LOCAL_KEY_FILE: z.string().min(1).default('.jiuyi-local/keys.json'),
  /** Extra numbers (加号) a doctor may add to one session. */
  JIUYI_EXTRA_NUMBERS_PER_SESSION: z.coerce.number().int().min(0).max(50).default(5),
  /** Identity-add attempts (POST /v1/patients) an account may make per Shanghai day. */
  JIUYI_IDENTITY_ADDS_PER_DAY: z.coerce.number().int().min(1).max(100).default(10),
  /** Local only: the instant the stack's clock starts at (then it runs in real time), e.g. for e2e. */
  JIUYI_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
});

export interface AppConfig {
  stage: Stage;
  tableName: string;
  dynamoEndpoint?: string;
  region: string;
  tokenSecret?: string;
  kmsKeyId?: string;
  indexKey?: string;
  wechatAppId: string;
  wechatSecretParam?: string;
  localKeyFile: string;
  extraNumbersPerSession: number;
  /** WeChat templates and SMS settings for the sender (message-channel-config.ts). */
  messageChannels: MessageChannelConfig;
  /** The hospital information system for outpatient bills (his-config.ts). */
  his: HisConfig;
  /** WeChat Pay merchant settings and the names of its secrets (wechat-pay-config.ts). */
  wechatPay: WechatPayConfig;
  identityAddsPerDay: number;
  /** The two-factor real-name service (real-name-config.ts). */
  realName: RealNameConfig;
  /** Stage local only: where the clock starts (ISO 8601 with offset); absent means the host clock. */
  clockStart?: string;
}

/** Reads the environment once and fails fast with a message naming what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Jiuyi configuration: ${problems}`);
  }
  const e = parsed.data;
  const cfg: AppConfig = {
    stage: e.JIUYI_STAGE,
    tableName: e.JIUYI_TABLE_NAME,
    dynamoEndpoint: e.JIUYI_DYNAMODB_ENDPOINT,
    region: e.AWS_REGION,
    tokenSecret: e.JIUYI_TOKEN_SECRET,
    kmsKeyId: e.JIUYI_KMS_KEY_ID,
    indexKey: e.JIUYI_INDEX_KEY,
    wechatAppId: e.JIUYI_WECHAT_APP_ID,
    wechatSecretParam: e.JIUYI_WECHAT_SECRET_PARAM,
    localKeyFile: e.JIUYI_LOCAL_KEY_FILE,
    extraNumbersPerSession: e.JIUYI_EXTRA_NUMBERS_PER_SESSION,
    messageChannels: loadMessageChannelConfig(env),
    his: loadHisConfig(env, e.JIUYI_STAGE),
    wechatPay: loadWechatPayConfig(env),
    identityAddsPerDay: e.JIUYI_IDENTITY_ADDS_PER_DAY,
    realName: loadRealNameConfig(env, e.JIUYI_STAGE),
    clockStart: e.JIUYI_CLOCK_START,
  };
  if (cfg.clockStart && cfg.stage !== 'local') {
    throw new Error('Invalid Jiuyi configuration: JIUYI_CLOCK_START is allowed only in the local stage');
  }
  if (cfg.stage === 'prod') {
    const missing = (['tokenSecret', 'kmsKeyId', 'indexKey', 'wechatSecretParam'] as const).filter(
      (k) => !cfg[k],
    );
    if (missing.length)
      throw new Error(`Invalid Jiuyi configuration: the prod stage needs ${missing.join(', ')}`);
  }
  return cfg;
}

let cached: AppConfig | undefined;
/** The process-wide configuration, read on first use. */
export function config(): AppConfig {
  cached ??= loadConfig();
  return cached;
}
