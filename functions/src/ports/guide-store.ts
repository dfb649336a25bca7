import type { GuideBranch, GuideRuleList, GuideService } from '@jiuyi/shared';

/** Read and write access to the hospital service guide. */
export interface GuideStore {
  listServices(): Promise<GuideService[]>;
  getService(id: string): Promise<GuideService | undefined>;
  listBranches(): Promise<GuideBranch[]>;
  getRules(): Promise<GuideRuleList>;
  putAll(data: { services: GuideService[]; branches: GuideBranch[]; rules: GuideRuleList }): Promise<void>;
}
