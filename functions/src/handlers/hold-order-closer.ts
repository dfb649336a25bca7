import type { Deps } from '../composition';
import type { CloseHoldOrder } from '../use-cases/appointments/release-expired-holds';
import { closeAppointmentOrder } from '../use-cases/payments/close-unpaid-payment';
import { paymentPortsOf } from './payment-ports';

/**
 * The hook every hold release runs first: close the hold's WeChat order (or apply it if paid). The
 * payment ports are only built when a hold is actually released, so a booking that releases nothing
 * never loads WeChat Pay keys.
 */
export function holdOrderCloser(deps: Deps, now: Date): CloseHoldOrder {
  return async (appointment) => closeAppointmentOrder(await paymentPortsOf(deps), appointment, now);
}
