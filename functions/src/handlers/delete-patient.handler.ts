import { defineHandler } from '../http/define-handler';
import { deletePatient } from '../use-cases/patients/manage-patients';
import { holdOrderCloser } from './hold-order-closer';
import { patientIdParams } from './params';

/** DELETE /v1/patients/{id} — remove a profile and free its identity. */
export const handler = defineHandler(
  { access: ['patient'], params: patientIdParams, status: 204 },
  async ({ params, principal, deps }) => {
    const now = deps.now();
    // An expired hold still counted on the profile is released first, its WeChat order closed.
    await deletePatient(
      { ...deps, closeHoldOrder: holdOrderCloser(deps, now) },
      principal.accountId,
      params.id,
      now,
    );
    return null;
  },
);
