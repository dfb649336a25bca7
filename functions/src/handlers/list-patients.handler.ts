import { z } from 'zod';
import { defineHandler } from '../http/define-handler';
import { toPatientView } from '../use-cases/patients/manage-patients';

/** GET /v1/patients — the account's own 就诊人, masked. */
export const handler = defineHandler(
  { access: ['patient'], query: z.strictObject({}) },
  async ({ principal, deps }) => ({
    items: (await deps.patients.list(principal.accountId)).map(toPatientView),
  }),
);
