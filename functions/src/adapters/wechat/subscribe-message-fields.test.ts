import { DEFAULT_NO_SHOW_POLICY, subscribableKindSchema, type OutboxMessage } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import { makeAppointment } from '../../use-cases/appointments/test-support';
import type { BillRecord } from '../../ports/bill-store';
import type { PaymentRecord, RefundRecord } from '../../ports/payment-store';
import type { SuspensionOfferRecord } from '../../ports/suspension-store';
import {
  bookingConfirmedMessage,
  noShowMessage,
  waitlistEndedMessage,
  waitlistOfferMessage,
} from '../../use-cases/appointments/appointment-messages';
import { billPaidMessage } from '../../use-cases/bills/bill-records';
import { doctorBookingMessage } from '../../use-cases/clinic-bookings/clinic-messages';
import { composeMessage } from '../../use-cases/messages/compose-message';
import { visitReminderTimers } from '../../use-cases/messages/visit-reminders';
import {
  paidAfterReleaseMessage,
  paidMessage,
  refundedMessage,
} from '../../use-cases/payments/payment-messages';
import { offerMessage, resolutionMessage } from '../../use-cases/suspensions/suspension-messages';
import { localTemplateIds } from '../local/local-message-channel';
import { subscribeTemplates, templateData } from './subscribe-message-config';

// The contract between the messages the use cases write and the subscribe templates they go out
// through: a message lacking a template's fact cannot be sent to WeChat at all, so every builder
// must supply every field its kind's template maps.
const NOW = new Date('2025-10-13T01:00:00Z');
const templates = subscribeTemplates(localTemplateIds(subscribableKindSchema.options, {}));

const appointment = makeAppointment({ status: 'booked', end: '2025-10-20T13:20:00.000+08:00' });

const payment: PaymentRecord = {
  id: '1d2c3b4a-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  outTradeNo: '1d2c3b4a5e6f4a8b9c0d1e2f3a4b5c6d',
  accountId: 'acc-1',
  subject: { kind: 'appointment', appointmentId: appointment.id },
  description: '挂号费',
  amountFen: 5000,
  payerOpenid: 'openid-1',
  status: 'paid',
  expiresAt: '2025-10-13T09:15:00.000+08:00',
  refundedFen: 0,
  refundingFen: 0,
  createdAt: '2025-10-13T09:00:00.000+08:00',
  updatedAt: '2025-10-13T09:01:00.000+08:00',
  version: 2,
};

const refund: RefundRecord = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  paymentId: payment.id,
  outRefundNo: '9a8b7c6d5e4f4a3b8c2d1e0f9a8b7c6d',
  amountFen: 5000,
  status: 'succeeded',
  cause: 'appointment_cancelled',
  reason: '患者取消预约',
  requestedAt: '2025-10-14T09:00:00.000+08:00',
  updatedAt: '2025-10-14T09:05:00.000+08:00',
};

const bill: BillRecord = {
  id: 'bill-1',
  accountId: 'acc-1',
  patientId: appointment.patientId,
  paymentId: payment.id,
  lines: [],
  totalFen: 12_000,
  status: 'paid',
  expiresAt: '2025-10-20T15:15:00.000+08:00',
  createdAt: '2025-10-20T15:00:00.000+08:00',
  updatedAt: '2025-10-20T15:01:00.000+08:00',
  refunds: {},
};

const offer: SuspensionOfferRecord = {
  sessionId: appointment.sessionId,
  appointmentId: appointment.id,
  accountId: 'acc-1',
  patientId: appointment.patientId,
  patientName: '张三',
  state: 'offered',
  deadline: '2025-10-20T11:00:00.000+08:00',
  createdAt: '2025-10-19T09:00:00.000+08:00',
};

const moved: AppointmentRecord = {
  ...appointment,
  doctorId: 'doc-b',
  doctorName: '李平',
  start: '2025-10-20T13:40:00.000+08:00',
};

const messages: Array<[string, OutboxMessage]> = [
  ['booking confirmed', bookingConfirmedMessage(appointment, NOW)],
  ['waitlist offer', waitlistOfferMessage({ ...appointment, status: 'pending_payment' }, NOW)],
  [
    'waitlist ended',
    waitlistEndedMessage(
      { id: 'w-1', accountId: 'acc-1', patientName: '张三', date: '2025-10-20', departmentName: '脊柱外科' },
      'session_closed',
      NOW,
    ),
  ],
  ['no-show', noShowMessage(appointment, 2, DEFAULT_NO_SHOW_POLICY, NOW)],
  ['in-clinic booking', doctorBookingMessage({ ...appointment, bookedVia: 'in_clinic' }, NOW)],
  ['extra number', doctorBookingMessage({ ...appointment, bookedVia: 'extra_number' }, NOW)],
  ['referral booking', doctorBookingMessage({ ...appointment, bookedVia: 'referral' }, NOW)],
  ['paid', paidMessage(payment, appointment, NOW)],
  ['paid after release', paidAfterReleaseMessage(payment, NOW)],
  ['refunded', refundedMessage(payment, refund, NOW)],
  ['bill paid', billPaidMessage({ ...payment, subject: { kind: 'bill', billId: bill.id } }, bill, NOW)],
  ['suspension offer', offerMessage(appointment, offer, '医生临时外出会诊', NOW)],
  ['suspension moved', resolutionMessage(appointment, offer, 'substitute', moved, NOW)],
  ['suspension cancelled', resolutionMessage(appointment, offer, 'cancel', undefined, NOW)],
  // Timers become messages the way the firing job makes them.
  ...visitReminderTimers(appointment, { pk: 'p', sk: 's' }).map((t): [string, OutboxMessage] => [
    `reminder ${t.step}`,
    composeMessage({ ...t.message, step: t.step }, new Date(t.dueAt)),
  ]),
];

describe('every message fills its subscribe template', () => {
  it.each(messages)('%s', (_, message) => {
    const template = templates[message.kind];
    if (!template) return expect(subscribableKindSchema.options).not.toContain(message.kind);
    const data = templateData(template, message);
    expect(data).toBeDefined();
    expect(Object.keys(data ?? {})).toEqual(Object.keys(template.fields));
  });
});
