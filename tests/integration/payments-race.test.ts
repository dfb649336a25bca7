import type { AppointmentView } from '@jiuyi/shared';
import type { RawNotification } from '../../functions/src/ports/payment-gateway';
import {
  releaseHold,
  type CloseHoldOrder,
} from '../../functions/src/use-cases/appointments/release-expired-holds';
import { closeAppointmentOrder } from '../../functions/src/use-cases/payments/close-unpaid-payment';
import { FEE_FEN, MINUTE, PAY_NOW, startPaymentStack, type PaymentStack } from '../support/payment-fixtures';

jest.setTimeout(120_000);

let s: PaymentStack;
beforeAll(async () => {
  s = await startPaymentStack('payrace');
});
afterAll(async () => s.stop());

const RUNS = 16;
const AFTER_HOLD = new Date(PAY_NOW.getTime() + 16 * MINUTE);

interface Run {
  token: string;
  accountId: string;
  appointment: AppointmentView;
  notification: RawNotification;
  /** Odd runs release as every release does (close the order first); even runs as if WeChat could not be reached to close it. */
  viaSchedule: boolean;
}

describe('a paid notification racing the hold release', () => {
  it(`${RUNS} concurrent races: always paid-and-booked or released-and-refunded, never one without the other`, async () => {
    // Prepare: every payer pays in time; each notification is captured to be delivered in the race.
    const receiver = await s.captureNotifications();
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const h = await s.hold();
      const order = await s.pay(h.token, h.appointment.id);
      await s.sandbox.pay(order.outTradeNo);
      const notification = (await receiver.waitFor(i + 1))[i]!;
      runs.push({ ...h, notification, viaSchedule: i % 2 === 1 });
    }
    s.deliverToApi();
    const ports = await s.ports();
    const bookedBefore = await s.fixtures.bookedOnline(s.slotId);
    // Act: each notification and its hold's release at the same moment, all runs at once.
    await Promise.all(
      runs.map(async (run) => {
        const record = await s.api.deps.appointments.get(run.accountId, run.appointment.id);
        const release = async () => {
          // Jitter, so that either side gets to commit first across the runs.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
          const closeHoldOrder: CloseHoldOrder = run.viaSchedule
            ? (a) => closeAppointmentOrder(ports, a, AFTER_HOLD)
            : async () => 'unresolved';
          return releaseHold({ appointments: s.api.deps.appointments, closeHoldOrder }, record!, AFTER_HOLD);
        };
        const [delivered] = await Promise.all([s.postNotification(run.notification), release()]);
        expect(delivered.status).toBe(204);
      }),
    );
    await s.sandbox.idle();
    // Assess
    let booked = 0;
    for (const run of runs) {
      const appointment = await s.appointmentOf(run.token, run.appointment.id);
      const payment = await s.paymentOf(run.token, run.appointment.id);
      if (appointment.status === 'booked') {
        booked += 1;
        expect(payment).toMatchObject({ status: 'paid', refundedFen: 0, refundingFen: 0, refunds: [] });
      } else {
        expect(appointment.status).toBe('cancelled');
        expect(payment).toMatchObject({ status: 'refunded', refundedFen: FEE_FEN, refundingFen: 0 });
        expect(payment.refunds).toEqual([
          expect.objectContaining({ amountFen: FEE_FEN, cause: 'hold_released', status: 'succeeded' }),
        ]);
      }
    }
    // The slot counts exactly the numbers that stayed booked, and holds no leftover hold entries.
    expect(await s.fixtures.bookedOnline(s.slotId)).toBe(bookedBefore - (RUNS - booked));
    const slot = await s.api.deps.schedule.getSlot(s.slotId);
    for (const run of runs) expect(slot?.holds?.[run.appointment.id]).toBeUndefined();
    // A release that reaches WeChat closes the order first: WeChat says it is paid, so it is booked.
    for (const run of runs.filter((r) => r.viaSchedule))
      expect((await s.appointmentOf(run.token, run.appointment.id)).status).toBe('booked');
  });
});
