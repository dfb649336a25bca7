import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppointmentView } from '@jiuyi/shared';
import { undoVoid } from '../../../api/desk-check-in-api';
import { ReasonField } from '../../../components/reason-field';
import { clock } from '../../../utils/booking-format';
import { errorText } from '../../../utils/error-text';

/** What the desk tells the patient once the void is undone. */
function restoredText(restored: AppointmentView): string {
  if (restored.status === 'pending_payment' && restored.holdExpiresAt)
    return `已撤销作废，号源已恢复。原挂号费已全额退回，请患者在 ${clock(restored.holdExpiresAt)} 前在“我的预约”中重新支付，再刷新签到码签到。`;
  return '已撤销作废，号源已恢复。请患者在“我的预约”中刷新签到码，再核对证件签到。';
}

/**
 * 撤销作废: a void that was the desk's mistake (a mistyped digit) is undone within the session,
 * with a reason for the audit. The number may be gone by then; the refusal says so.
 */
export function UndoVoidPanel({ appointmentId }: { appointmentId: string }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [restored, setRestored] = useState<AppointmentView>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    if (reason.trim().length < 2) {
      setError('请填写撤销作废的原因（至少 2 个字）');
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      setRestored(await undoVoid(appointmentId, { reason: reason.trim() }));
    } catch (caught) {
      setFailure(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  if (restored)
    return (
      <View className="banner banner--success" data-testid="undo-void-done" role="status">
        <Text>{restoredText(restored)}</Text>
      </View>
    );

  return (
    <View data-testid="undo-void-panel">
      <ReasonField
        step={3}
        label="撤销作废（仅限本出诊单元结束前）"
        hint="确认是录入错误、患者确为本人时，填写原因后撤销；操作将被记录"
        error={error}
        errorTestId="error-undo-reason"
        testId="undo-void-reason"
        value={reason}
        placeholder="例如：证件号码录入错误，已核对原件"
        maxlength={200}
        onChange={(value) => {
          setReason(value);
          setError(undefined);
        }}
      />
      {failure ? (
        <View className="banner banner--error" data-testid="undo-void-error" role="alert">
          <Text>{failure}</Text>
        </View>
      ) : null}
      <Button
        className="btn btn--secondary btn--block"
        data-testid="undo-void-submit"
        {...(busy ? { disabled: true } : {})}
        onClick={() => void submit()}
      >
        {busy ? '正在撤销…' : '撤销作废'}
      </Button>
    </View>
  );
}
