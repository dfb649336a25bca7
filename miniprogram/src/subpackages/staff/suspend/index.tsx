import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BOOKING_OPENS_DAYS_AHEAD, DOCTOR_TITLE_LABELS } from '@jiuyi/shared';
import type { SessionView } from '@jiuyi/shared';
import { listDepartments, listSessions } from '../../../api/booking-api';
import { ChoiceGroup } from '../../../components/choice-group';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { PERIOD_LABELS, datesFrom, monthDay, weekdayOf } from '../../../utils/booking-format';

const DAYS = BOOKING_OPENS_DAYS_AHEAD + 1;

function openSession(session: SessionView): void {
  const query = `sessionId=${encodeURIComponent(session.id)}&departmentId=${encodeURIComponent(session.departmentId)}&date=${session.date}`;
  void Taro.navigateTo({ url: `/subpackages/staff/suspend-session/index?${query}` });
}

function SessionRow({ session }: { session: SessionView }) {
  const booked = session.slots.reduce((n, s) => n + s.capacityOnline - s.remainingOnline, 0);
  const suspended = session.status === 'suspended';
  return (
    <View
      className="appt-card"
      data-testid={`staff-session-${session.id}`}
      hoverClass="entry-row--pressed"
      onClick={() => openSession(session)}
    >
      <View className="appt-card__head">
        <Text className="appt-card__time">
          {monthDay(session.date)}（{weekdayOf(session.date)}）{PERIOD_LABELS[session.period]}
        </Text>
        <Text className={`status-tag status-tag--${suspended ? 'red' : 'blue'}`}>
          {suspended ? '已停诊' : '出诊'}
        </Text>
      </View>
      <Text className="appt-card__line">
        {session.doctor.name} {DOCTOR_TITLE_LABELS[session.doctor.title]}
      </Text>
      <Text className="appt-card__line appt-card__line--muted">网上已约 {booked} 个号</Text>
    </View>
  );
}

/** 门诊部: pick a department, then the session to suspend (or whose suspension to review). */
function StaffSuspendPage() {
  const departments = useAsync(() => listDepartments(), []);
  const [departmentId, setDepartmentId] = useState('');
  const dates = datesFrom(new Date(), DAYS);
  const sessions = useAsync(
    () =>
      departmentId
        ? listSessions(departmentId, dates[0] ?? '', dates[dates.length - 1] ?? '')
        : Promise.resolve([]),
    [departmentId],
  );

  return (
    <Page testId="page-staff-suspend">
      <Section title="选择科室">
        {departments.status === 'loading' ? <LoadingView /> : null}
        {departments.status === 'error' ? (
          <ErrorView error={departments.error} onRetry={departments.reload} />
        ) : null}
        {departments.status === 'success' ? (
          <View className="choices-wrap">
            <ChoiceGroup
              options={departments.data.map((d) => ({ value: d.id, label: d.name }))}
              value={departmentId}
              testIdPrefix="staff-dept"
              onChange={setDepartmentId}
            />
          </View>
        ) : null}
      </Section>
      {departmentId ? (
        <Section title="选择出诊" testId="staff-sessions">
          <Text className="section__lead">
            停诊后不会静默取消预约：每位患者都会收到替诊、补诊或退号的安排和通知。
          </Text>
          {sessions.status === 'loading' ? <LoadingView /> : null}
          {sessions.status === 'error' ? (
            <ErrorView error={sessions.error} onRetry={sessions.reload} />
          ) : null}
          {sessions.status === 'success' && sessions.data.length === 0 ? (
            <EmptyView text="近期没有出诊" />
          ) : null}
          {sessions.status === 'success'
            ? sessions.data.map((session) => <SessionRow key={session.id} session={session} />)
            : null}
        </Section>
      ) : null}
    </Page>
  );
}

export default StaffSuspendPage;
