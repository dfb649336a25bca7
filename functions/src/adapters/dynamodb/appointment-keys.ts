/**
 * Key builders of the catalogue, schedule and appointments (candidates for table.ts).
 * Sessions and slots of a department share gsi1 partition `SESSIONS#<department>`, sorted by
 * `<date>#<period>#<doctor>#…`, so one query returns a date range with its remaining numbers.
 * Each slot is its own partition: the hottest key at the 08:00 release is one slot, not a session.
 */
export const scheduleKeys = {
  catalogue: 'CATALOGUE',
  department: (id: string) => ({ pk: 'CATALOGUE', sk: `DEPARTMENT#${id}` }),
  doctor: (departmentId: string, id: string) => ({ pk: 'CATALOGUE', sk: `DOCTOR#${departmentId}#${id}` }),
  template: (doctorId: string, weekday: number, period: string) => ({
    pk: 'CATALOGUE',
    sk: `TEMPLATE#${doctorId}#${weekday}#${period}`,
  }),
  session: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'SESSION' }),
  slot: (slotId: string) => ({ pk: `SLOT#${slotId}`, sk: 'SLOT' }),
  departmentSessions: (departmentId: string) => `SESSIONS#${departmentId}`,
  sessionSort: (date: string, period: string, doctorId: string) => `${date}#${period}#${doctorId}#SESSION`,
  slotSort: (date: string, period: string, doctorId: string, start: string) =>
    `${date}#${period}#${doctorId}#SLOT#${start}`,
};

/** Appointments live in the account's partition, so "own only" is a key, not a filter. */
export const appointmentKeys = {
  appointment: (accountId: string, id: string) => ({ pk: `ACCOUNT#${accountId}`, sk: `APPOINTMENT#${id}` }),
  /** gsi1: an appointment by id alone (the desk undoing a void). */
  byId: (id: string) => `APPOINTMENT#${id}`,
  idempotency: (accountId: string, key: string) => ({ pk: `ACCOUNT#${accountId}`, sk: `IDEMPOTENCY#${key}` }),
  /**
   * One number per person per session, keyed by the identity (the blind index of the ID document),
   * not the profile: deleting a 就诊人 and adding the same document again does not free it.
   */
  sessionGuard: (a: { sessionId: string; identityIndex: string }) => ({
    pk: `SESSIONGUARD#${a.sessionId}#${a.identityIndex}`,
    sk: 'GUARD',
  }),
  /** Active bookings of one person on one day (the per-patient day limit), keyed by the identity. */
  identityDay: (a: { identityIndex: string; date: string }) => ({
    pk: `BOOKINGCOUNT#${a.identityIndex}#${a.date}`,
    sk: 'PATIENT',
  }),
  /**
   * What one profile holds (appointments holding a number and waitlist places), beside the profile
   * in its account's partition: the profile can only be deleted while it is zero.
   */
  patientBookings: (accountId: string, patientId: string) => ({
    pk: `ACCOUNT#${accountId}`,
    sk: `PATIENTBOOKINGS#${patientId}`,
  }),
  accountDay: (accountId: string, date: string) => ({
    pk: `ACCOUNT#${accountId}`,
    sk: `BOOKINGCOUNT#${date}`,
  }),
  /** gsi1 partition of a session's guards: its active bookings (see capacity-items.ts). */
  sessionBookings: (sessionId: string) => `SESSIONBOOKINGS#${sessionId}`,
  /** Sparse gsi2 partition of unpaid holds, sorted by expiry, for the scheduled release. */
  holds: 'HOLDS',
  /** Sparse gsi2 partition of cancelled paid bookings whose refund the payment module has yet to start. */
  refundsDue: 'REFUNDS#due',
  /** A session's audit log of voids undone at the desk, in time order. */
  voidUndoAudit: (sessionId: string, at: string, appointmentId: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `VOIDUNDO#${at}#${appointmentId}`,
  }),
};
