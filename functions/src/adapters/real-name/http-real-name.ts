import type { RealNameCheck, RealNameVerifier } from '../../ports/real-name-verifier';
import { REAL_NAME_PATH, REAL_NAME_RESULT, realNameResponseSchema } from './wire';

export interface HttpRealNameConfig {
  /** The service's base URL, e.g. `https://idcheck.example.com/v2`. */
  baseUrl: string;
  /** The AppCode (from SSM in production), read once and cached by the provider. */
  appCode: () => Promise<string>;
  /** Per-request timeout; the profile is saved `pending` rather than keeping the patient waiting. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** The production verifier: one call per check; every failure of the service is `unavailable`. */
export function createHttpRealNameVerifier(cfg: HttpRealNameConfig): RealNameVerifier {
  const fetchImpl = cfg.fetchImpl ?? fetch;
  const base = cfg.baseUrl.endsWith('/') ? cfg.baseUrl.slice(0, -1) : cfg.baseUrl;
  return {
    async check(name, idNumber): Promise<RealNameCheck> {
      let res: Response;
      try {
        res = await fetchImpl(`${base}${REAL_NAME_PATH}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
            authorization: `APPCODE ${await cfg.appCode()}`,
          },
          body: new URLSearchParams({ name, idcard: idNumber }).toString(),
          signal: AbortSignal.timeout(cfg.timeoutMs ?? 3000),
        });
      } catch {
        return 'unavailable';
      }
      if (!res.ok) return 'unavailable';
      let json: unknown;
      try {
        json = JSON.parse(await res.text());
      } catch {
        return 'unavailable';
      }
      const parsed = realNameResponseSchema.safeParse(json);
      if (!parsed.success || parsed.data.code !== 0 || !parsed.data.result) return 'unavailable';
      switch (parsed.data.result.res) {
        case REAL_NAME_RESULT.match:
          return 'match';
        case REAL_NAME_RESULT.mismatch:
          return 'mismatch';
        case REAL_NAME_RESULT.noRecord:
          return 'no_record';
        default:
          return 'unavailable';
      }
    },
  };
}
