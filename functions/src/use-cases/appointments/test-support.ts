import type { AppointmentRecord } from '../../ports/appointment-store';

/**
 * An unpaid chief-physician appointment for the afternoon of Monday 20 October 2025, booked at
 * 09:00 on the 13th with a 15-minute hold (test helper); `overrides` change what a test is about.
 */
export function makeAppointment(overrides: Partial<AppointmentRecord> = {}): AppointmentRecord {
  return {
    id: '6f1c1f0e-8a4e-4d4a-9c57-3b0b7f3f2a11',
    accountId: 'acc-1',
    patientId: '0b8e2f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    patientName: '张三',
    identityIndex: 'c0ffee-identity-of-zhang-san',
    slotId: 'doc-a_2025-10-20_pm_1300',
    sessionId: 'doc-a_2025-10-20_pm',
    departmentId: 'dept-x',
    departmentName: '脊柱外科',
    doctorId: 'doc-a',
    doctorName: '韩立诚',
    doctorTitle: 'chief_physician',
    date: '2025-10-20',
    period: 'pm',
    start: '2025-10-20T13:00:00.000+08:00',
    end: '2025-10-20T13:30:00.000+08:00',
    feeFen: 5000,
    status: 'pending_payment',
    holdExpiresAt: '2025-10-13T09:15:00.000+08:00',
    createdAt: '2025-10-13T09:00:00.000+08:00',
    updatedAt: '2025-10-13T09:00:00.000+08:00',
    ...overrides,
  };
}
