import { z } from 'zod';
import { clinicBookingBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { bookInClinic } from '../use-cases/clinic-bookings/book-in-clinic';
import { CONSULTING_DOCTORS } from './clinic-params';

/** POST /v1/clinic-bookings — a doctor books the patient in front of them (诊间预约). */
export const handler = defineHandler(
  { access: CONSULTING_DOCTORS, body: clinicBookingBodySchema, query: z.strictObject({}), status: 201 },
  async ({ body, principal, deps }) => bookInClinic(deps, { principal, ...body }, deps.now()),
);
