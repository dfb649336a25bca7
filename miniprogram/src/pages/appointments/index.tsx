import { Button } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { AppointmentView } from '@jiuyi/shared';
import { listAppointments } from '../../api/booking-api';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { useNow } from '../../hooks/use-now';
import { openAppointment, openDepartments, openWaitlist } from '../../utils/booking-navigate';
import { AppointmentCard } from './appointment-card';
import { EntryRow } from '../../components/entry-row';

const UPCOMING: readonly AppointmentView['status'][] = ['pending_payment', 'booked', 'checked_in'];

/** Upcoming visits soonest first; the rest newest first. */
function split(appointments: AppointmentView[]) {
  const upcoming = appointments
    .filter((a) => UPCOMING.includes(a.status))
    .sort((a, b) => a.start.localeCompare(b.start));
  const past = appointments
    .filter((a) => !UPCOMING.includes(a.status))
    .sort((a, b) => b.start.localeCompare(a.start));
  return { upcoming, past };
}

/** 我的预约: what is coming, with holds counting down, and the history with its outcomes. */
function AppointmentsPage() {
  const appointments = useAsync(() => listAppointments(), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) appointments.reload();
    shown.current = true;
  });
  const data = appointments.status === 'success' ? split(appointments.data) : undefined;
  const now = useNow(!!data && data.upcoming.some((a) => a.status === 'pending_payment'));

  return (
    <Page testId="page-appointments">
      {appointments.status === 'loading' ? <LoadingView /> : null}
      {appointments.status === 'error' ? (
        <ErrorView error={appointments.error} onRetry={appointments.reload} />
      ) : null}
      {data ? (
        <>
          <Section title="待就诊" testId="upcoming">
            {data.upcoming.length === 0 ? <EmptyView text="暂无待就诊的预约" /> : null}
            {data.upcoming.map((a) => (
              <AppointmentCard key={a.id} appointment={a} now={now} onOpen={() => openAppointment(a.id)} />
            ))}
            <Button
              className="btn btn--primary btn--block"
              data-testid="book-again"
              onClick={openDepartments}
            >
              预约挂号
            </Button>
          </Section>
          <Section>
            <EntryRow
              title="我的候补"
              hint="约满时加入的候补排队"
              testId="entry-waitlist"
              onOpen={openWaitlist}
            />
          </Section>
          {data.past.length > 0 ? (
            <Section title="历史预约" testId="past">
              {data.past.map((a) => (
                <AppointmentCard key={a.id} appointment={a} now={now} onOpen={() => openAppointment(a.id)} />
              ))}
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

export default AppointmentsPage;
