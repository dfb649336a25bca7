import { z } from 'zod';
import { putDoctorTemplatesBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { replaceDoctorTemplates } from '../use-cases/catalogue/edit-templates';
import { doctorIdParams } from './clinic-params';

/** PUT /v1/admin/doctors/{id}/templates — replace a doctor's week; sessions not yet materialised follow it. */
export const handler = defineHandler(
  {
    access: ['admin'],
    params: doctorIdParams,
    body: putDoctorTemplatesBodySchema,
    query: z.strictObject({}),
  },
  async ({ params, body, deps }) => replaceDoctorTemplates(deps, params.id, body, deps.now()),
);
