import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { BOOKING_OPENS_DAYS_AHEAD, BOOKING_RELEASE_TIME } from '@jiuyi/shared';
import { listDepartments, listDoctors, listSessions } from '../../api/booking-api';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { StepIndicator } from '../../components/step-indicator';
import { useAsync } from '../../hooks/use-async';
import { datesFrom } from '../../utils/booking-format';
import { openSlots } from '../../utils/booking-navigate';
import { decodeParam } from '../../utils/params';
import { ScheduleGrid } from './schedule-grid';

/** Today and the days of the booking window. */
const GRID_DAYS = BOOKING_OPENS_DAYS_AHEAD + 1;

async function loadSchedule(departmentId: string, dates: string[]) {
  const [departments, doctors, sessions] = await Promise.all([
    listDepartments(),
    listDoctors(departmentId),
    listSessions(departmentId, dates[0] ?? '', dates[dates.length - 1] ?? ''),
  ]);
  return { department: departments.find((d) => d.id === departmentId), doctors, sessions };
}

function Legend() {
  return (
    <View className="legend" data-testid="grid-legend">
      <Text className="legend__item">
        <Text className="legend__swatch legend__swatch--open">余 N</Text> 还可预约 N 个号
      </Text>
      <Text className="legend__item">
        <Text className="legend__swatch legend__swatch--full">约满</Text> 网上号源已约完
      </Text>
      <Text className="legend__item">
        <Text className="legend__swatch legend__swatch--suspended">停诊</Text> 医生该时段不出诊
      </Text>
      <Text className="legend__item">
        <Text className="legend__swatch legend__swatch--not_open">未开放</Text> 每天 {BOOKING_RELEASE_TIME}{' '}
        放出第 {BOOKING_OPENS_DAYS_AHEAD} 天的号
      </Text>
    </View>
  );
}

/** Step 2: the department's doctors × the next days, with numbers left, title and fee. */
function SchedulePage() {
  const departmentId = decodeParam(useRouter().params.departmentId);
  const now = useMemo(() => new Date(), []);
  const dates = useMemo(() => datesFrom(now, GRID_DAYS), [now]);
  const schedule = useAsync(() => loadSchedule(departmentId, dates), [departmentId]);

  return (
    <Page testId="page-schedule">
      <StepIndicator current={1} />
      {schedule.status === 'loading' ? <LoadingView /> : null}
      {schedule.status === 'error' ? <ErrorView error={schedule.error} onRetry={schedule.reload} /> : null}
      {schedule.status === 'success' ? (
        <Section title={schedule.data.department?.name ?? '选择医生和日期'} testId="schedule">
          <Text className="section__lead">点有号的格子选择时段。左右滑动可查看更多日期。</Text>
          {schedule.data.doctors.length === 0 ? (
            <EmptyView text="该科室暂无出诊医生" hint="请返回选择其他科室" />
          ) : (
            <ScheduleGrid
              doctors={schedule.data.doctors}
              sessions={schedule.data.sessions}
              dates={dates}
              now={now}
              onOpen={(session) => openSlots({ departmentId, date: session.date, sessionId: session.id })}
            />
          )}
          <Legend />
        </Section>
      ) : null}
    </Page>
  );
}

export default SchedulePage;
