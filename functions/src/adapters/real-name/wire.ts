import { z } from 'zod';

/**
 * The wire protocol of a typical two-factor real-name service (身份证二要素核验), as the API markets
 * sell it: `POST <base>/idcard/verify` with a form body `name=…&idcard=…` and the header
 * `Authorization: APPCODE <code>`; the answer is `{ code, message, result: { res, description } }`
 * where `code` 0 means the query ran and `res` is 1 一致 (match), 2 不一致 (mismatch) or 3 无记录
 * (no record). Any other answer, a non-2xx status or no answer is "could not say".
 */
export const REAL_NAME_PATH = '/idcard/verify';

export const REAL_NAME_RESULT = { match: 1, mismatch: 2, noRecord: 3 } as const;

export const realNameResponseSchema = z.object({
  code: z.coerce.number().int(),
  message: z.string().optional(),
  result: z.object({ res: z.coerce.number().int(), description: z.string().optional() }).optional(),
});
export type RealNameResponse = z.infer<typeof realNameResponseSchema>;

export const realNameRequestSchema = z.object({
  name: z.string().min(1).max(64),
  idcard: z.string().regex(/^\d{17}[\dX]$/),
});
