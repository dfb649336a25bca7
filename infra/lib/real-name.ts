import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { z } from 'zod';
import { REAL_NAME_ENV as E } from '../../functions/src/real-name-config';
import { grantParameterRead } from './ssm-parameters';

/** The SSM SecureString with the real-name service's AppCode; created by hand (docs/deploy.md). */
export const REAL_NAME_APPCODE_PARAMETER = '/jiuyi/prod/realname-appcode';

/**
 * The `realName` context: where the two-factor real-name service (实名核验) is. HTTPS only: the request
 * carries a name and an ID number. A short timeout: when the service is slow the profile is saved
 * pending and checked again by the schedule, rather than keeping the patient waiting.
 */
export const realNameSettingsSchema = z.strictObject({
  url: z.url({ protocol: /^https$/ }),
  timeoutMs: z.number().int().min(100).max(8000).optional(),
});
export type RealNameSettings = z.infer<typeof realNameSettingsSchema>;

/** Reads the context value (an object, or a JSON string with `-c`); absent means verification at the desk only. */
export function resolveRealNameSettings(raw: unknown): RealNameSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  const parsed = realNameSettingsSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `Invalid realName context: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return parsed.data;
}

/** What calling the real-name service needs, for the functions that call it only: its URL and AppCode. */
export class RealNameService extends Construct {
  constructor(
    scope: Construct,
    id: string,
    private readonly settings: RealNameSettings,
  ) {
    super(scope, id);
  }

  environment(): Record<string, string> {
    return {
      [E.baseUrl]: this.settings.url,
      [E.appCodeParam]: REAL_NAME_APPCODE_PARAMETER,
      ...(this.settings.timeoutMs === undefined ? {} : { [E.timeoutMs]: String(this.settings.timeoutMs) }),
    };
  }

  attachTo(fn: IFunction & { addEnvironment(key: string, value: string): unknown }): void {
    for (const [key, value] of Object.entries(this.environment())) fn.addEnvironment(key, value);
    grantParameterRead(this, fn, [REAL_NAME_APPCODE_PARAMETER]);
  }
}
