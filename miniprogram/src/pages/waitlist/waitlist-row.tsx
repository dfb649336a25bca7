import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { WaitlistEntryView, WaitlistStatus } from '@jiuyi/shared';
import { DOCTOR_TITLE_LABELS } from '@jiuyi/shared';
import { ApiError } from '../../api/client';
import { leaveWaitlist } from '../../api/waitlist-api';
import { PERIOD_LABELS, clock, monthDay } from '../../utils/booking-format';
import { openAppointment } from '../../utils/booking-navigate';
import type { TagTone } from '../../utils/booking-format';

const WAITLIST_TAGS: Record<WaitlistStatus, { label: string; tone: TagTone }> = {
  waiting: { label: '候补中', tone: 'blue' },
  offered: { label: '已候补到号', tone: 'orange' },
  cancelled: { label: '已取消', tone: 'grey' },
  skipped: { label: '未能分配', tone: 'grey' },
  expired: { label: '已结束', tone: 'grey' },
};

function describe(entry: WaitlistEntryView): string {
  if (entry.status === 'waiting') {
    if (entry.ahead === 0) return `排第 ${entry.position} 位，有人退号将最先分配给您`;
    return `排第 ${entry.position} 位${entry.ahead !== undefined ? `，前面还有 ${entry.ahead} 人` : ''}`;
  }
  if (entry.status === 'offered' && entry.offerExpiresAt)
    return `号源已为您保留，请在 ${clock(entry.offerExpiresAt)} 前完成支付`;
  return entry.skipReason ?? '';
}

async function confirmAndLeave(entry: WaitlistEntryView, onChanged: () => void): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '取消候补',
    content: `确定不再为${entry.patientName}候补 ${monthDay(entry.date)} ${PERIOD_LABELS[entry.period]} ${entry.doctor.name}医生的号吗？`,
    confirmText: '取消候补',
    confirmColor: '#b42318',
    cancelText: '继续候补',
  });
  if (!confirm) return;
  try {
    await leaveWaitlist(entry.id);
    void Taro.showToast({ title: '已取消候补', icon: 'success' });
    onChanged();
  } catch (error) {
    const message = error instanceof ApiError ? error.message : new ApiError('UNKNOWN_ERROR', 0).message;
    void Taro.showModal({ title: '未能取消', content: message, showCancel: false, confirmText: '知道了' });
  }
}

/** One 候补 entry: place in the queue, or the number offered with a button to pay for it. */
export function WaitlistRow({ entry, onChanged }: { entry: WaitlistEntryView; onChanged: () => void }) {
  const tag = WAITLIST_TAGS[entry.status];
  const appointmentId = entry.status === 'offered' ? entry.appointmentId : undefined;
  return (
    <View className="appt-card" data-testid={`waitlist-${entry.id}`} data-status={entry.status}>
      <View className="appt-card__head">
        <Text className="appt-card__time">
          {monthDay(entry.date)} {PERIOD_LABELS[entry.period]}
        </Text>
        <Text className={`status-tag status-tag--${tag.tone}`}>{tag.label}</Text>
      </View>
      <Text className="appt-card__line">
        {entry.department.name} · {entry.doctor.name} {DOCTOR_TITLE_LABELS[entry.doctor.title]}
      </Text>
      <Text className="appt-card__line appt-card__line--muted">
        就诊人：{entry.patientName} {describe(entry)}
      </Text>
      {appointmentId ? (
        <Button
          className="btn btn--pay btn--block"
          data-testid="waitlist-pay"
          onClick={() => openAppointment(appointmentId)}
        >
          去支付
        </Button>
      ) : null}
      {entry.status === 'waiting' ? (
        <Button
          className="btn btn--secondary btn--block"
          data-testid="waitlist-leave"
          onClick={() => void confirmAndLeave(entry, onChanged)}
        >
          取消候补
        </Button>
      ) : null}
    </View>
  );
}
