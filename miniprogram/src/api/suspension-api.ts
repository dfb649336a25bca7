import { suspensionOfferViewSchema } from '@jiuyi/shared';
import type { SuspensionChoice, SuspensionOfferView } from '@jiuyi/shared';
import { ApiError } from './client';
import { authedRequest } from './session';

const offerPath = (id: string) => `/v1/appointments/${encodeURIComponent(id)}`;

/** GET /v1/appointments/{id}/suspension-offer — what a 停诊 offers this booking; undefined when not suspended. */
export async function getSuspensionOffer(appointmentId: string): Promise<SuspensionOfferView | undefined> {
  try {
    return await authedRequest(`${offerPath(appointmentId)}/suspension-offer`, suspensionOfferViewSchema);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'ROUTE_NOT_FOUND'))
      return undefined;
    throw error;
  }
}

/** POST /v1/appointments/{id}/suspension-choice — 替诊, 补诊 or 退号. */
export async function chooseSuspensionOption(
  appointmentId: string,
  choice: SuspensionChoice,
): Promise<SuspensionOfferView> {
  return authedRequest(`${offerPath(appointmentId)}/suspension-choice`, suspensionOfferViewSchema, {
    method: 'POST',
    body: { choice },
  });
}
