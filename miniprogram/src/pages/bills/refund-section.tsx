import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { BillItemView, BillOrderView } from '@jiuyi/shared';
import { refundBillItems } from '../../api/bills-api';
import { ReasonField } from '../../components/reason-field';
import { EmptyView } from '../../components/state-views';
import { yuan } from '../../utils/booking-format';
import { confirmAction } from '../../utils/confirm';
import { errorText } from '../../utils/error-text';
import { refundableItems, toggled, totalOf } from './bill-selection';
import { OrderCard } from './order-card';

/** 已缴费: paid orders; items never executed can be asked back, one payment at a time. */
export function RefundSection({ orders, onRefunded }: { orders: BillOrderView[]; onRefunded: () => void }) {
  const refundable = refundableItems(orders);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [paymentId, setPaymentId] = useState<string>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; submit?: string; notice?: string }>({});
  const [busy, setBusy] = useState(false);

  if (orders.length === 0) return <EmptyView text="没有已缴费的项目" />;

  // One refund returns money to one WeChat payment: a tick from another payment starts a new choice.
  const toggle = (item: BillItemView) => {
    if (item.paymentId !== paymentId) {
      setPaymentId(item.paymentId);
      setChosen(new Set([item.id]));
      setErrors(paymentId ? { notice: '一次只能退同一笔支付中的项目，已改为选择这一笔' } : {});
      return;
    }
    const next = toggled(chosen, item.id);
    setChosen(next);
    if (next.size === 0) setPaymentId(undefined);
  };

  const submit = async () => {
    if (busy || !paymentId || chosen.size === 0) return;
    if (reason.trim().length < 2) {
      setErrors({ reason: '请填写退费原因（至少 2 个字）' });
      return;
    }
    const amount = totalOf(refundable, chosen);
    const confirmed = await confirmAction({
      title: '确认退费',
      content: `申请退还所选 ${chosen.size} 项共 ¥${yuan(amount)}，原路退回微信。`,
      confirmText: '确认退费',
    });
    if (!confirmed) return;
    setBusy(true);
    setErrors({});
    try {
      await refundBillItems({ paymentId, itemIds: [...chosen], reason: reason.trim() });
      void Taro.showToast({ title: '已申请退费', icon: 'success' });
      setChosen(new Set());
      setPaymentId(undefined);
      setReason('');
      onRefunded();
    } catch (caught) {
      setErrors({ submit: errorText(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid="bills-paid">
      <Text className="section__lead">
        {refundable.length > 0
          ? '未执行的项目（未检查、未取药、未治疗）可勾选后申请退费。'
          : '已缴费项目均已执行或已退费。'}
      </Text>
      {orders.map((order) => (
        <OrderCard
          key={order.id}
          order={order}
          selectable={(item) => refundable.some((r) => r.id === item.id)}
          chosen={chosen}
          onToggle={toggle}
        />
      ))}
      {errors.notice ? (
        <View className="banner banner--info" role="status">
          <Text>{errors.notice}</Text>
        </View>
      ) : null}
      {chosen.size > 0 ? (
        <View data-testid="bill-refund-form">
          <ReasonField
            step={1}
            label="退费原因"
            error={errors.reason}
            errorTestId="error-bill-refund-reason"
            testId="bill-refund-reason"
            value={reason}
            placeholder="如：检查已取消"
            maxlength={80}
            onChange={setReason}
          />
          {errors.submit ? (
            <View className="banner banner--error" data-testid="bill-refund-error" role="alert">
              <Text>{errors.submit}</Text>
            </View>
          ) : null}
          <Button
            className="btn btn--danger btn--block"
            data-testid="bill-refund-submit"
            {...(busy ? { disabled: true } : {})}
            onClick={() => void submit()}
          >
            {busy ? '正在提交…' : `申请退费 ¥${yuan(totalOf(refundable, chosen))}`}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
