import { DEFAULT_NO_SHOW_POLICY } from '@jiuyi/shared';
import {
  bookingConfirmedMessage,
  checkedInMessage,
  noShowMessage,
  voidedMessage,
  voidUndoneMessage,
  waitlistEndedMessage,
  waitlistOfferMessage,
} from './appointment-messages';
import { makeAppointment } from './test-support';

const NOW = new Date('2025-10-13T01:00:00Z');

describe('booking confirmation (Beijing art. 15)', () => {
  it('says slot, department, doctor and title, how to cancel, the penalty and the payment deadline', () => {
    // Act
    const m = bookingConfirmedMessage(makeAppointment(), NOW);
    // Assess
    expect(m).toMatchObject({ kind: 'booking_confirmed', recipientAccountId: 'acc-1', title: '预约待支付' });
    for (const part of [
      '2025-10-20（周一）13:00–13:30',
      '脊柱外科',
      '韩立诚 主任医师',
      '16:30 前',
      '爽约',
      '09:15',
    ]) {
      expect(m.body).toContain(part);
    }
    expect(m.link).toBe('/pages/appointment-detail/index?id=6f1c1f0e-8a4e-4d4a-9c57-3b0b7f3f2a11');
  });

  it('a free booking is confirmed without a payment line, under its own message id', () => {
    const held = bookingConfirmedMessage(makeAppointment(), NOW);
    const booked = bookingConfirmedMessage(makeAppointment({ status: 'booked', feeFen: 0 }), NOW);
    expect(booked.title).toBe('预约成功');
    expect(booked.body).not.toContain('支付，');
    expect(booked.id).not.toBe(held.id);
  });
});

describe('other appointment messages', () => {
  it('a waitlist offer names the deadline and the way to take it', () => {
    expect(waitlistOfferMessage(makeAppointment(), NOW).body).toContain('2025-10-13 09:15 前完成支付');
    expect(waitlistOfferMessage(makeAppointment({ feeFen: 0 }), NOW).body).toContain('确认');
  });

  it('a no-show says which one it is and, at the threshold, that booking is blocked', () => {
    const second = noShowMessage(makeAppointment({ status: 'no_show' }), 2, DEFAULT_NO_SHOW_POLICY, NOW);
    const third = noShowMessage(makeAppointment({ status: 'no_show' }), 3, DEFAULT_NO_SHOW_POLICY, NOW);
    expect(second.body).toContain('90 天内第 2 次');
    expect(second.body).toContain('3 次将暂停网上预约 90 天');
    expect(third.body).toContain('已暂停网上预约 90 天');
  });

  it('check-in gives the queue number; a voided booking says why', () => {
    expect(checkedInMessage(makeAppointment({ status: 'booked' }), 7, NOW).body).toContain('7 号');
    expect(voidedMessage(makeAppointment({ status: 'booked' }), 0, NOW).body).toContain('已作废');
    expect(voidedMessage(makeAppointment({ status: 'booked' }), 1500, NOW).body).toContain(
      '已支付的挂号费 ¥15.00 将全额原路退回',
    );
  });

  it('an undone void says the number is back, and asks to pay again when the fee went back', () => {
    const free = voidUndoneMessage(makeAppointment({ status: 'booked' }), NOW);
    const unpaid = voidUndoneMessage(
      makeAppointment({ status: 'pending_payment', holdExpiresAt: '2025-10-20T08:05:00.000+08:00' }),
      NOW,
    );
    expect(free.title).toBe('预约作废已撤销');
    expect(free.body).toContain('请到分诊台签到');
    expect(unpaid.body).toContain('请在 2025-10-20 08:05 前重新支付挂号费');
  });

  it('a passed-over waitlist entry is told the reason', () => {
    const entry = {
      id: 'e-1',
      accountId: 'acc-1',
      patientName: '张三',
      date: '2025-10-20',
      departmentName: '脊柱外科',
    };
    expect(waitlistEndedMessage(entry, 'limit', NOW).body).toContain('上限');
    expect(waitlistEndedMessage(entry, 'closed', NOW).body).toContain('停止预约');
  });
});
