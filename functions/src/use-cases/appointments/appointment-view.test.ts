import { toAppointmentView } from './appointment-view';
import { remainingOnline } from './list-sessions';
import { makeAppointment } from './test-support';

const NOW = new Date('2025-10-13T01:00:00Z');

describe('toAppointmentView', () => {
  it('tells the patient the slot, department, doctor and title, how to cancel and the penalty', () => {
    // Act
    const view = toAppointmentView(makeAppointment(), NOW);
    // Assess
    expect(view.status).toBe('pending_payment');
    expect(view.confirmation).toMatchObject({
      slotTime: '2025-10-20（周一）13:00–13:30',
      department: '脊柱外科',
      doctor: '韩立诚 主任医师',
    });
    expect(view.confirmation.howToCancel).toContain('16:30');
    expect(view.confirmation.noShowPenalty).toContain('90 天内爽约 3 次');
  });

  it('shows an expired hold as released, from its expiry instant on', () => {
    const held = makeAppointment();
    expect(toAppointmentView(held, new Date('2025-10-13T01:14:59.999Z')).status).toBe('pending_payment');
    expect(toAppointmentView(held, new Date('2025-10-13T01:15:00Z'))).toMatchObject({
      status: 'cancelled',
      cancelReason: 'hold_expired',
    });
  });
});

describe('remainingOnline', () => {
  it('counts expired holds as free and never goes below zero or above capacity', () => {
    const holds = {
      a: { expiresAt: '2025-10-13T08:59:00.000+08:00', accountId: 'x' },
      b: { expiresAt: '2025-10-13T09:10:00.000+08:00', accountId: 'y' },
    };
    expect(remainingOnline({ capacityOnline: 2, bookedOnline: 2, holds }, NOW)).toBe(1);
    expect(remainingOnline({ capacityOnline: 2, bookedOnline: 2, holds: {} }, NOW)).toBe(0);
    expect(remainingOnline({ capacityOnline: 2, bookedOnline: 0, holds }, NOW)).toBe(2);
  });
});
