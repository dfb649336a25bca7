import { Text, View } from '@tarojs/components';
import { DOCTOR_TITLE_LABELS } from '@jiuyi/shared';
import type { SessionView } from '@jiuyi/shared';
import { monthDay, periodHours, weekdayOf, yuan } from '../utils/booking-format';

/** Who and when, at the top of the slot, patient and confirm steps. */
export function SessionSummary({
  session,
  departmentName,
}: {
  session: SessionView;
  departmentName?: string;
}) {
  const fee = session.slots[0]?.feeFen;
  return (
    <View className="session-summary" data-testid="session-summary">
      <Text className="session-summary__doctor">
        {session.doctor.name} · {DOCTOR_TITLE_LABELS[session.doctor.title]}
      </Text>
      {departmentName ? <Text className="session-summary__line">{departmentName}</Text> : null}
      <Text className="session-summary__line">
        {monthDay(session.date)}（{weekdayOf(session.date)}）{periodHours(session.period)}
      </Text>
      {fee !== undefined ? <Text className="session-summary__line">挂号费 ¥{yuan(fee)}</Text> : null}
    </View>
  );
}
