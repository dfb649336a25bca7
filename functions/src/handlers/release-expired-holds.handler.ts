import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { releaseExpiredHolds } from '../use-cases/appointments/release-expired-holds';
import { closeAppointmentOrder } from '../use-cases/payments/close-unpaid-payment';
import { paymentPortsOf } from './payment-ports';

/** EventBridge schedule (every minute): releases unpaid holds whose time ran out. Not an HTTP route. */
export async function handler(): Promise<{ examined: number; released: number }> {
  const deps = getDeps();
  const now = deps.now();
  const payments = await paymentPortsOf(deps);
  const result = await releaseExpiredHolds(deps.appointments, now, (appointment) =>
    closeAppointmentOrder(payments, appointment, now),
  );
  logger.info('expired holds released', result);
  return result;
}
