import type { WaitlistEntryView } from '@jiuyi/shared';
import type { WaitlistEntryRecord } from '../../ports/waitlist-store';

/** The contract shape of an entry; `ahead` only while it is still waiting. */
export function toWaitlistEntryView(e: WaitlistEntryRecord, ahead?: number): WaitlistEntryView {
  return {
    id: e.id,
    sessionId: e.sessionId,
    patientId: e.patientId,
    patientName: e.patientName,
    status: e.status,
    position: e.seq,
    ...(e.status === 'waiting' && ahead !== undefined ? { ahead } : {}),
    date: e.date,
    period: e.period,
    department: { id: e.departmentId, name: e.departmentName },
    doctor: { id: e.doctorId, name: e.doctorName, title: e.doctorTitle },
    ...(e.appointmentId ? { appointmentId: e.appointmentId } : {}),
    ...(e.offerExpiresAt ? { offerExpiresAt: e.offerExpiresAt } : {}),
    ...(e.skipReason ? { skipReason: e.skipReason } : {}),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
