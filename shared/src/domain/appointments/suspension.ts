import type { DoctorTitle } from '../../schemas/catalogue.schema';
import { DOCTOR_TITLES } from './doctor-titles';

/** What a patient displaced by a suspension (停诊) may choose (Beijing art. 23). */
export const SUSPENSION_CHOICES = ['substitute', 'makeup', 'cancel'] as const;
export type SuspensionChoice = (typeof SUSPENSION_CHOICES)[number];

/** An offer is answered by the patient up to this long before the session would have started… */
const ANSWER_BEFORE_START_MS = 2 * 3600_000;
/** …but always gets at least this long to answer, and never waits longer than a day. */
const MIN_ANSWER_MS = 30 * 60_000;
const MAX_ANSWER_MS = 24 * 3600_000;

/** True when `candidate` is the same title as `original` or more senior (DOCTOR_TITLES is most senior first). */
export function isSameOrMoreSenior(candidate: DoctorTitle, original: DoctorTitle): boolean {
  return DOCTOR_TITLES.indexOf(candidate) <= DOCTOR_TITLES.indexOf(original);
}

export interface SubstituteCandidate {
  slotId: string;
  sessionId: string;
  doctorId: string;
  doctorTitle: DoctorTitle;
  /** `+08:00` ISO start of the slot. */
  start: string;
  /** Online numbers still free in the slot. */
  remaining: number;
}

/**
 * Substitute slots for a displaced booking, best first: another doctor of the same or a more senior
 * title in the same department and half day (the caller passes only those sessions), with a free
 * number. Closest start time first, so the patient's plans change least; then the title closest to
 * the one booked; then the earlier slot, so the order is total and every run agrees.
 */
export function rankSubstituteSlots(
  original: { doctorId: string; doctorTitle: DoctorTitle; start: string },
  candidates: readonly SubstituteCandidate[],
): SubstituteCandidate[] {
  const at = new Date(original.start).getTime();
  const gap = (c: SubstituteCandidate) => Math.abs(new Date(c.start).getTime() - at);
  const seniority = (c: SubstituteCandidate) =>
    DOCTOR_TITLES.indexOf(original.doctorTitle) - DOCTOR_TITLES.indexOf(c.doctorTitle);
  return candidates
    .filter(
      (c) =>
        c.doctorId !== original.doctorId &&
        c.remaining > 0 &&
        isSameOrMoreSenior(c.doctorTitle, original.doctorTitle),
    )
    .sort(
      (a, b) =>
        gap(a) - gap(b) ||
        seniority(a) - seniority(b) ||
        a.start.localeCompare(b.start) ||
        a.slotId.localeCompare(b.slotId),
    );
}

/**
 * When an unanswered offer is settled by default: two hours before the suspended session would have
 * started, so a substitute can still be reached in time; but the patient always gets at least 30
 * minutes (a same-day suspension) and never more than 24 hours (a suspension days ahead).
 */
export function suspensionOfferDeadline(suspendedAt: Date, sessionStart: Date): Date {
  const wanted = sessionStart.getTime() - ANSWER_BEFORE_START_MS;
  const earliest = suspendedAt.getTime() + MIN_ANSWER_MS;
  const latest = suspendedAt.getTime() + MAX_ANSWER_MS;
  return new Date(Math.min(latest, Math.max(earliest, wanted)));
}

/**
 * The choice applied when the patient does not answer by the deadline: the reserved substitute
 * (same day, same time, same or better title: the visit the patient planned, with another doctor);
 * without one, cancellation with a refund, because a make-up day the patient never agreed to would
 * likely become a no-show counted against them.
 */
export function defaultSuspensionChoice(offer: { substituteReserved: boolean }): SuspensionChoice {
  return offer.substituteReserved ? 'substitute' : 'cancel';
}

/** The choices open to the patient: cancellation always; the others when they exist. */
export function availableSuspensionChoices(offer: {
  substituteReserved: boolean;
  makeUpAvailable: boolean;
}): SuspensionChoice[] {
  return SUSPENSION_CHOICES.filter(
    (c) =>
      c === 'cancel' ||
      (c === 'substitute' && offer.substituteReserved) ||
      (c === 'makeup' && offer.makeUpAvailable),
  );
}
