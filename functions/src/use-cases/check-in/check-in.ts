import {
  assertCheckInOpen,
  DomainError,
  sessionEndsAt,
  toShanghaiIso,
  validateIdDocument,
  type AppointmentView,
  type CheckInCodeResponse,
  type IdDocumentType,
} from '@jiuyi/shared';
import type { AppointmentRecord, AppointmentStore } from '../../ports/appointment-store';
import type { CheckInCodes } from '../../ports/check-in-codes';
import type { CheckInStore } from '../../ports/check-in-store';
import type { FieldCipher } from '../../ports/field-cipher';
import type { PatientStore } from '../../ports/patient-store';
import { checkedInMessage } from '../appointments/appointment-messages';
import { toAppointmentView } from '../appointments/appointment-view';
import { identityKey } from '../patients/manage-patients';
import type { PaymentPorts } from '../payments/payment-ports';
import { voidForIdentityMismatch, type DeskActor } from './void-booking';

export interface CheckInPorts {
  appointments: AppointmentStore;
  patients: PatientStore;
  checkIns: CheckInStore;
  checkInCodes: CheckInCodes;
  cipher: FieldCipher;
}

function assertBooked(a: AppointmentRecord): void {
  if (a.status !== 'booked')
    throw new DomainError('APPOINTMENT_NOT_CHECKABLE', { details: { status: a.status } });
}

async function ownAppointment(
  ports: CheckInPorts,
  accountId: string,
  id: string,
): Promise<AppointmentRecord> {
  const a = await ports.appointments.get(accountId, id);
  if (!a) throw new DomainError('NOT_FOUND');
  return a;
}

/**
 * Gives a booked appointment its queue number. The number is taken first from an atomic counter,
 * then the status moves conditioned on `booked`; losing that race (a double scan) leaves a gap in
 * the numbers but never hands one number out twice.
 */
async function checkIn(
  ports: CheckInPorts,
  a: AppointmentRecord,
  by: 'patient' | 'staff',
  now: Date,
): Promise<AppointmentView> {
  const queueNumber = await ports.checkIns.nextQueueNumber(a.sessionId);
  const at = toShanghaiIso(now);
  const change = { queueNumber, at, by };
  if (!(await ports.checkIns.checkIn(a, change, [checkedInMessage(a, queueNumber, now)]))) {
    throw new DomainError('APPOINTMENT_STATUS_CONFLICT');
  }
  return toAppointmentView(
    { ...a, status: 'checked_in', queueNumber, checkedInAt: at, checkedInBy: by, updatedAt: at },
    now,
  );
}

/** The patient's QR code for the desk: a short-lived signed code of one booked appointment. */
export async function issueCheckInCode(
  ports: CheckInPorts,
  accountId: string,
  appointmentId: string,
  now: Date,
): Promise<CheckInCodeResponse> {
  const a = await ownAppointment(ports, accountId, appointmentId);
  assertBooked(a);
  if (now.getTime() >= new Date(a.end).getTime()) throw new DomainError('CHECK_IN_CLOSED');
  const { token, expiresAt } = await ports.checkInCodes.issue({ accountId, appointmentId }, now);
  return { token, expiresAt: toShanghaiIso(expiresAt) };
}

/**
 * The patient checks in on the phone (own booked appointment, inside the slot's window: from
 * 30 minutes before the slot to its end). The account is real-name, so no document is shown.
 */
export async function selfCheckIn(
  ports: CheckInPorts,
  accountId: string,
  appointmentId: string,
  now: Date,
): Promise<AppointmentView> {
  const a = await ownAppointment(ports, accountId, appointmentId);
  assertBooked(a);
  assertCheckInOpen(new Date(a.start), new Date(a.end), now);
  return checkIn(ports, a, 'patient', now);
}

/**
 * The desk's check-in window: the slot's, except for a number restored by undoing a void, whose
 * patient was already at the desk in time, so it stays open until the session ends.
 */
function deskWindowEnd(a: AppointmentRecord): Date {
  return a.restoredFromAppointmentId ? sessionEndsAt(a.date, a.period) : new Date(a.end);
}

/**
 * Staff scan the patient's code and check the presented ID document (Beijing art. 20–21).
 * 1. The code must be valid and unexpired; the appointment booked and inside its window.
 * 2. A malformed document number is a typing error (400), not a mismatch.
 * 3. The document's blind index must equal the booked patient's; otherwise the booking is voided
 *    through the release a cancel uses: number, guard and counters given back, a paid fee refunded
 *    in full, the patient told (`voidForIdentityMismatch`); the answer says so. Staff may undo it
 *    within the session (`undoVoid`).
 * 4. On a match the patient is checked in with a queue number.
 */
export async function staffCheckIn(
  ports: CheckInPorts & { money: PaymentPorts },
  actor: DeskActor,
  input: { token: string; idType: IdDocumentType; idNumber: string },
  now: Date,
): Promise<AppointmentView> {
  const claims = await ports.checkInCodes.verify(input.token, now);
  const a = await ports.appointments.get(claims.accountId, claims.appointmentId);
  if (!a) throw new DomainError('CHECK_IN_CODE_INVALID');
  assertBooked(a);
  assertCheckInOpen(new Date(a.start), deskWindowEnd(a), now);
  const checked = validateIdDocument(input.idType, input.idNumber, now);
  if (!checked.ok) {
    throw new DomainError('VALIDATION_FAILED', {
      details: { in: 'body', fields: { idNumber: checked.message } },
    });
  }
  const patient = await ports.patients.get(a.accountId, a.patientId);
  if (!patient) throw new DomainError('NOT_FOUND');
  const presented = ports.cipher.blindIndex(identityKey(input.idType, checked.normalised));
  if (presented !== patient.identityIndex) {
    if (!(await voidForIdentityMismatch(ports, a, actor, now))) {
      throw new DomainError('APPOINTMENT_STATUS_CONFLICT');
    }
    throw new DomainError('CHECK_IN_IDENTITY_MISMATCH', {
      details: { appointmentId: a.id, status: 'voided' },
    });
  }
  return checkIn(ports, a, 'staff', now);
}
