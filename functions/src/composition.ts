import { resolve } from 'node:path';
import { config, type AppConfig } from './config';
import { createTable, type Table } from './adapters/dynamodb/table';
import { createGuideStore } from './adapters/dynamodb/guide-store';
import { createAccountStore } from './adapters/dynamodb/account-store';
import { createPatientStore } from './adapters/dynamodb/patient-store';
import { createCatalogueStore } from './adapters/dynamodb/catalogue-store';
import { createScheduleStore } from './adapters/dynamodb/schedule-store';
import { createAppointmentStore } from './adapters/dynamodb/appointment-store';
import { createNoShowStore } from './adapters/dynamodb/no-show-store';
import { createWaitlistStore } from './adapters/dynamodb/waitlist-store';
import { createSessionReader } from './adapters/dynamodb/session-reader';
import { createCheckInStore } from './adapters/dynamodb/check-in-store';
import { createJoseCheckInCodes } from './adapters/auth/jose-check-in-codes';
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
import type { NoShowStore } from './ports/no-show-store';
import type { WaitlistStore } from './ports/waitlist-store';
import type { SessionReader } from './ports/session-reader';
import type { CheckInStore } from './ports/check-in-store';
import type { CheckInCodes } from './ports/check-in-codes';
import type { FieldCipher } from './ports/field-cipher';
import type { WechatSessionPort } from './ports/wechat-session';
import type { HisPort } from './ports/his';
import { buildHis } from './adapters/his/build-his';
import { createBillStore } from './adapters/dynamodb/bill-store';
import type { BillStore } from './ports/bill-store';
import { createSuspensionStore } from './adapters/dynamodb/suspension-store';
import { createClinicBookingStore } from './adapters/dynamodb/clinic-booking-store';
import { createReferralBookingStore } from './adapters/dynamodb/referral-booking-store';
import { createIdentityDirectory } from './adapters/dynamodb/identity-directory';
import { createTemplateStore } from './adapters/dynamodb/template-store';
import type { SuspensionStore } from './ports/suspension-store';
import type { ClinicBookingStore, IdentityDirectory } from './ports/clinic-booking-store';
import type { ReferralBookingStore } from './ports/referral-booking-store';
import type { TemplateStore } from './ports/template-store';
import { createPaymentStore } from './adapters/dynamodb/payment-store';
import { createPayerDirectory } from './adapters/dynamodb/payer-directory';
import {
  buildPaymentGateway,
  type PaymentGatewayProvider,
} from './adapters/wechat-pay/build-payment-gateway';
import type { PaymentStore } from './ports/payment-store';
import type { PayerDirectory } from './ports/payer-directory';
import type { PaymentSettings } from './use-cases/payments/payment-ports';
import { createAuthSessionStore } from './adapters/dynamodb/auth-session-store';
import { createStaffDirectory } from './adapters/dynamodb/staff-directory';
import { createAccountCache } from './adapters/cache/account-cache';
import type { AuthSessionStore } from './ports/auth-session-store';
import type { StaffDirectory } from './ports/staff-directory';
import type { AccountReader } from './ports/account-reader';
import { createIdentityClaimStore } from './adapters/dynamodb/identity-claim-store';
import { buildRealNameVerifier } from './adapters/real-name/build-real-name';
import type { IdentityClaimStore } from './ports/identity-claim-store';
import type { RealNameVerifier } from './ports/real-name-verifier';
import { createCalendarStore } from './adapters/dynamodb/calendar-store';
import { startedClock } from './adapters/local/started-clock';
import type { CalendarStore } from './ports/calendar-store';

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
  /** No-shows (爽约) per patient and the visits to settle when sessions end. */
  noShows: NoShowStore;
  /** Waitlists (候补) and the session reads they decide on. */
  waitlist: WaitlistStore;
  sessions: SessionReader;
  /** Check-in (签到): queue numbers, and the signed codes behind the QR codes. */
  checkIns: CheckInStore;
  checkInCodes: CheckInCodes;
  cipher: FieldCipher;
  tokens: TokenService;
  wechat: WechatSessionPort;
  /** The hospital information system: outpatient orders and their paid/refunded write-back. */
  his: HisPort;
  /** Outpatient bills and the per-item locks that keep an item in one payment. */
  bills: BillStore;
  /** Suspensions (停诊) and their offers; extra numbers (加号) and in-clinic booking; weekly templates. */
  suspensions: SuspensionStore;
  clinicBookings: ClinicBookingStore;
  /** Referral bookings (转诊预约) alliance doctors make from the referral reserve. */
  referralBookings: ReferralBookingStore;
  identities: IdentityDirectory;
  templates: TemplateStore;
  /** Payments, refunds, the settled-money ledger and the issues staff must look at. */
  payments: PaymentStore;
  payer: PayerDirectory;
  /** WeChat Pay (the sandbox in stage local), resolved on first use: prod keys come from SSM. */
  paymentGateway: PaymentGatewayProvider;
  paymentSettings: PaymentSettings;
  /** Refresh-token families (rotation, reuse revokes the family). */
  authSessions: AuthSessionStore;
  /** The account behind each request's token, cached per warm function for at most 60 s. */
  accountReader: AccountReader;
  /** Staff accounts as admins manage them: list, disable/enable, change role, audit. */
  staff: StaffDirectory;
  /** Real-name verification (实名核验) and the identity claims it decides over. */
  realName: RealNameVerifier;
  identityClaims: IdentityClaimStore;
  /** The working-day calendar the hospital confirms year by year, and its audit trail. */
  calendar: CalendarStore;
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

