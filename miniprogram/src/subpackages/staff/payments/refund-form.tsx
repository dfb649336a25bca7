import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import type { StaffPaymentView } from '@jiuyi/shared';
import { refundPayment } from '../../../api/staff-payments-api';
import { FormField } from '../../../components/form-field';
import { ReasonField } from '../../../components/reason-field';
import { yuan } from '../../../utils/booking-format';
import { RefundActions, useRefundSubmit } from './refund-actions';
import { fenFromYuan } from '../../../utils/payment-labels';

interface RefundFormProps {
  payment: StaffPaymentView;
  onDone: () => void;
  onCancel: () => void;
}

/** A staff refund: a written reason, an optional partial amount, then a confirm dialog. */
export function RefundForm({ payment, onDone, onCancel }: RefundFormProps) {
  const refundable = payment.amountFen - payment.refundedFen - payment.refundingFen;
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; amount?: string }>({});
  const submission = useRefundSubmit(onDone);

  const submit = async () => {
    if (submission.busy) return;
    const amountFen = amount.trim() ? fenFromYuan(amount) : refundable;
    const next = {
      reason: reason.trim().length < 2 ? '请填写退款原因（至少 2 个字）' : undefined,
      amount:
        amountFen === undefined || amountFen <= 0
          ? '请填写正确的金额，如 12.50'
          : amountFen > refundable
            ? `最多可退 ¥${yuan(refundable)}`
            : undefined,
    };
    setErrors(next);
    if (next.reason || next.amount || amountFen === undefined) return;
    await submission.run(
      { title: '确认退款', content: `退款 ¥${yuan(amountFen)} 将原路退回患者微信。原因：${reason.trim()}` },
      () =>
        refundPayment(payment.id, {
          reason: reason.trim(),
          ...(amountFen === refundable ? {} : { amountFen }),
        }),
    );
  };

  return (
    <View className="refund-form" data-testid={`refund-form-${payment.id}`}>
      <ReasonField
        step={1}
        label="退款原因"
        error={errors.reason}
        errorTestId="error-refund-reason"
        testId="refund-reason"
        value={reason}
        placeholder="如：患者重复缴费"
        maxlength={80}
        onChange={setReason}
      />
      <FormField
        step={2}
        label="退款金额（元）"
        hint={`留空即全额退回可退的 ¥${yuan(refundable)}`}
        error={errors.amount}
        errorTestId="error-refund-amount"
      >
        <Input
          className="field__input"
          data-testid="refund-amount"
          type="digit"
          value={amount}
          placeholder={yuan(refundable)}
          onInput={(event) => setAmount(event.detail.value)}
        />
      </FormField>
      <RefundActions
        testIdPrefix="refund"
        error={submission.error}
        busy={submission.busy}
        onCancel={onCancel}
        onSubmit={() => void submit()}
      />
    </View>
  );
}
