import { billListResponseSchema, billPaymentResponseSchema, billRefundResponseSchema } from '@jiuyi/shared';
import type {
  BillListResponse,
  BillPaymentResponse,
  BillRefundBody,
  BillRefundResponse,
} from '@jiuyi/shared';
import { authedRequest } from './session';

/** GET /v1/patients/{id}/bills — the patient's unpaid and paid outpatient orders (诊间支付). */
export async function listBills(patientId: string): Promise<BillListResponse> {
  return authedRequest(`/v1/patients/${encodeURIComponent(patientId)}/bills`, billListResponseSchema);
}

/**
 * POST /v1/bills/payment — pays the chosen unpaid items, or all of them when `itemIds` is left out.
 * The server prices the items from the HIS; the client never sends an amount.
 */
export async function startBillPayment(
  patientId: string,
  itemIds: string[] | undefined,
  returnUrl?: string,
): Promise<BillPaymentResponse> {
  return authedRequest('/v1/bills/payment', billPaymentResponseSchema, {
    method: 'POST',
    body: { patientId, ...(itemIds ? { itemIds } : {}), ...(returnUrl ? { returnUrl } : {}) },
  });
}

/** POST /v1/bills/refunds — asks back paid items that were never executed. */
export async function refundBillItems(body: BillRefundBody): Promise<BillRefundResponse> {
  return authedRequest('/v1/bills/refunds', billRefundResponseSchema, { method: 'POST', body });
}
