import {
  guideBranchListResponseSchema,
  guideServiceListResponseSchema,
  guideServiceSchema,
} from '@jiuyi/shared';
import type { GuideBranch, GuideRuleList, GuideService } from '@jiuyi/shared';
import { request } from './client';

export interface GuideServiceList {
  items: GuideService[];
  rules: GuideRuleList;
}

/** GET /v1/guide/services — every service, or those matching `q`, with the 禁止办理/容缺受理 lists. */
export async function listGuideServices(q?: string): Promise<GuideServiceList> {
  const query = q?.trim() ? { q: q.trim() } : undefined;
  const { items, rules } = await request('/v1/guide/services', guideServiceListResponseSchema, { query });
  return { items, rules };
}

/** GET /v1/guide/services/{id} — one service with its steps, materials, places and phones. */
export async function getGuideService(id: string): Promise<GuideService> {
  return request(`/v1/guide/services/${encodeURIComponent(id)}`, guideServiceSchema);
}

/** GET /v1/guide/branches — campuses, branches, community centres and alliance members. */
export async function listGuideBranches(): Promise<GuideBranch[]> {
  const { items } = await request('/v1/guide/branches', guideBranchListResponseSchema);
  return items;
}
