import type { PaymentIssueView, PaymentStatus, RefundStatusName } from '@jiuyi/shared';
import type { TagTone } from './booking-format';

/** Each payment status in words with its tag colour. */
export const PAYMENT_STATUS_TAGS: Record<PaymentStatus, { label: string; tone: TagTone }> = {
  created: { label: '待支付', tone: 'orange' },
  paying: { label: '支付中', tone: 'orange' },
  paid: { label: '已支付', tone: 'green' },
  closed: { label: '已关闭', tone: 'grey' },
  refunding: { label: '退款中', tone: 'blue' },
  refunded: { label: '已退款', tone: 'grey' },
};

export const REFUND_STATUS_LABELS: Record<RefundStatusName, string> = {
  requested: '已申请',
  processing: '处理中',
  succeeded: '已退回',
  failed: '退款失败',
};

export const ISSUE_KIND_LABELS: Record<PaymentIssueView['kind'], string> = {
  amount_mismatch: '金额不符',
  refund_failed: '退款失败',
  unknown_order: '未知订单',
  his_rejected: 'HIS 拒收',
};

/**
 * `12.5` / `12.50` / `12` 元 → fen, exactly (no floating point); undefined for anything else,
 * so a typo never becomes a different amount.
 */
export function fenFromYuan(text: string): number | undefined {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, whole = '0', cents = ''] = match;
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}