/**
 * The one clock handlers, use cases and token checks read: the host's, or in stage `local` with
 * `JIUYI_CLOCK_START` a clock started at that instant (loadConfig refuses it in any other stage).
 */
export function clockFor(cfg: Pick<AppConfig, 'stage' | 'clockStart'>): () => Date {
  if (cfg.stage === 'local' && cfg.clockStart) return startedClock(new Date(cfg.clockStart));
  return () => new Date();
}

/** Wires real adapters from configuration; `overrides` lets tests swap a port. */
export function buildDeps(cfg: AppConfig, overrides: Partial<Deps> = {}): Deps {
  const table = overrides.table ?? createTable(cfg);
  const now = overrides.now ?? clockFor(cfg);
  const cipher = overrides.cipher ?? buildCipher(cfg);
  const accounts = createAccountStore(table);
  return {
    config: cfg,
    table,
    guide: createGuideStore(table),
    accounts,
    patients: createPatientStore(table, cipher),
    catalogue: createCatalogueStore(table),
    schedule: createScheduleStore(table),
    appointments: createAppointmentStore(table),
    noShows: createNoShowStore(table),
    waitlist: createWaitlistStore(table),
    sessions: createSessionReader(table, createScheduleStore(table)),
    checkIns: createCheckInStore(table),
    checkInCodes: createJoseCheckInCodes(cfg.tokenSecret ?? LOCAL_TOKEN_SECRET),
    cipher,
    tokens: createJoseTokenService(cfg.tokenSecret ?? LOCAL_TOKEN_SECRET, undefined, now),
    wechat: buildWechat(cfg),
    his: buildHis(cfg, table),
    bills: createBillStore(table),
    suspensions: createSuspensionStore(table),
    clinicBookings: createClinicBookingStore(table),
    referralBookings: createReferralBookingStore(table),
    identities: createIdentityDirectory(table),
    templates: createTemplateStore(table),
    payments: createPaymentStore(table),
    payer: createPayerDirectory(table),
    paymentGateway: buildPaymentGateway(cfg),
    paymentSettings: { appId: cfg.wechatAppId, notifyUrl: cfg.wechatPay.notifyUrl ?? '' },
    authSessions: createAuthSessionStore(table),
    accountReader: createAccountCache(accounts),
    staff: createStaffDirectory(table),
    realName: buildRealNameVerifier(cfg),
    identityClaims: createIdentityClaimStore(table, cipher),
    calendar: createCalendarStore(table),
    now,
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
