import { z } from 'zod';
import { listOf } from './common.schema';

export const phoneContactSchema = z.object({
  label: z.string(),
  number: z.string(),
  extension: z.string().optional(),
});

export const requiredDocumentSchema = z.object({
  name: z.string(),
  suppliedBy: z.string(),
  note: z.string().optional(),
});

export const serviceChannelSchema = z.enum(['window', 'online', 'phone', 'self_service']);

export const guideServiceSchema = z.object({
  id: z.string(),
  order: z.number().int(),
  name: z.string(),
  summary: z.string(),
  icon: z.string(),
  steps: z.array(z.string()),
  requiredDocuments: z.array(requiredDocumentSchema),
  channels: z.array(serviceChannelSchema),
  locations: z.array(z.string()),
  hours: z.array(z.string()),
  phones: z.array(phoneContactSchema),
  notes: z.array(z.string()),
  keywords: z.array(z.string()),
});

export const guideBranchSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['campus', 'branch', 'community_centre', 'alliance_member']),
  address: z.string(),
  phones: z.array(phoneContactSchema),
});

export const guideRuleListSchema = z.object({
  prohibited: z.array(z.object({ title: z.string(), detail: z.string() })),
  toleratedMissing: z.array(z.object({ title: z.string(), detail: z.string() })),
});

export const listGuideServicesQuerySchema = z.strictObject({
  q: z.string().trim().max(30, { message: '搜索关键词最多 30 个字' }).optional(),
});

export const guideServiceListResponseSchema = listOf(guideServiceSchema).extend({
  rules: guideRuleListSchema,
});
export const guideBranchListResponseSchema = listOf(guideBranchSchema);

export type GuideService = z.infer<typeof guideServiceSchema>;
export type GuideBranch = z.infer<typeof guideBranchSchema>;
export type GuideRuleList = z.infer<typeof guideRuleListSchema>;
export type PhoneContact = z.infer<typeof phoneContactSchema>;
