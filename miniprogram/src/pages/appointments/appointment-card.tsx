import { Text, View } from '@tarojs/components';
import type { AppointmentView } from '@jiuyi/shared';
import { StatusTag } from '../../components/status-tag';
import { countdown } from '../../utils/booking-format';

/** One appointment in 我的预约: status first, then when, where and who. */
export function AppointmentCard({
  appointment,
  now,
  onOpen,
}: {
  appointment: AppointmentView;
  now: Date;
  onOpen: () => void;
}) {
  const left =
    appointment.status === 'pending_payment' && appointment.holdExpiresAt
      ? countdown(appointment.holdExpiresAt, now)
      : undefined;
  return (
    <View
      className="appt-card"
      data-testid={`appointment-${appointment.id}`}
      data-status={appointment.status}
      hoverClass="entry-row--pressed"
      onClick={onOpen}
    >
      <View className="appt-card__head">
        <Text className="appt-card__time">{appointment.confirmation.slotTime}</Text>
        <StatusTag status={appointment.status} />
      </View>
      <Text className="appt-card__line">
        {appointment.department.name} · {appointment.doctor.name} {appointment.doctor.titleLabel}
      </Text>
      <Text className="appt-card__line appt-card__line--muted">就诊人：{appointment.patientName}</Text>
      {left ? (
        <Text className="appt-card__hold" data-testid="card-hold-countdown">
          请在 {left} 内支付，超时号源自动释放
        </Text>
      ) : null}
    </View>
  );
}
