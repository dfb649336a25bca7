import { App, Tags } from 'aws-cdk-lib';
import { ROUTES } from '../../functions/src/routes';
import { SCHEDULES } from '../../functions/src/schedules';
import { JiuyiStack } from '../lib/jiuyi-stack';
import { resolveChannelSettings } from '../lib/message-channels';
import { resolveSettings, stackName } from '../lib/settings';
import { resolveWechatAppId, resolveWechatPaySettings } from '../lib/wechat-pay';
import { resolveHisSettings } from '../lib/his';
import { resolveRealNameSettings } from '../lib/real-name';

// `cdk synth|deploy -c stage=prod -c region=cn-north-1`; both have defaults (prod, cn-north-1).
const app = new App();
const context = (key: string): unknown => app.node.tryGetContext(key);
const { stage, region } = resolveSettings(context);

// No account: the stack stays environment-agnostic on the account, so synth needs no credentials.
const stack = new JiuyiStack(app, stackName(stage), {
  env: { region },
  stage,
  routes: ROUTES,
  schedules: SCHEDULES,
  channels: resolveChannelSettings(context('messageChannels')),
  wechatAppId: resolveWechatAppId(context('wechatAppId')),
  wechatPay: resolveWechatPaySettings(context('wechatPay')),
  his: resolveHisSettings(context('his')),
  realName: resolveRealNameSettings(context('realName')),
});
Tags.of(stack).add('project', 'jiuyi');
Tags.of(stack).add('stage', stage);
