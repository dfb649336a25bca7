import { z } from 'zod';
import { scheduleIdSchema } from '@jiuyi/shared';

/** Catalogue doctor ids are short slugs such as `doc-spine-01`. */
export const doctorIdParams = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '医生编号格式不正确' }),
});

/** Session ids are generated from doctor, date and period. */
export const sessionIdParams = z.object({ id: scheduleIdSchema });

/** Roles that run the outpatient department's suspensions. */
export const OUTPATIENT_STAFF = ['outpatient_staff', 'admin'] as const;

/** Roles that see patients in a consulting room of this hospital. */
export const CONSULTING_DOCTORS = ['clinic_doctor', 'expert'] as const;
