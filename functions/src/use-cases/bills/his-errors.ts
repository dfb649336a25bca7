import { DomainError } from '@jiuyi/shared';
import { HisError } from '../../ports/his';

/**
 * Runs a HIS call, turning its failures into the patient's codes: the HIS being down is a 503 the
 * patient can retry, never a 500; a refusal names the items it concerns.
 */
export async function withHis<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof HisError)) throw error;
    const details = error.itemIds.length ? { itemIds: error.itemIds } : undefined;
    switch (error.code) {
      case 'ITEM_NOT_FOUND':
        throw new DomainError('BILL_ITEM_NOT_FOUND', { details });
      case 'ITEM_ALREADY_PAID':
        throw new DomainError('BILL_ITEM_ALREADY_PAID', { details });
      case 'ITEM_EXECUTED':
        throw new DomainError('BILL_ITEM_EXECUTED', { details });
      case 'ITEM_NOT_PAID':
        throw new DomainError('BILL_ITEM_NOT_REFUNDABLE', { details });
      case 'TOTAL_MISMATCH':
        throw new DomainError('BILL_TOTAL_MISMATCH');
      default:
        throw new DomainError('HIS_UNAVAILABLE');
    }
  }
}
