import { z } from 'zod';
import { staffCheckInBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { staffCheckIn } from '../use-cases/check-in/check-in';

/** POST /v1/check-ins — the desk scans the QR code and checks the presented ID against the booked patient. */
export const handler = defineHandler(
  { access: ['outpatient_staff', 'admin'], body: staffCheckInBodySchema, query: z.strictObject({}) },
  async ({ body, deps }) => staffCheckIn(deps, body, deps.now()),
);
