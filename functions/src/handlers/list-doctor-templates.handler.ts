import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { listDoctorTemplates } from '../use-cases/catalogue/edit-templates';
import { doctorIdParams } from './clinic-params';

/** GET /v1/admin/doctors/{id}/templates — a doctor's weekly clinic templates (admin). */
export const handler = defineHandler(
  { access: ['admin'], params: doctorIdParams, query: z.strictObject({}) },
  async ({ params, deps }) => listDoctorTemplates(deps, params.id, deps.now()),
);
