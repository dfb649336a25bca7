import { resolve } from 'node:path';
import { config, type AppConfig } from './config';
import { createTable, type Table } from './adapters/dynamodb/table';
import { createGuideStore } from './adapters/dynamodb/guide-store';
import { createAccountStore } from './adapters/dynamodb/account-store';
import { createPatientStore } from './adapters/dynamodb/patient-store';
import { createCatalogueStore } from './adapters/dynamodb/catalogue-store';
import { createScheduleStore } from './adapters/dynamodb/schedule-store';
import { createAppointmentStore } from './adapters/dynamodb/appointment-store';
import { createJoseTokenService } from './adapters/auth/jose-token-service';
import { createLocalFieldCipher } from './adapters/crypto/aes-gcm-field-cipher';
import { createKmsFieldCipher } from './adapters/crypto/kms-field-cipher';
import { createWechatCode2Session } from './adapters/wechat/code2session';
import { createLocalCode2Session } from './adapters/local/local-code2session';
import { loadOrCreateLocalKeys } from './adapters/local/local-keys';
import { ssmSecret } from './adapters/aws/ssm-secret';
import type { GuideStore } from './ports/guide-store';
import type { TokenService } from './ports/token-service';
import type { AccountStore } from './ports/account-store';
import type { PatientStore } from './ports/patient-store';
import type { CatalogueStore } from './ports/catalogue-store';
import type { ScheduleStore } from './ports/schedule-store';
import type { AppointmentStore } from './ports/appointment-store';
import type { FieldCipher } from './ports/field-cipher';
import type { WechatSessionPort } from './ports/wechat-session';

/** Everything a handler needs, built once per cold start from configuration. */
export interface Deps {
  config: AppConfig;
  table: Table;
  guide: GuideStore;
  accounts: AccountStore;
  patients: PatientStore;
  catalogue: CatalogueStore;
  schedule: ScheduleStore;
  appointments: AppointmentStore;
  cipher: FieldCipher;
  tokens: TokenService;
  wechat: WechatSessionPort;
  now: () => Date;
}

/** A development-only secret: `loadConfig` refuses a prod stage without a real one. */
const LOCAL_TOKEN_SECRET = 'jiuyi-local-development-secret-not-for-production';

function buildCipher(cfg: AppConfig): FieldCipher {
  if (cfg.stage === 'prod' && cfg.kmsKeyId && cfg.indexKey) {
    return createKmsFieldCipher({
      kmsKeyId: cfg.kmsKeyId,
      indexKey: Buffer.from(cfg.indexKey, 'utf8'),
      region: cfg.region,
    });
  }
  return createLocalFieldCipher(loadOrCreateLocalKeys(resolve(cfg.localKeyFile)));
}

function buildWechat(cfg: AppConfig): WechatSessionPort {
  if (cfg.stage === 'prod' && cfg.wechatSecretParam) {
    return createWechatCode2Session({
      appId: cfg.wechatAppId,
      appSecret: ssmSecret(cfg.region, cfg.wechatSecretParam),
    });
  }
  return createLocalCode2Session();
}

/** Wires real adapters from configuration; `overrides` lets tests swap a port. */
export function buildDeps(cfg: AppConfig, overrides: Partial<Deps> = {}): Deps {
  const table = overrides.table ?? createTable(cfg);
  const cipher = overrides.cipher ?? buildCipher(cfg);
  return {
    config: cfg,
    table,
    guide: createGuideStore(table),
    accounts: createAccountStore(table),
    patients: createPatientStore(table, cipher),
    catalogue: createCatalogueStore(table),
    schedule: createScheduleStore(table),
    appointments: createAppointmentStore(table),
    cipher,
    tokens: createJoseTokenService(cfg.tokenSecret ?? LOCAL_TOKEN_SECRET),
    wechat: buildWechat(cfg),
    now: () => new Date(),
    ...overrides,
  };
}

let deps: Deps | undefined;
/** The process-wide dependencies (Lambda keeps them warm between invocations). */
export function getDeps(): Deps {
  deps ??= buildDeps(config());
  return deps;
}

/** Lets the local stack and tests install their own wiring. */
export function setDeps(next: Deps | undefined): void {
  deps = next;
}
