import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { HisSettings } from '../../lib/his';
import type { JiuyiStack } from '../../lib/jiuyi-stack';
import type { ChannelSettings } from '../../lib/message-channels';
import type { WechatPaySettings } from '../../lib/wechat-pay';

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

/** The main stack's template first, then each nested stack's: together, what one stage deploys. */
export function templatesOf(stack: JiuyiStack): Template[] {
  return [Template.fromStack(stack), ...stack.nestedStacks.map((nested) => Template.fromStack(nested))];
}

/**
 * Every resource of one type across templates, by logical id. Ids are unique per template only, so a
 * clash would make a test look at the wrong resource: it fails instead.
 */
export function resourcesIn(templates: readonly Template[], type: string): Resources {
  const merged: Resources = {};
  for (const template of templates) {
    for (const [id, resource] of Object.entries(template.findResources(type) as Resources)) {
      if (id in merged) throw new Error(`Logical id ${id} is in more than one template`);
      merged[id] = resource;
    }
  }
  return merged;
}

/** The template holding the function whose description names `handler` (`Jiuyi <stage> <handler>`). */
export function templateOfHandler(templates: readonly Template[], stage: string, handler: string): Template {
  const found = templates.filter(
    (template) =>
      Object.keys(
        template.findResources('AWS::Lambda::Function', {
          Properties: { Description: `Jiuyi ${stage} ${handler}` },
        }),
      ).length > 0,
  );
  if (found.length !== 1) throw new Error(`${handler} is in ${found.length} templates`);
  return found[0] as Template;
}

/** WeChat Pay merchant settings in the shapes functions/src/wechat-pay-config.ts accepts. */
export const TEST_WECHAT_PAY: WechatPaySettings = {
  mchId: '1900000001',
  merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  publicKeyId: 'PUB_KEY_ID_0119000000012025010100000000000001',
};

export const TEST_WECHAT_APP_ID = 'wx0123456789abcdef';

export const TEST_HIS: HisSettings = {
  url: 'https://his-gateway.hospital.example/jiuyi/v1',
  timeoutMs: 4000,
};
