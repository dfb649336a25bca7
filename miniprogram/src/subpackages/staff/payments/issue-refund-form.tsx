import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PaymentIssueView } from '@jiuyi/shared';
import { refundPaymentIssue } from '../../../api/staff-payments-api';
import { ReasonField } from '../../../components/reason-field';
import { yuan } from '../../../utils/booking-format';
import { RefundActions, useRefundSubmit } from './refund-actions';

interface IssueRefundFormProps {
  issue: PaymentIssueView;
  onDone: () => void;
  onCancel: () => void;
}

/** An amount mismatch refunded in full: all that WeChat collected goes back; the booking stays unconfirmed. */
export function IssueRefundForm({ issue, onDone, onCancel }: IssueRefundFormProps) {
  const amountFen = issue.reportedFen ?? 0;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const submission = useRefundSubmit(onDone);

  const submit = async () => {
    if (submission.busy) return;
    const invalid = reason.trim().length < 2 ? '请填写退款原因（至少 2 个字）' : undefined;
    setReasonError(invalid);
    if (invalid) return;
    await submission.run(
      {
        title: '确认全额退款',
        content: `实收 ¥${yuan(amountFen)} 将全额原路退回患者微信，预约不会确认。原因：${reason.trim()}`,
      },
      () => refundPaymentIssue(issue.id, { reason: reason.trim() }),
    );
  };

  return (
    <View className="refund-form" data-testid={`issue-refund-form-${issue.id}`}>
      <ReasonField
        step={1}
        label="退款原因"
        error={reasonError}
        errorTestId="error-issue-refund-reason"
        testId="issue-refund-reason"
        value={reason}
        placeholder="如：支付金额与挂号费不符"
        maxlength={80}
        onChange={setReason}
      />
      <Text className="appt-card__line">将全额退回实收 ¥{yuan(amountFen)}</Text>
      <RefundActions
        testIdPrefix="issue-refund"
        error={submission.error}
        busy={submission.busy}
        onCancel={onCancel}
        onSubmit={() => void submit()}
      />
    </View>
  );
}
