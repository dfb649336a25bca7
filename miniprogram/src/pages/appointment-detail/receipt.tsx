import { Text, View } from '@tarojs/components';
import type { PaymentView, RefundStatusName } from '@jiuyi/shared';
import { InfoRow } from '../../components/info-row';
import { Section } from '../../components/section';
import { yuan } from '../../utils/booking-format';

const REFUND_LABELS: Record<RefundStatusName, string> = {
  requested: '退款已申请',
  processing: '退款处理中',
  succeeded: '已退款',
  failed: '退款失败，请联系医院',
};

/** `2026-11-24T08:31:05+08:00` → `2026-11-24 08:31`. */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The payment receipt and where each refund stands. */
export function Receipt({ payment }: { payment: PaymentView }) {
  return (
    <Section title="支付凭证" testId="receipt">
      <InfoRow label="支付金额" value={`¥${yuan(payment.amountFen)}`} emphasis />
      {payment.paidAt ? <InfoRow label="支付时间" value={when(payment.paidAt)} /> : null}
      {payment.transactionId ? <InfoRow label="交易单号" value={payment.transactionId} /> : null}
      <InfoRow label="商户单号" value={payment.outTradeNo} />
      {payment.refunds.map((refund) => (
        <View key={refund.id} className="refund" data-testid="refund">
          <Text className="refund__status">
            {REFUND_LABELS[refund.status]} ¥{yuan(refund.amountFen)}
          </Text>
          <Text className="refund__hint">
            {refund.status === 'succeeded' && refund.succeededAt
              ? `${when(refund.succeededAt)} 已原路退回`
              : '原路退回微信支付，一般 1–3 个工作日到账'}
          </Text>
        </View>
      ))}
    </Section>
  );
}
