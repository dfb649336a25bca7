import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { BillOrderView } from '@jiuyi/shared';
import { startBillPayment } from '../../api/bills-api';
import { pay } from '../../api/payment-api';
import { EmptyView } from '../../components/state-views';
import { yuan } from '../../utils/booking-format';
import { errorText } from '../../utils/error-text';
import { itemIdsToPay, payProblem, payableItems, toggled, totalOf } from './bill-selection';
import { OrderCard } from './order-card';

/** Where the H5 sandbox sends the browser back to: this page, for the same patient. */
function returnUrl(patientId: string): string | undefined {
  if (process.env.TARO_ENV !== 'h5') return undefined;
  const base = window.location.href.split('#')[0] ?? '';
  return `${base}#/pages/bills/index?patientId=${encodeURIComponent(patientId)}`;
}

interface PaySectionProps {
  patientId: string;
  orders: BillOrderView[];
  onPaid: () => void;
}

/** 待缴费: every unpaid item ticked to start with; untick what to leave for later, then pay the total. */
export function PaySection({ patientId, orders, onPaid }: PaySectionProps) {
  const items = payableItems(orders);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(items.map((i) => i.id)));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  if (items.length === 0)
    return <EmptyView text="没有待缴费的项目" hint="医生开具检查、药品后会显示在这里" />;

  const allChosen = chosen.size === items.length;
  const total = totalOf(items, chosen);

  const start = async () => {
    if (busy) return;
    const blocked = payProblem(items, chosen);
    if (blocked) {
      setProblem(blocked);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const url = returnUrl(patientId);
      const order = await startBillPayment(patientId, itemIdsToPay(items, chosen), url);
      const outcome = await pay(order, url ?? '');
      if (outcome === 'paid') {
        void Taro.showToast({ title: '缴费成功', icon: 'success' });
        onPaid();
      } else if (outcome === 'cancelled') setProblem('您已取消支付，可稍后再缴费。');
      else if (outcome === 'failed') setProblem('支付未成功，请稍后再试。');
    } catch (caught) {
      setProblem(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid="bills-unpaid">
      <View
        className="bill-item"
        data-testid="bill-select-all"
        role="checkbox"
        aria-checked={allChosen}
        onClick={() => setChosen(allChosen ? new Set() : new Set(items.map((i) => i.id)))}
      >
        <Text className={`bill-item__check ${allChosen ? 'bill-item__check--on' : ''}`}>
          {allChosen ? '✓' : ''}
        </Text>
        <Text className="bill-item__name">全选（{items.length} 项）</Text>
      </View>
      {orders.map((order) => (
        <OrderCard
          key={order.id}
          order={order}
          selectable={(item) => item.status === 'unpaid' || item.status === 'paying'}
          chosen={chosen}
          onToggle={(item) => setChosen(toggled(chosen, item.id))}
        />
      ))}
      <View className="bill-total" data-testid="bill-total">
        <Text>已选 {chosen.size} 项</Text>
        <Text>合计 ¥{yuan(total)}</Text>
      </View>
      {problem ? (
        <View className="banner banner--error" data-testid="bill-pay-error" role="alert">
          <Text>{problem}</Text>
        </View>
      ) : null}
      <Button
        className="btn btn--pay btn--block"
        data-testid="bill-pay"
        {...(busy ? { disabled: true } : {})}
        onClick={() => void start()}
      >
        {busy ? '正在打开支付…' : `微信支付 ¥${yuan(total)}`}
      </Button>
    </View>
  );
}
