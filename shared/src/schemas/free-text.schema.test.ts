import type { z } from 'zod';
import { cancelAppointmentBodySchema } from './appointment.schema';
import { createInviteBodySchema, updateStaffAccountBodySchema } from './auth.schema';
import { billRefundBodySchema } from './bill.schema';
import {
  extraNumberBodySchema,
  referralBookingBodySchema,
  suspendSessionBodySchema,
} from './clinic-operations.schema';
import { staffRefundBodySchema } from './payment.schema';

const DOC = { idType: 'passport', idNumber: 'E12345678' };
const PAYMENT = '00000000-0000-4000-8000-000000000000';

/** Every free-text field of a request body, with a body that is valid apart from it. */
const FIELDS: [string, z.ZodType, (text: string) => unknown][] = [
  ['cancel reason', cancelAppointmentBodySchema, (reason) => ({ reason })],
  ['invite display name', createInviteBodySchema, (displayName) => ({ role: 'admin', displayName })],
  ['bill refund reason', billRefundBodySchema, (reason) => ({ paymentId: PAYMENT, itemIds: ['i1'], reason })],
  ['staff refund reason', staffRefundBodySchema, (reason) => ({ reason })],
  ['suspension reason', suspendSessionBodySchema, (reason) => ({ reason })],
  ['extra-number reason', extraNumberBodySchema, (reason) => ({ patient: DOC, reason })],
  ['referral reason', referralBookingBodySchema, (reason) => ({ patient: DOC, slotId: 's1', reason })],
  ['account change reason', updateStaffAccountBodySchema, (reason) => ({ status: 'disabled', reason })],
];

describe.each(FIELDS)('%s is free text', (_, schema, body) => {
  it('accepts ordinary text, trimmed', () => {
    const parsed = schema.safeParse(body('  患者要求  '));
    expect(parsed.success).toBe(true);
    expect(JSON.stringify(parsed.data)).toContain('"患者要求"');
  });

  it.each([
    ['a control character', '患者\u0000要求'],
    ['a bell', '患者\u0007要求'],
    ['a bidi override', '患者\u202e要求'],
    ['a lone high surrogate', '患者要求\ud800'],
    ['a lone low surrogate', '\udc00患者要求'],
    ['blanks only', ' \u3000\t '],
    ['nothing', ''],
  ])('refuses %s with a Chinese message', (_label, text) => {
    const parsed = schema.safeParse(body(text));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('lengths count characters, not UTF-16 units', () => {
  it('80 emoji are 80 characters: a staff refund reason of 80 passes, 81 does not', () => {
    expect(staffRefundBodySchema.safeParse({ reason: '💉'.repeat(80) }).success).toBe(true);
    expect(staffRefundBodySchema.safeParse({ reason: '💉'.repeat(81) }).success).toBe(false);
  });

  it('long reasons may hold line breaks; a display name may not', () => {
    expect(suspendSessionBodySchema.safeParse({ reason: '医生临时\n外出会诊' }).success).toBe(true);
    expect(createInviteBodySchema.safeParse({ role: 'admin', displayName: '王\n医生' }).success).toBe(false);
  });
});
