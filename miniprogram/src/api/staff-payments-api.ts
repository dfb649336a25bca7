import Taro from '@tarojs/taro';
import {
  paymentIssueListResponseSchema,
  paymentIssueViewSchema,
  staffPaymentListResponseSchema,
  staffRefundViewSchema,
  statementListResponseSchema,
  statementSchema,
} from '@jiuyi/shared';
import type {
  PaymentIssueRefundBody,
  PaymentIssueView,
  StaffPaymentView,
  StaffRefundBody,
  StaffRefundView,
  Statement,
  StatementSummary,
} from '@jiuyi/shared';
import { ApiError, apiBase, getToken } from './client';
import { authedRequest, ensureSession } from './session';

/** GET /v1/payments?date= — the day's payments, newest first, with any flagged problem. */
export async function listPayments(date: string): Promise<StaffPaymentView[]> {
  const { items } = await authedRequest('/v1/payments', staffPaymentListResponseSchema, { query: { date } });
  return items;
}

/** POST /v1/payments/{id}/refunds — a staff refund with a written reason; the amount defaults to all that is left. */
export async function refundPayment(paymentId: string, body: StaffRefundBody): Promise<StaffRefundView> {
  return authedRequest(`/v1/payments/${encodeURIComponent(paymentId)}/refunds`, staffRefundViewSchema, {
    method: 'POST',
    body,
  });
}

/** GET /v1/payment-issues — money problems that need a person. */
export async function listPaymentIssues(): Promise<PaymentIssueView[]> {
  const { items } = await authedRequest('/v1/payment-issues', paymentIssueListResponseSchema);
  return items;
}

/** POST /v1/payment-issues/{id}/refund — an amount mismatch refunded in full (what WeChat collected), with a reason. */
export async function refundPaymentIssue(
  issueId: string,
  body: PaymentIssueRefundBody,
): Promise<PaymentIssueView> {
  return authedRequest(`/v1/payment-issues/${encodeURIComponent(issueId)}/refund`, paymentIssueViewSchema, {
    method: 'POST',
    body,
  });
}

/** GET /v1/payment-statements?from=&to= — one summary per day (at most 31 days). */
export async function listStatements(from: string, to: string): Promise<StatementSummary[]> {
  const { items } = await authedRequest('/v1/payment-statements', statementListResponseSchema, {
    query: { from, to },
  });
  return items;
}

const statementPath = (date: string) => `/v1/payment-statements/${encodeURIComponent(date)}`;

/** GET /v1/payment-statements/{date} — the day's totals and lines. */
export async function getStatement(date: string): Promise<Statement> {
  return authedRequest(statementPath(date), statementSchema);
}

/**
 * GET /v1/payment-statements/{date}/csv as text. The JSON `request` would try to parse it, and the
 * route needs the bearer token, so a plain link cannot fetch it either.
 */
export async function fetchStatementCsv(date: string): Promise<string> {
  await ensureSession();
  const token = getToken();
  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: `${apiBase()}${statementPath(date)}/csv`,
      method: 'GET',
      header: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      dataType: 'text',
      responseType: 'text',
      timeout: 15000,
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', 0);
  }
  if (response.statusCode === 401 || response.statusCode === 403)
    throw new ApiError(response.statusCode === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', response.statusCode);
  if (response.statusCode < 200 || response.statusCode >= 300)
    throw new ApiError(response.statusCode >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN_ERROR', response.statusCode);
  if (typeof response.data !== 'string') throw new ApiError('INVALID_RESPONSE', response.statusCode);
  return response.data;
}
