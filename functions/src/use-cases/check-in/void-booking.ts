import { randomUUID } from 'node:crypto';
import { DomainError, sessionEndsAt, toShanghaiIso, type AppointmentView } from '@jiuyi/shared';
import type { AppointmentRecord, AppointmentStore, VoidUndo } from '../../ports/appointment-store';
import type { CheckInStore, UndoVoidRefusal } from '../../ports/check-in-store';
import { voidedMessage, voidUndoneMessage } from '../appointments/appointment-messages';
import { toAppointmentView } from '../appointments/appointment-view';
import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../appointments/booking-policy';
import { releasePaidWithRefund } from '../payments/release-with-refund';
import type { PaymentPorts } from '../payments/payment-ports';
import { refundableFen } from '../payments/payment-records';

/** Who acts at the desk (recorded on the void and in the undo's audit entry). */
export interface DeskActor {
  accountId: string;
  role: string;
}

/**
 * Voids a booked appointment whose presented document is not the booked patient's (Beijing art.
 * 20–21), through the same release a cancel uses, so nothing stays held by a void:
 * 1. A paid booking: one transaction voids it, gives back its number (to the pool it came from),
 *    guard and day counters, starts the refund of all that is left of the payment and queues the
 *    patient's message; then WeChat is asked to refund (the refund path of a cancel).
 * 2. Otherwise the plain release, voided, with the message; a fee whose payment is not plainly
 *    `paid` (a staff refund under way) is flagged refund-due for the payment module's safety net.
 * Conditioned on `booked` and on the payment's version: a racing cancel or a second void loses
 * (false), so the money goes back once.
 */
export async function voidForIdentityMismatch(
  ports: { appointments: AppointmentStore; money: PaymentPorts },
  a: AppointmentRecord,
  actor: DeskActor,
  now: Date,
): Promise<boolean> {
  const at = toShanghaiIso(now);
  const change = { reason: 'identity_mismatch' as const, at, voidedBy: actor.accountId };
  const payment =
    a.feeFen > 0
      ? await ports.money.payments.findBySubject({ kind: 'appointment', appointmentId: a.id })
      : undefined;
  if (payment?.status === 'paid' && refundableFen(payment) > 0) {
    const message = voidedMessage(a, refundableFen(payment), now);
    return releasePaidWithRefund(
      ports.money,
      a,
      payment,
      { ...change, refundRequired: true },
      [message],
      now,
    );
  }
  const refundRequired = a.status === 'booked' && a.feeFen > 0;
  return ports.appointments.release(a, { ...change, refundRequired }, [
    voidedMessage(a, refundRequired ? a.feeFen : 0, now),
  ]);
}

export interface UndoVoidPorts {
  appointments: AppointmentStore;
  checkIns: CheckInStore;
}

/** The appointment that gives the patient the voided number back: same slot and pool, a new id. */
function restoringAppointment(
  voided: AppointmentRecord,
  now: Date,
  policy: Pick<BookingPolicy, 'holdMinutes'>,
): AppointmentRecord {
  const {
    voidedAt: _voidedAt,
    voidedBy: _voidedBy,
    cancelReason: _reason,
    cancelledAt: _cancelledAt,
    refundRequired: _refund,
    holdExpiresAt: _hold,
    waitlistEntryId: _entry,
    voidUndo: _undo,
    ...kept
  } = voided;
  const at = toShanghaiIso(now);
  const sessionEnd = sessionEndsAt(voided.date, voided.period).getTime();
  // A fee that was paid went back with the void (refunds cannot be recalled): the patient pays again.
  const holdEnds = Math.min(now.getTime() + policy.holdMinutes * 60_000, sessionEnd);
  return {
    ...kept,
    id: randomUUID(),
    status: voided.feeFen > 0 ? 'pending_payment' : 'booked',
    ...(voided.feeFen > 0 ? { holdExpiresAt: toShanghaiIso(new Date(holdEnds)) } : {}),
    restoredFromAppointmentId: voided.id,
    createdAt: at,
    updatedAt: at,
  };
}

const REFUSALS: Record<UndoVoidRefusal, () => DomainError> = {
  not_voided: () => new DomainError('VOID_ALREADY_UNDONE'),
  patient_deleted: () => new DomainError('PATIENT_NOT_REGISTERED'),
  session_closed: () => new DomainError('SESSION_SUSPENDED', { message: '该出诊单元已停诊，不能撤销作废' }),
  number_taken: () => new DomainError('VOID_UNDO_NUMBER_TAKEN'),
  duplicate: () =>
    new DomainError('DUPLICATE_BOOKING', {
      message: '该就诊人在此出诊单元已有其他预约，不能撤销作废',
    }),
  patient_day: () =>
    new DomainError('BOOKING_LIMIT_REACHED', {
      message: '该就诊人当天的预约数量已达上限，不能撤销作废',
      details: { scope: 'patient_day' },
    }),
  account_day: () =>
    new DomainError('BOOKING_LIMIT_REACHED', {
      message: '该账号当天的预约数量已达上限，不能撤销作废',
      details: { scope: 'account_day' },
    }),
};

/**
 * Outpatient staff undo a void that was a mistake (one mistyped digit voids), audited:
 * 1. Only a voided appointment (`APPOINTMENT_NOT_VOIDED`), once (`VOID_ALREADY_UNDONE`), and only
 *    until its session ends (`SESSION_ENDED`).
 * 2. The void gave the number back, so undoing it takes a number again, in one transaction: the
 *    session still open, the same slot's same pool (`VOID_UNDO_NUMBER_TAKEN` if someone booked it),
 *    the one-number-per-session guard and the day counters (the patient may have booked again),
 *    the voided appointment marked undone, the audit entry and the patient's message.
 * 3. The number comes back as a new appointment that points at the voided one (which stays voided,
 *    so its refund and history stand). A free number is `booked`. A paid one had its fee refunded
 *    in full with the void, and a WeChat refund cannot be recalled, so it is an unpaid hold
 *    (`pending_payment`, the usual hold time, never past the session's end) the patient pays again.
 */
export async function undoVoid(
  ports: UndoVoidPorts,
  actor: DeskActor,
  input: { appointmentId: string; reason: string },
  now: Date,
  policy: BookingPolicy = DEFAULT_BOOKING_POLICY,
): Promise<AppointmentView> {
  const voided = await ports.appointments.findById(input.appointmentId);
  if (!voided) throw new DomainError('NOT_FOUND');
  if (voided.status !== 'voided')
    throw new DomainError('APPOINTMENT_NOT_VOIDED', { details: { status: voided.status } });
  if (voided.voidUndo) throw new DomainError('VOID_ALREADY_UNDONE');
  if (now.getTime() >= sessionEndsAt(voided.date, voided.period).getTime())
    throw new DomainError('SESSION_ENDED', { message: '该出诊单元已结束，不能撤销作废' });
  const restored = restoringAppointment(voided, now, policy);
  const undo: VoidUndo = {
    at: toShanghaiIso(now),
    byAccountId: actor.accountId,
    byRole: actor.role,
    reason: input.reason,
    restoredAppointmentId: restored.id,
  };
  const outcome = await ports.checkIns.undoVoid({
    voided,
    undo,
    restored,
    limits: policy.limits,
    messages: [voidUndoneMessage(restored, now)],
  });
  if (!outcome.ok) throw REFUSALS[outcome.refusal]();
  return toAppointmentView(restored, now);
}
