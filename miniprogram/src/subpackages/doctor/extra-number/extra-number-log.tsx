import { Text, View } from '@tarojs/components';
import type { ExtraNumberLog } from '../../../api/clinic-api';
import { EmptyView } from '../../../components/state-views';
import { clock } from '../../../utils/booking-format';

/** Who got an extra number, when and why: the audit trail the doctor and 门诊部 both see. */
export function ExtraNumberLogList({ log }: { log: ExtraNumberLog }) {
  if (log.items.length === 0) return <EmptyView text="本出诊还没有加号" />;
  return (
    <View data-testid="extra-number-log">
      {log.items.map((entry) => (
        <View key={entry.id} className="appt-card" data-testid={`extra-number-${entry.id}`}>
          <View className="appt-card__head">
            <Text className="appt-card__time">{entry.patientName}</Text>
            <Text className="appt-card__line appt-card__line--muted">{clock(entry.issuedAt)}</Text>
          </View>
          <Text className="appt-card__line appt-card__line--muted">证件 {entry.idNumberMasked}</Text>
          <Text className="appt-card__line">原因：{entry.reason}</Text>
        </View>
      ))}
    </View>
  );
}
