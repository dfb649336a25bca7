import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { reconcilePayments, type ReconcileReport } from '../use-cases/payments/reconcile-payments';
import { paymentPortsOf } from './payment-ports';

/** EventBridge schedule: asks WeChat Pay about payments and refunds whose notification never came. Not an HTTP route. */
export async function handler(): Promise<ReconcileReport> {
  const deps = getDeps();
  const report = await reconcilePayments(await paymentPortsOf(deps), deps.now());
  logger.info('payments reconciled', { ...report });
  return report;
}
