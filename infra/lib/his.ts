import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { z } from 'zod';
import { HIS_ENV as E } from '../../functions/src/his-config';
import { grantParameterRead } from './ssm-parameters';

/** The SSM SecureString with the HMAC key shared with the HIS; created by hand (docs/deploy.md). */
export const HIS_KEY_PARAMETER = '/jiuyi/prod/his-signing-key';

/**
 * The `his` context: where the hospital's HIS integration API is. HTTPS only outside a test bench:
 * bills carry patient data. The timeout stays under the functions' 10 s so a slow HIS answers 503.
 */
export const hisSettingsSchema = z.strictObject({
  url: z.url({ protocol: /^https$/ }),
  timeoutMs: z.number().int().min(100).max(8000).optional(),
});
export type HisSettings = z.infer<typeof hisSettingsSchema>;

/** Reads the context value (an object, or a JSON string when given with `-c`); absent means no HIS. */
export function resolveHisSettings(raw: unknown): HisSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  const parsed = hisSettingsSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`Invalid his context: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  return parsed.data;
}

/** What reaching the HIS needs, for the functions that reach it only: its URL and its one key. */
export class His extends Construct {
  constructor(
    scope: Construct,
    id: string,
    private readonly settings: HisSettings,
  ) {
    super(scope, id);
  }

  environment(): Record<string, string> {
    return {
      [E.baseUrl]: this.settings.url,
      [E.signingKeyParam]: HIS_KEY_PARAMETER,
      ...(this.settings.timeoutMs === undefined ? {} : { [E.timeoutMs]: String(this.settings.timeoutMs) }),
    };
  }

  attachTo(fn: IFunction & { addEnvironment(key: string, value: string): unknown }): void {
    for (const [key, value] of Object.entries(this.environment())) fn.addEnvironment(key, value);
    grantParameterRead(this, fn, [HIS_KEY_PARAMETER]);
  }
}
