import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { sessionEndsAt } from '@jiuyi/shared';
import type { SessionView } from '@jiuyi/shared';
import { listOwnSessions } from '../../../api/clinic-api';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { PERIOD_LABELS, datesFrom, monthDay, weekdayOf } from '../../../utils/booking-format';
import { loadOwnDoctor, onlineCounts } from '../own-doctor';

/** Today and the six days after it. */
const DAYS = 7;

function openExtraNumber(session: SessionView): void {
  const query = `sessionId=${encodeURIComponent(session.id)}&departmentId=${encodeURIComponent(session.departmentId)}&date=${session.date}`;
  void Taro.navigateTo({ url: `/subpackages/doctor/extra-number/index?${query}` });
}

/** How a session reads on its card; only an open one that has not ended can take an extra number. */
function sessionState(session: SessionView, now: Date): { label: string; tone: string; open: boolean } {
  if (session.status === 'suspended') return { label: '已停诊', tone: 'red', open: false };
  if (sessionEndsAt(session.date, session.period).getTime() <= now.getTime())
    return { label: '已结束', tone: 'grey', open: false };
  return { label: '出诊', tone: 'blue', open: true };
}

function SessionCard({ session }: { session: SessionView }) {
  const { booked, capacity } = onlineCounts(session.slots);
  const state = sessionState(session, new Date());
  return (
    <View
      className="appt-card"
      data-testid={`doctor-session-${session.id}`}
      hoverClass={state.open ? 'entry-row--pressed' : 'none'}
      onClick={state.open ? () => openExtraNumber(session) : undefined}
    >
      <View className="appt-card__head">
        <Text className="appt-card__time">
          {monthDay(session.date)}（{weekdayOf(session.date)}）{PERIOD_LABELS[session.period]}
        </Text>
        <Text className={`status-tag status-tag--${state.tone}`}>{state.label}</Text>
      </View>
      <Text className="appt-card__line" data-testid="session-counts">
        网上号 已约 {booked} / 共 {capacity}
      </Text>
      {state.open ? (
        <Text className="appt-card__line appt-card__line--muted">点此加号、查看加号记录 ›</Text>
      ) : null}
    </View>
  );
}

/** 我的出诊: the doctor's own sessions of the coming week, with how full each one is. */
function DoctorSessionsPage() {
  const sessions = useAsync(async () => {
    const own = await loadOwnDoctor();
    const dates = datesFrom(new Date(), DAYS);
    const list = await listOwnSessions(
      own.doctorId,
      own.department.id,
      dates[0] ?? '',
      dates[DAYS - 1] ?? '',
    );
    return { department: own.department, list };
  }, []);

  return (
    <Page testId="page-doctor-sessions">
      <Section title={`近 ${DAYS} 天出诊`}>
        {sessions.status === 'loading' ? <LoadingView /> : null}
        {sessions.status === 'error' ? <ErrorView error={sessions.error} onRetry={sessions.reload} /> : null}
        {sessions.status === 'success' ? (
          <Text className="section__lead">{sessions.data.department.name}（含尚未放号的出诊）</Text>
        ) : null}
        {sessions.status === 'success' && sessions.data.list.length === 0 ? (
          <EmptyView text="近 7 天没有出诊安排" />
        ) : null}
        {sessions.status === 'success'
          ? sessions.data.list.map((session) => <SessionCard key={session.id} session={session} />)
          : null}
      </Section>
    </Page>
  );
}

export default DoctorSessionsPage;
