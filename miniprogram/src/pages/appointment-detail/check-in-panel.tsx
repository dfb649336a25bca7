import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { checkInState, checkInWindow, shanghaiTime } from '@jiuyi/shared';
import type { AppointmentView } from '@jiuyi/shared';
import { getCheckInCode, selfCheckIn } from '../../api/check-in-api';
import { ApiError } from '../../api/client';
import { Section } from '../../components/section';
import { ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { clock } from '../../utils/booking-format';
import { qrSvgDataUri } from '../../utils/qr-svg';

function SelfCheckIn({
  appointment,
  onCheckedIn,
}: {
  appointment: AppointmentView;
  onCheckedIn: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const start = new Date(appointment.start);
  const end = new Date(appointment.end);
  const state = checkInState(start, end, new Date());
  if (state === 'closed') return null;
  if (state === 'not_open')
    return (
      <Text className="notice-line" data-testid="check-in-not-open">
        <Text className="notice-line__head">自助签到：</Text>
        就诊当天 {shanghaiTime(checkInWindow(start, end).opensAt)} 起（时段开始前 30 分钟）可在此签到。
      </Text>
    );
  const checkIn = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await selfCheckIn(appointment.id);
      void Taro.showToast({ title: '签到成功', icon: 'success' });
      onCheckedIn();
    } catch (error) {
      const message = error instanceof ApiError ? error.message : new ApiError('UNKNOWN_ERROR', 0).message;
      void Taro.showModal({ title: '未能签到', content: message, showCancel: false, confirmText: '知道了' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      className="btn btn--primary btn--block"
      data-testid="self-check-in"
      // H5 greys out any `disabled` attribute, even "false": set it only while sending.
      {...(busy ? { disabled: true } : {})}
      onClick={() => void checkIn()}
    >
      {busy ? '正在签到…' : '我已到院，签到'}
    </Button>
  );
}

/**
 * 已预约: the QR code staff scan at triage (identity is matched there), and self check-in once
 * the window opens. The code expires, so it is fetched each time the page loads.
 */
export function CheckInPanel({
  appointment,
  onCheckedIn,
}: {
  appointment: AppointmentView;
  onCheckedIn: () => void;
}) {
  const code = useAsync(() => getCheckInCode(appointment.id), [appointment.id]);
  return (
    <Section title="签到" testId="check-in">
      {code.status === 'loading' ? <LoadingView /> : null}
      {code.status === 'error' ? <ErrorView error={code.error} onRetry={code.reload} /> : null}
      {code.status === 'success' ? (
        <>
          <Image
            className="qr"
            src={qrSvgDataUri(code.data.token)}
            mode="aspectFit"
            data-testid="check-in-qr"
          />
          <Text className="section__lead">
            到院后请出示此码和就诊人证件，由分诊台扫码签到。此码 {clock(code.data.expiresAt)} 前有效。
          </Text>
        </>
      ) : null}
      <SelfCheckIn appointment={appointment} onCheckedIn={onCheckedIn} />
    </Section>
  );
}

/** 已签到: the queue number, large. */
export function QueuePanel({ appointment }: { appointment: AppointmentView }) {
  return (
    <View className="queue-panel" data-testid="queue-panel">
      <Text className="queue-panel__label">您的排队号</Text>
      <Text className="queue-panel__number">{appointment.queueNumber ?? '—'}</Text>
      <Text className="queue-panel__hint">请到{appointment.department.name}诊区候诊，留意叫号屏。</Text>
    </View>
  );
}
