import type { z } from 'zod';
import { HisError, type HisErrorCode, type HisPort } from '../../ports/his';
import { hisNonce, hisSignature } from './signing';
import {
  HIS_PATHS,
  HIS_SIGNATURE_HEADERS,
  executedResponseSchema,
  hisErrorWireSchema,
  queryOrdersResponseSchema,
  writeResponseSchema,
} from './wire';

export interface HttpHisConfig {
  /** The hospital integration engine's base URL, e.g. `https://his-gateway.hospital.example/jiuyi/v1`. */
  baseUrl: string;
  /** The shared HMAC key (from SSM in production), read once and cached by the provider. */
  signingKey: () => Promise<string>;
  /** Per-request timeout; a timeout is transient. */
  timeoutMs?: number;
  /** Attempts for transient failures; every call is idempotent, so repeating one is safe. */
  attempts?: number;
  fetchImpl?: typeof fetch;
  now?: () => Date;
}

const KNOWN_CODES: ReadonlySet<HisErrorCode> = new Set([
  'ITEM_NOT_FOUND',
  'ITEM_ALREADY_PAID',
  'ITEM_NOT_PAID',
  'ITEM_EXECUTED',
  'TOTAL_MISMATCH',
  'IDEMPOTENCY_CONFLICT',
]);

function isKnownCode(code: string): code is HisErrorCode {
  return KNOWN_CODES.has(code as HisErrorCode);
}

/** The hospital's HIS over its HTTP integration API (see `wire.ts`). */
export function createHttpHis(cfg: HttpHisConfig): HisPort {
  const fetchImpl = cfg.fetchImpl ?? fetch;
  const now = cfg.now ?? (() => new Date());
  const base = new URL(cfg.baseUrl.endsWith('/') ? cfg.baseUrl : `${cfg.baseUrl}/`);

  const once = async <T>(path: string, payload: unknown, schema: z.ZodType<T>): Promise<T> => {
    const url = new URL(path.slice(1), base);
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const nonce = hisNonce();
    const signature = hisSignature(await cfg.signingKey(), 'POST', url.pathname, timestamp, nonce, body);
    let res: Response;
    try {
      res = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [HIS_SIGNATURE_HEADERS.timestamp]: timestamp,
          [HIS_SIGNATURE_HEADERS.nonce]: nonce,
          [HIS_SIGNATURE_HEADERS.signature]: signature,
        },
        body,
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw new HisError('UNAVAILABLE', `HIS 无法连接：${error instanceof Error ? error.name : 'unknown'}`, {
        transient: true,
      });
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (res.ok) {
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new HisError('BAD_RESPONSE', `HIS 应答格式不符（${path}）`);
      return parsed.data;
    }
    const failure = hisErrorWireSchema.safeParse(json);
    if (res.status >= 400 && res.status < 500 && failure.success && isKnownCode(failure.data.code)) {
      throw new HisError(failure.data.code, failure.data.message, { itemIds: failure.data.itemIds });
    }
    const transient = res.status >= 500 || res.status === 429;
    throw new HisError(transient ? 'UNAVAILABLE' : 'BAD_RESPONSE', `HIS 应答 ${res.status}`, { transient });
  };

  const post = async <T>(path: string, payload: unknown, schema: z.ZodType<T>): Promise<T> => {
    const attempts = Math.max(1, cfg.attempts ?? 2);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await once(path, payload, schema);
      } catch (error) {
        if (!(error instanceof HisError) || !error.transient || attempt >= attempts) throw error;
      }
    }
  };

  return {
    async listOrders(patientId, visits) {
      const out = await post(HIS_PATHS.queryOrders, { patientId, visits }, queryOrdersResponseSchema);
      return out.orders;
    },
    async markPaid(writeBack) {
      await post(HIS_PATHS.payments, writeBack, writeResponseSchema);
    },
    async markRefunded(writeBack) {
      await post(HIS_PATHS.refunds, writeBack, writeResponseSchema);
    },
    async executedItems(patientId, itemIds) {
      return (await post(HIS_PATHS.executed, { patientId, itemIds }, executedResponseSchema)).executed;
    },
  };
}
