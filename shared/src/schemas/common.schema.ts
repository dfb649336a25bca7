import { z } from 'zod';

/** `YYYY-MM-DD` in Asia/Shanghai. */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });

/** ISO 8601 with the +08:00 offset, as the contract fixes. */
export const shanghaiTimestampSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/, {
    message: '时间须为 +08:00 时区的 ISO 8601 格式',
  });

export const idSchema = z.string().min(1).max(64);

/**
 * Give this to a cross-field `.refine`/`.superRefine` on an object: zod 4 runs an object's refinements
 * even after one of its fields failed, so a rule would otherwise read values its own fields refused
 * (`from=2026-02-30` reached the date arithmetic and threw). With it the rule runs only when every field
 * passed; the field's own issue is the answer otherwise.
 */
export const onceFieldsValid = {
  when: (payload: z.core.ParsePayload): boolean => payload.issues.length === 0,
} as const;

/** Every list is `{ items, nextCursor? }`. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

export const healthResponseSchema = z.object({ status: z.literal('ok') });

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
