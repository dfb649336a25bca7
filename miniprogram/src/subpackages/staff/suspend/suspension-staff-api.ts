import { sessionSuspensionViewSchema } from '@jiuyi/shared';
import type { SessionSuspensionView } from '@jiuyi/shared';
import { authedRequest } from '../../../api/session';

const sessionPath = (id: string) => `/v1/sessions/${encodeURIComponent(id)}`;

/**
 * POST /v1/sessions/{id}/suspend — 停诊: every booking gets an offer and a message (门诊部).
 * Without `makeUpSessionId` the server offers the doctor's next open session as 补诊.
 */
export async function suspendSession(
  sessionId: string,
  reason: string,
  makeUpSessionId?: string,
): Promise<SessionSuspensionView> {
  return authedRequest(`${sessionPath(sessionId)}/suspend`, sessionSuspensionViewSchema, {
    method: 'POST',
    body: makeUpSessionId ? { reason, makeUpSessionId } : { reason },
  });
}

/** GET /v1/sessions/{id}/suspension — the suspension and each displaced booking's outcome. */
export async function getSessionSuspension(sessionId: string): Promise<SessionSuspensionView> {
  return authedRequest(`${sessionPath(sessionId)}/suspension`, sessionSuspensionViewSchema);
}
