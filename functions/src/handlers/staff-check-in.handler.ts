import { z } from 'zod';
import { staffCheckInBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { staffCheckIn } from '../use-cases/check-in/check-in';
import { paymentPortsOf } from './payment-ports';

/** POST /v1/check-ins — the desk scans the QR code and checks the presented ID against the booked patient. */
export const handler = defineHandler(
  { access: ['outpatient_staff', 'admin'], body: staffCheckInBodySchema, query: z.strictObject({}) },
  async ({ body, principal, deps }) => {
    // A mismatch voids the booking and refunds a paid fee: the refund path needs the payment ports.
    const ports = { ...deps, money: await paymentPortsOf(deps) };
    return staffCheckIn(ports, { accountId: principal.accountId, role: principal.role }, body, deps.now());
  },
);
