import { stageSchema, type Stage } from '../../functions/src/config';

/** Patient data stays in mainland China unless a deployment names another region on purpose. */
export const DEFAULT_REGION = 'cn-north-1';
export const DEFAULT_STAGE: Stage = 'prod';

/** A stage that may be deployed: every stage but `local`. */
export type DeployableStage = Exclude<Stage, 'local'>;

/** What one deployment of the stack is: which stage, in which region. */
export interface StackSettings {
  stage: DeployableStage;
  region: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * Reads `-c stage=… -c region=…` (the CDK context) and fails synth with a clear message on a typo,
 * rather than deploying a stack nobody asked for. `local` is refused: it is the stage of the dev login,
 * the development data key and the sandboxes, which must never exist in an AWS account.
 */
export function resolveSettings(context: (key: string) => unknown): StackSettings {
  const rawStage = context('stage') ?? DEFAULT_STAGE;
  const stage = stageSchema.safeParse(rawStage);
  if (!stage.success) {
    throw new Error(`Unknown stage "${String(rawStage)}": use one of ${stageSchema.options.join(', ')}`);
  }
  if (stage.data === 'local') {
    throw new Error(
      'The local stage cannot be deployed: it has the dev login and a development key. ' +
        'Run it with `npm start`; deploy with -c stage=prod.',
    );
  }
  const region = context('region') ?? DEFAULT_REGION;
  if (typeof region !== 'string' || !REGION.test(region)) {
    throw new Error(`Invalid region "${String(region)}": expected e.g. cn-north-1 or ap-southeast-1`);
  }
  return { stage: stage.data, region };
}

/** `jiuyi-prod`: one stack per stage; the region is part of the environment, not the name. */
export function stackName(stage: Stage): string {
  return `jiuyi-${stage}`;
}
