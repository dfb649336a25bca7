import { appointmentViewSchema, waitlistEntryViewSchema, waitlistListResponseSchema } from '@jiuyi/shared';
import type { AppointmentView, WaitlistEntryView } from '@jiuyi/shared';
import { authedRequest } from './session';

/**
 * POST /v1/sessions/{id}/waitlist — joins a full session's queue (候补) for one patient. The caller
 * keeps `idempotencyKey` for the attempt, so a retry after a lost answer keeps one place in line.
 */
export async function joinWaitlist(
  sessionId: string,
  patientId: string,
  idempotencyKey: string,
): Promise<WaitlistEntryView> {
  return authedRequest(`/v1/sessions/${encodeURIComponent(sessionId)}/waitlist`, waitlistEntryViewSchema, {
    method: 'POST',
    body: { patientId },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** GET /v1/waitlist — the account's 候补 entries. */
export async function listWaitlist(): Promise<WaitlistEntryView[]> {
  const { items } = await authedRequest('/v1/waitlist', waitlistListResponseSchema);
  return items;
}

/** POST /v1/waitlist/{id}/cancel — leaves the queue while still waiting. */
export async function leaveWaitlist(entryId: string): Promise<WaitlistEntryView> {
  return authedRequest(`/v1/waitlist/${encodeURIComponent(entryId)}/cancel`, waitlistEntryViewSchema, {
    method: 'POST',
    body: {},
  });
}

/** POST /v1/waitlist/{id}/confirm — takes a free (fee 0) number offered from the waitlist. */
export async function confirmWaitlistOffer(entryId: string): Promise<AppointmentView> {
  return authedRequest(`/v1/waitlist/${encodeURIComponent(entryId)}/confirm`, appointmentViewSchema, {
    method: 'POST',
    body: {},
  });
}
