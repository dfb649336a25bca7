import { ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ClinicPeriod, Doctor, SessionView } from '@jiuyi/shared';
import { DOCTOR_TITLE_LABELS } from '@jiuyi/shared';
import { PERIOD_LABELS, dayLabel, monthDay, yuan } from '../../utils/booking-format';
import { cellLabel, sessionCellState } from '../../utils/session-state';
import type { SessionCellState } from '../../utils/session-state';

const PERIODS: readonly ClinicPeriod[] = ['am', 'pm'];

interface ScheduleGridProps {
  doctors: Doctor[];
  sessions: SessionView[];
  dates: string[];
  now: Date;
  onOpen: (session: SessionView) => void;
}

/** Why a cell that cannot be booked does nothing, said in a toast instead of silence. */
function explain(state: SessionCellState): string | undefined {
  switch (state.kind) {
    case 'suspended':
      return '医生该时段停诊';
    case 'not_open':
      return `${state.opensAt} 放号`;
    case 'closed':
      return '该出诊已停止网上预约';
    default:
      return undefined;
  }
}

function SessionCell({ session, now, onOpen }: { session: SessionView; now: Date; onOpen: () => void }) {
  const state = sessionCellState(session, now);
  const tap = () => {
    const reason = explain(state);
    if (reason) void Taro.showToast({ title: reason, icon: 'none', duration: 2500 });
    else onOpen();
  };
  return (
    <View
      className={`grid-cell grid-cell--${state.kind}`}
      data-testid={`cell-${session.id}`}
      data-state={state.kind}
      hoverClass="grid-cell--pressed"
      onClick={tap}
    >
      <Text className="grid-cell__period">{PERIOD_LABELS[session.period]}</Text>
      <Text className="grid-cell__label">{cellLabel(state)}</Text>
    </View>
  );
}

function DoctorHead({ doctor }: { doctor: Doctor }) {
  return (
    <View className="grid-doctor" data-testid={`doctor-${doctor.id}`}>
      <Text className="grid-doctor__name">{doctor.name}</Text>
      <Text className="grid-doctor__title">{DOCTOR_TITLE_LABELS[doctor.title]}</Text>
      <Text className="grid-doctor__fee">¥{yuan(doctor.feeFen)}</Text>
    </View>
  );
}

/**
 * Doctors down, days across: each day holds a 上午 and a 下午 cell with what is left. The
 * doctor column stays put while the days scroll sideways.
 */
export function ScheduleGrid({ doctors, sessions, dates, now, onOpen }: ScheduleGridProps) {
  const today = dates[0] ?? '';
  const find = (doctorId: string, date: string, period: ClinicPeriod) =>
    sessions.find((s) => s.doctor.id === doctorId && s.date === date && s.period === period);

  return (
    <ScrollView scrollX className="grid-scroll" data-testid="schedule-grid">
      <View className="grid">
        <View className="grid-row grid-row--head">
          <View className="grid-doctor grid-doctor--head">
            <Text>医生</Text>
          </View>
          {dates.map((date) => (
            <View key={date} className="grid-day">
              <Text className="grid-day__name">{dayLabel(date, today)}</Text>
              <Text className="grid-day__date">{monthDay(date)}</Text>
            </View>
          ))}
        </View>
        {doctors.map((doctor) => (
          <View key={doctor.id} className="grid-row">
            <DoctorHead doctor={doctor} />
            {dates.map((date) => (
              <View key={date} className="grid-day grid-day--cells">
                {PERIODS.map((period) => {
                  const session = find(doctor.id, date, period);
                  return session ? (
                    <SessionCell key={period} session={session} now={now} onOpen={() => onOpen(session)} />
                  ) : (
                    <View key={period} className="grid-cell grid-cell--none">
                      <Text className="grid-cell__period">{PERIOD_LABELS[period]}</Text>
                      <Text className="grid-cell__label">—</Text>
                    </View>
                  );
                })}
              </View>
            ))}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
