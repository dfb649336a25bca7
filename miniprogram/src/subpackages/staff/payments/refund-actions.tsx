import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { confirmAction } from '../../../utils/confirm';
import { errorText } from '../../../utils/error-text';

/**
 * A staff refund's submit: the confirm dialog, then the request once (busy while it runs), a toast and
 * `onDone` when it was accepted, the server's refusal as `error` when not.
 */
export function useRefundSubmit(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (confirm: { title: string; content: string }, send: () => Promise<unknown>) => {
    if (busy) return;
    const confirmed = await confirmAction({ ...confirm, confirmText: '确认退款', confirmColor: '#b42318' });
    if (!confirmed) return;
    setBusy(true);
    setError(undefined);
    try {
      await send();
      void Taro.showToast({ title: '已提交退款', icon: 'success' });
      onDone();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

interface RefundActionsProps {
  /** Prefix of the test ids: `<prefix>-error`, `<prefix>-submit`. */
  testIdPrefix: string;
  error: string | undefined;
  busy: boolean;
  onCancel: () => void;
  onSubmit: () => void;
}

/** The foot of a staff refund form: what the server refused, 取消 and 退款. */
export function RefundActions({ testIdPrefix, error, busy, onCancel, onSubmit }: RefundActionsProps) {
  return (
    <>
      {error ? (
        <View className="banner banner--error" data-testid={`${testIdPrefix}-error`} role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
      <View className="actions">
        <Button className="btn btn--secondary" onClick={onCancel}>
          取消
        </Button>
        <Button
          className="btn btn--danger"
          data-testid={`${testIdPrefix}-submit`}
          {...(busy ? { disabled: true } : {})}
          onClick={onSubmit}
        >
          {busy ? '正在提交…' : '退款'}
        </Button>
      </View>
    </>
  );
}
