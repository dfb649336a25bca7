import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import type { ChannelSettings } from '../../lib/message-channels';

/** The feature flags `cdk synth` runs with, so tests check the same template the CLI produces. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson: unknown = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8'));
  if (typeof cdkJson !== 'object' || cdkJson === null || !('context' in cdkJson)) {
    throw new Error('infra/cdk.json has no context');
  }
  return cdkJson.context as Record<string, unknown>;
}

/**
 * An app with cdk.json's flags. `bundle: false` skips esbuild (the `aws:cdk:bundling-stacks` switch) for
 * stacks whose code does not matter to a test; stacks in one bundling app share each handler's bundle.
 */
export function makeTestApp(options: { bundle: boolean }): App {
  return new App({
    context: { ...cdkJsonContext(), ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
}

/** Every resource of one CloudFormation type, by logical id. */
export type Resources = Record<string, { Properties?: Record<string, unknown> } & Record<string, unknown>>;

/** Channel settings with SMS configured, so the sender's SMS grant and environment can be checked. */
export const TEST_CHANNELS: ChannelSettings = {
  wechatTemplates: { visit_reminder_evening: 'tmpl-evening', visit_reminder_soon: 'tmpl-soon' },
  wechatMiniprogramState: 'formal',
  sms: {
    sdkAppId: '1400000000',
    signName: '就医测试',
    secretId: 'AKIDtest',
    region: 'ap-guangzhou',
    templates: { consultation_unapproved_chase: '100001', records_copy_deadline: '100002' },
  },
};
