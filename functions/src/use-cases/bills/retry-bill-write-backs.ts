import { toShanghaiIso } from '@jiuyi/shared';
import { logger } from '../../http/logger';
import type { PaymentPorts } from '../payments/payment-ports';
import { writeBackPaidBill } from './confirm-bill-payment';

const BATCH = 50;
/** Leaves just-paid bills to the notification that is telling the HIS right now. */
const GRACE_MS = 2 * 60_000;

export interface WriteBackReport {
  writtenBack: number;
  failed: number;
}

/**
 * The scheduled safety net for the HIS write-back: WeChat stops re-sending a notification after a
 * day, so a HIS outage longer than that would leave paid items unknown to the hospital. Every paid
 * bill the HIS has not confirmed is told again (idempotent by payment id); one failure never stops
 * the others.
 */
export async function retryBillWriteBacks(ports: PaymentPorts, now: Date): Promise<WriteBackReport> {
  const due = await ports.bills.listAwaitingWriteBack(
    toShanghaiIso(new Date(now.getTime() - GRACE_MS)),
    BATCH,
  );
  const report: WriteBackReport = { writtenBack: 0, failed: 0 };
  for (const bill of due) {
    try {
      const payment = await ports.payments.get(bill.paymentId);
      if (!payment) throw new Error(`payment ${bill.paymentId} of bill ${bill.id} not found`);
      await writeBackPaidBill(ports, payment, now);
      report.writtenBack += 1;
    } catch (error) {
      report.failed += 1;
      logger.warn('bill write-back retry failed', {
        billId: bill.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return report;
}
