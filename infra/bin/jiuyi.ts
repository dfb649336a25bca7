import { App, Tags } from 'aws-cdk-lib';
import { ROUTES } from '../../functions/src/routes';
import { SCHEDULES } from '../../functions/src/schedules';
import { JiuyiStack } from '../lib/jiuyi-stack';
import { resolveChannelSettings } from '../lib/message-channels';
import { resolveSettings, stackName } from '../lib/settings';

// `cdk synth|deploy -c stage=prod -c region=cn-north-1`; both have defaults (prod, cn-north-1).
const app = new App();
const { stage, region } = resolveSettings((key) => app.node.tryGetContext(key));

// No account: the stack stays environment-agnostic on the account, so synth needs no credentials.
const stack = new JiuyiStack(app, stackName(stage), {
  env: { region },
  stage,
  routes: ROUTES,
  schedules: SCHEDULES,
  channels: resolveChannelSettings(app.node.tryGetContext('messageChannels')),
});
Tags.of(stack).add('project', 'jiuyi');
Tags.of(stack).add('stage', stage);
