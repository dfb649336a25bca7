import { getDeps } from '../composition';
import { logger } from '../http/logger';
import { retryBillWriteBacks, type WriteBackReport } from '../use-cases/bills/retry-bill-write-backs';
import { paymentPortsOf } from './payment-ports';

/** EventBridge schedule: tells the HIS about paid outpatient items it has not confirmed. Not an HTTP route. */
export async function handler(): Promise<WriteBackReport> {
  const deps = getDeps();
  const report = await retryBillWriteBacks(await paymentPortsOf(deps), deps.now());
  logger.info('bill write-backs retried', { ...report });
  return report;
}
