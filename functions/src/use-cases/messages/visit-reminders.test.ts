import type { AppointmentRecord } from '../../ports/appointment-store';
import { visitReminderTimers } from './visit-reminders';

const KEY = { pk: 'ACCOUNT#acc-1', sk: 'APPOINTMENT#appt-1' };

function makeAppointment(overrides: Partial<AppointmentRecord> = {}): AppointmentRecord {
  return {
    id: 'appt-1',
    accountId: 'acc-1',
    patientId: 'p-1',
    patientName: '张三',
    identityIndex: 'identity-p-1',
    slotId: 'slot-1',
    sessionId: 's-1',
    departmentId: 'dept-ortho',
    departmentName: '骨科',
    doctorId: 'doc-1',
    doctorName: '李医生',
    doctorTitle: 'chief_physician',
    date: '2026-03-01',
    period: 'am',
    start: '2026-03-01T08:00:00.000+08:00',
    end: '2026-03-01T08:20:00.000+08:00',
    feeFen: 5000,
    status: 'booked',
    createdAt: '2026-02-25T10:00:00.000+08:00',
    updatedAt: '2026-02-25T10:00:00.000+08:00',
    ...overrides,
  };
}

const schedule = (a: AppointmentRecord) =>
  visitReminderTimers(a, KEY).map((t) => [t.step, t.dueAt, t.message.kind] as const);

describe('visitReminderTimers (Asia/Shanghai)', () => {
  it('for the first morning slot of 1 March: 20:00 on 28 February (across the month end) and 07:30', () => {
    expect(schedule(makeAppointment())).toEqual([
      ['evening-before', '2026-02-28T20:00:00.000+08:00', 'visit_reminder_evening'],
      ['slot-soon', '2026-03-01T07:30:00.000+08:00', 'visit_reminder_soon'],
    ]);
  });

  it('for the first afternoon slot the 30-minute reminder falls in the lunch break, at 12:30', () => {
    const a = makeAppointment({ period: 'pm', start: '2026-03-01T13:00:00.000+08:00' });
    expect(schedule(a)).toEqual([
      ['evening-before', '2026-02-28T20:00:00.000+08:00', 'visit_reminder_evening'],
      ['slot-soon', '2026-03-01T12:30:00.000+08:00', 'visit_reminder_soon'],
    ]);
  });

  it('for a visit on 1 January reminds on New Year’s Eve at 20:00 Shanghai, which is 12:00 UTC', () => {
    const a = makeAppointment({ date: '2027-01-01', start: '2027-01-01T08:00:00.000+08:00' });
    const [evening] = visitReminderTimers(a, KEY);
    expect(evening?.dueAt).toBe('2026-12-31T20:00:00.000+08:00');
    expect(new Date(evening?.dueAt ?? '').toISOString()).toBe('2026-12-31T12:00:00.000Z');
  });

  it('leaves out the evening reminder for a booking made at 20:00 or later the day before', () => {
    const at20 = makeAppointment({ createdAt: '2026-02-28T20:00:00.000+08:00' });
    const justBefore = makeAppointment({ createdAt: '2026-02-28T19:59:59.999+08:00' });
    expect(schedule(at20).map(([step]) => step)).toEqual(['slot-soon']);
    expect(schedule(justBefore).map(([step]) => step)).toEqual(['evening-before', 'slot-soon']);
  });

  it('leaves out the 30-minute reminder for a booking made inside the last 30 minutes', () => {
    const a = makeAppointment({ createdAt: '2026-03-01T07:45:00.000+08:00' });
    expect(schedule(a)).toEqual([]);
  });

  it('guards each reminder on the appointment status and drops it once the visit has begun', () => {
    // Act
    const [evening, soon] = visitReminderTimers(makeAppointment(), KEY);
    // Assess
    expect(evening?.guard).toEqual({ key: KEY, attribute: 'data.status', oneOf: ['booked'] });
    expect(soon?.guard).toEqual(evening?.guard);
    expect(evening?.notAfter).toBe('2026-03-01T08:00:00.000+08:00');
    expect(soon?.notAfter).toBe('2026-03-01T08:00:00.000+08:00');
    expect(evening?.message).toMatchObject({
      recipientAccountId: 'acc-1',
      link: '/pages/appointment-detail/index?id=appt-1',
      data: { patientName: '张三', department: '骨科', visitTime: '2026-03-01 08:00' },
    });
    expect(evening?.message.body).toContain('明天 08:00 骨科 李医生（主任医师）');
    expect(evening?.message.body).toContain('未取消又未就诊将记爽约');
  });
});
