import { Text, View } from '@tarojs/components';
import type { BillItemStatus, BillItemView, BillOrderView } from '@jiuyi/shared';
import { monthDay, yuan } from '../../utils/booking-format';

const ITEM_STATUS_LABELS: Record<BillItemStatus, string> = {
  unpaid: '待缴费',
  paying: '支付中',
  paid: '已缴费',
  refunded: '已退费',
};

interface OrderCardProps {
  order: BillOrderView;
  /** Which items carry a tick box; the others show their status in words. */
  selectable: (item: BillItemView) => boolean;
  chosen: ReadonlySet<string>;
  onToggle: (item: BillItemView) => void;
}

function ItemRow({
  item,
  selectable,
  selected,
  onToggle,
}: {
  item: BillItemView;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
}) {
  const note = item.status === 'paid' && item.executed ? '已执行' : ITEM_STATUS_LABELS[item.status];
  return (
    <View
      className="bill-item"
      data-testid={`bill-item-${item.id}`}
      role={selectable ? 'checkbox' : undefined}
      aria-checked={selectable ? selected : undefined}
      onClick={selectable ? onToggle : undefined}
    >
      <Text
        className={`bill-item__check ${selectable ? (selected ? 'bill-item__check--on' : '') : 'bill-item__check--off'}`}
      >
        {selected ? '✓' : ''}
      </Text>
      <View className="bill-item__body">
        <Text className="bill-item__name">{item.name}</Text>
        <Text className="bill-item__meta">
          {item.quantity} {item.unit} × ¥{yuan(item.unitPriceFen)} · {note}
        </Text>
      </View>
      <Text className="bill-item__total">¥{yuan(item.lineTotalFen)}</Text>
    </View>
  );
}

/** One doctor's order of one visit, each item with its quantity, unit price and line total in 元. */
export function OrderCard({ order, selectable, chosen, onToggle }: OrderCardProps) {
  return (
    <View className="appt-card" data-testid={`bill-order-${order.id}`}>
      <View className="bill-order__head">
        <Text className="appt-card__time">
          {order.departmentName} · {order.doctorName}
        </Text>
        <Text className="appt-card__line appt-card__line--muted">就诊日期 {monthDay(order.date)}</Text>
      </View>
      {order.items.map((item) => (
        <ItemRow
          key={item.id}
          item={item}
          selectable={selectable(item)}
          selected={chosen.has(item.id)}
          onToggle={() => onToggle(item)}
        />
      ))}
    </View>
  );
}
