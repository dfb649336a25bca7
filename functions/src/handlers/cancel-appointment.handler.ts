import { z } from 'zod';
import { cancelAppointmentBodySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { cancelAppointmentWithRefund } from '../use-cases/payments/patient-payments';
import { holdOrderCloser } from './hold-order-closer';
import { paymentPortsOf } from './payment-ports';
import { uuidParam } from './params';
import { logger } from '../http/logger';
import { promoteWaitlist } from '../use-cases/waitlist/promote-waitlist';

/** POST /v1/appointments/{id}/cancel — cancel before the session ends; the number goes back. */
export const handler = defineHandler(
  {
    access: ['patient'],
    params: z.object({ id: uuidParam }),
    body: cancelAppointmentBodySchema,
    query: z.strictObject({}),
  },
  async ({ params, principal, deps }) => {
    const now = deps.now();
    // A paid booking is refunded with the cancellation; an unpaid hold's WeChat order is closed.
    const cancelled = await cancelAppointmentWithRefund(
      await paymentPortsOf(deps),
      principal.accountId,
      params.id,
      now,
    );
    // The freed number goes to the session's waitlist at once; if this fails the scheduled
    // promotion hands it on within a minute, and the cancellation itself stands either way.
    const promote = { ...deps, closeHoldOrder: holdOrderCloser(deps, now) };
    await promoteWaitlist(promote, cancelled.sessionId, now).catch((error: unknown) => {
      logger.warn('waitlist promotion deferred', { error: error instanceof Error ? error.name : 'unknown' });
    });
    return cancelled;
  },
);
