import { z } from 'zod';
import { freeTextProblem, type FreeTextProblem, type FreeTextRule } from '../domain/text/free-text';

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

/**
 * A free-text field (a reason, a display name): trimmed (full-width spaces too), then refused when blank,
 * shorter than `min` or longer than `max` characters (code points), or holding control characters
 * (line breaks only where `multiline`), bidirectional overrides or lone surrogates. `label` names the
 * field in the Chinese messages; `messages` keeps a field's established wording where it has one.
 */
export function freeText(
  rule: FreeTextRule & { label: string; messages?: Partial<Record<FreeTextProblem, string>> },
) {
  const { label } = rule;
  const wording: Record<FreeTextProblem, string> = {
    blank: `请填写${label}`,
    too_short: `请填写${label}（至少 ${rule.min ?? 1} 个字）`,
    too_long: `${label}最多 ${rule.max} 个字`,
    control: `${label}不能包含控制字符或不可见的排版字符`,
    invalid_unicode: `${label}包含无效字符`,
    ...rule.messages,
  };
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .superRefine((text, ctx) => {
      const problem = freeTextProblem(text, rule);
      if (problem) ctx.addIssue({ code: 'custom', message: wording[problem], params: { reason: problem } });
    });
}
