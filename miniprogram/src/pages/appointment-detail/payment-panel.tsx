import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { AppointmentView } from '@jiuyi/shared';
import { ApiError } from '../../api/client';
import { pay, startPayment } from '../../api/payment-api';
import { confirmWaitlistOffer } from '../../api/waitlist-api';
import { askToSubscribe, prepareSubscriptions } from '../../api/subscriptions-api';
import { useNow } from '../../hooks/use-now';
import { clock, countdown, yuan } from '../../utils/booking-format';

/** Where the H5 sandbox sends the browser back to: this page, without an earlier result. */
function returnUrl(): string | undefined {
  if (process.env.TARO_ENV !== 'h5') return undefined;
  return window.location.href.replace(/[?&]sandbox_pay=[a-z]+/, '');
}

function failureText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'ROUTE_NOT_FOUND')
    return '暂未开通在线支付，请到医院收费窗口缴费';
  return error instanceof ApiError ? error.message : new ApiError('UNKNOWN_ERROR', 0).message;
}

interface PaymentPanelProps {
  appointment: AppointmentView;
  /** Called after WeChat reports the payment done, and when the hold runs out. */
  onChanged: () => void;
}

/** 待支付: the hold's countdown and the pay button; the number is released when the countdown ends. */
export function PaymentPanel({ appointment, onChanged }: PaymentPanelProps) {
  const now = useNow(true);
  useEffect(prepareSubscriptions, []);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const left = appointment.holdExpiresAt ? countdown(appointment.holdExpiresAt, now) : undefined;

  // A free number offered from the waitlist has nothing to pay: the patient only confirms it in time.
  const freeOffer = appointment.feeFen === 0 ? appointment.waitlistEntryId : undefined;

  const start = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    if (freeOffer) {
      try {
        await confirmWaitlistOffer(freeOffer);
        void Taro.showToast({ title: '已确认', icon: 'success' });
        onChanged();
      } catch (error) {
        setProblem(failureText(error));
      } finally {
        setBusy(false);
      }
      return;
    }
    await askToSubscribe('payment');
    try {
      const order = await startPayment(appointment.id, returnUrl());
      const outcome = await pay(order, returnUrl() ?? '');
      if (outcome === 'paid') {
        void Taro.showToast({ title: '支付成功', icon: 'success' });
        onChanged();
      } else if (outcome === 'cancelled')
        setProblem('您已取消支付，号源仍为您保留，请在倒计时结束前完成支付。');
      else if (outcome === 'failed') setProblem('支付未成功，请稍后再试。');
    } catch (error) {
      setProblem(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="pay-panel" data-testid="payment-panel">
      <Text className="pay-panel__amount">
        {freeOffer ? '候补成功，待确认' : `待支付 ¥${yuan(appointment.feeFen)}`}
      </Text>
      {appointment.holdExpiresAt ? (
        <Text className="pay-panel__hold" data-testid="hold-countdown">
          {left
            ? `号源为您保留 ${left}，请在 ${clock(appointment.holdExpiresAt)} 前${freeOffer ? '确认' : '支付'}`
            : '支付时间已过，号源已释放'}
        </Text>
      ) : null}
      {problem ? (
        <View className="banner banner--error" data-testid="payment-error" role="alert">
          <Text>{problem}</Text>
        </View>
      ) : null}
      {left ? (
        <Button
          className="btn btn--pay btn--block"
          data-testid="pay-button"
          // H5 greys out any `disabled` attribute, even "false": set it only while paying.
          {...(busy ? { disabled: true } : {})}
          onClick={() => void start()}
        >
          {freeOffer
            ? busy
              ? '正在确认…'
              : '确认就诊'
            : busy
              ? '正在打开支付…'
              : `微信支付 ¥${yuan(appointment.feeFen)}`}
        </Button>
      ) : (
        <Button className="btn btn--secondary btn--block" onClick={onChanged}>
          刷新状态
        </Button>
      )}
    </View>
  );
}
