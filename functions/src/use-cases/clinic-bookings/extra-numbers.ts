import { randomUUID } from 'node:crypto';
import {
  DomainError,
  maskIdNumber,
  sessionEndsAt,
  toShanghaiIso,
  type AppointmentView,
  type ExtraNumberEntry,
  type IdDocumentType,
  type Principal,
} from '@jiuyi/shared';
import type { CatalogueStore } from '../../ports/catalogue-store';
import type { ClinicBookingStore, ExtraNumberRecord } from '../../ports/clinic-booking-store';
import type { ScheduleStore, SlotRecord } from '../../ports/schedule-store';
import type { SuspendableSession, SuspensionStore } from '../../ports/suspension-store';
import { toAppointmentView } from '../appointments/appointment-view';
import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../appointments/booking-policy';
import { findPatientByDocument, requireLinkedDoctor, type PatientLookupPorts } from './clinic-patient';
import { doctorBookingMessage } from './clinic-messages';
import { doctorBookingRecord } from './doctor-booking-record';

export interface ExtraNumberPorts extends PatientLookupPorts {
  catalogue: CatalogueStore;
  schedule: ScheduleStore;
  suspensions: SuspensionStore;
  clinicBookings: ClinicBookingStore;
}

/** Staff roles that may read any session's extra-number log. */
const STAFF_ROLES = new Set(['outpatient_staff', 'admin']);

async function ownSession(
  ports: ExtraNumberPorts,
  principal: Principal,
  sessionId: string,
): Promise<SuspendableSession> {
  const session = await ports.suspensions.getSession(sessionId);
  if (!session) throw new DomainError('NOT_FOUND');
  if (STAFF_ROLES.has(principal.role)) return session;
  const doctor = await requireLinkedDoctor(ports.catalogue, principal);
  if (doctor.id !== session.doctorId)
    throw new DomainError('FORBIDDEN', { message: '只能为本人的出诊单元加号或查看加号记录' });
  return session;
}

/** The slot the extra patient is seen in: the one asked for, else the session's last (seen after the booked numbers). */
async function pickSlot(
  ports: ExtraNumberPorts,
  session: SuspendableSession,
  slotId?: string,
): Promise<SlotRecord> {
  if (slotId) {
    const slot = await ports.schedule.getSlot(slotId);
    if (!slot || slot.sessionId !== session.id) {
      throw new DomainError('VALIDATION_FAILED', {
        details: { in: 'body', fields: { slotId: '该时段不属于此出诊单元' } },
      });
    }
    return slot;
  }
  const rows = await ports.suspensions.listDepartmentSessions(
    session.departmentId,
    session.date,
    session.date,
  );
  const slots = rows.find((r) => r.session.id === session.id)?.slots ?? [];
  const last = [...slots].sort((a, b) => b.start.localeCompare(a.start))[0];
  if (!last) throw new DomainError('NOT_FOUND');
  return last;
}

/**
 * A doctor adds a number beyond capacity for a named patient (加号, Beijing art. 11).
 * 1. Only the session's own doctor, and only before the session ends.
 * 2. The patient is found by the ID document they present (blind index), never by a typed name.
 * 3. One transaction: the session's issued count stays within the limit, the appointment (owned by
 *    the patient's account, usual fee) with its guard and day counters, the audit entry, the message.
 */
export async function addExtraNumber(
  ports: ExtraNumberPorts,
  request: {
    principal: Principal;
    sessionId: string;
    patient: { idType: IdDocumentType; idNumber: string };
    reason: string;
    slotId?: string;
  },
  now: Date,
  options: { limit: number; policy?: BookingPolicy },
): Promise<{ appointment: AppointmentView; entry: ExtraNumberEntry }> {
  const session = await ownSession(ports, request.principal, request.sessionId);
  if (now.getTime() >= sessionEndsAt(session.date, session.period).getTime())
    throw new DomainError('SESSION_ENDED');
  if (session.status !== 'open') throw new DomainError('SESSION_SUSPENDED');
  const [patient, slot] = await Promise.all([
    findPatientByDocument(ports, request.patient, now),
    pickSlot(ports, session, request.slotId),
  ]);
  const policy = options.policy ?? DEFAULT_BOOKING_POLICY;
  const appointment = doctorBookingRecord(
    { patient, slot, pool: 'beyond_capacity', via: 'extra_number', byAccountId: request.principal.accountId },
    now,
    policy,
  );
  const entry: ExtraNumberRecord = {
    id: randomUUID(),
    sessionId: session.id,
    appointmentId: appointment.id,
    slotId: slot.id,
    patientId: patient.id,
    patientName: patient.name,
    idNumberMasked: maskIdNumber(patient.idType, patient.idNumber),
    reason: request.reason,
    issuedByAccountId: request.principal.accountId,
    issuedByDoctorId: session.doctorId,
    issuedAt: toShanghaiIso(now),
  };
  await ports.clinicBookings.addExtraNumber(
    appointment,
    entry,
    options.limit,
    policy.limits,
    doctorBookingMessage(appointment, now),
  );
  return { appointment: toAppointmentView(appointment, now), entry };
}

/** The session's extra-number log, for its own doctor and for outpatient staff. */
export async function listExtraNumbers(
  ports: ExtraNumberPorts,
  principal: Principal,
  sessionId: string,
  limit: number,
): Promise<{ items: ExtraNumberEntry[]; limit: number; issued: number }> {
  await ownSession(ports, principal, sessionId);
  const { items, issued } = await ports.clinicBookings.listExtraNumbers(sessionId);
  return { items, limit, issued };
}
