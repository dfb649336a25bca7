import type { Deps } from '../composition';
import { DEMO_DATA } from '../seed';

/** Loads the demo data (facts from the seed documents; people fictional). Idempotent: puts overwrite. */
export async function seedDemoData(deps: Pick<Deps, 'guide'>): Promise<void> {
  await deps.guide.putAll({
    services: DEMO_DATA.guideServices,
    branches: DEMO_DATA.guideBranches,
    rules: DEMO_DATA.guideRules,
  });
}
