import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { SlotView } from '@jiuyi/shared';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { SessionSummary } from '../../components/session-summary';
import { ErrorView, LoadingView } from '../../components/state-views';
import { StepIndicator } from '../../components/step-indicator';
import { useAsync } from '../../hooks/use-async';
import { clock } from '../../utils/booking-format';
import { openPatientChoice } from '../../utils/booking-navigate';
import { decodeParam } from '../../utils/params';
import { remainingInSession } from '../../utils/session-state';
import { loadBookingSession } from '../../utils/use-booking-session';

function SlotRow({ slot, onChoose }: { slot: SlotView; onChoose: () => void }) {
  const full = slot.remainingOnline === 0;
  return (
    <View
      className={full ? 'slot-row slot-row--full' : 'slot-row'}
      data-testid={`slot-${slot.id}`}
      data-remaining={slot.remainingOnline}
      hoverClass={full ? 'none' : 'entry-row--pressed'}
      onClick={full ? undefined : onChoose}
    >
      <Text className="slot-row__time">
        {clock(slot.start)}–{clock(slot.end)}
      </Text>
      <Text className={full ? 'slot-row__left slot-row__left--full' : 'slot-row__left'}>
        {full ? '已约满' : `余 ${slot.remainingOnline} 个`}
      </Text>
      <Text className="chevron">{full ? '' : '›'}</Text>
    </View>
  );
}

/** Step 3: the session's time slots with the numbers left in each. */
function SlotsPage() {
  const params = useRouter().params;
  const departmentId = decodeParam(params.departmentId);
  const date = decodeParam(params.date);
  const sessionId = decodeParam(params.sessionId);
  const loaded = useAsync(() => loadBookingSession(departmentId, date, sessionId), [sessionId]);

  return (
    <Page testId="page-slots">
      <StepIndicator current={2} />
      {loaded.status === 'loading' ? <LoadingView /> : null}
      {loaded.status === 'error' ? <ErrorView error={loaded.error} onRetry={loaded.reload} /> : null}
      {loaded.status === 'success' ? (
        <>
          <SessionSummary session={loaded.data.session} departmentName={loaded.data.department?.name} />
          <Section title="选择时段" testId="slot-list">
            <Text className="section__lead">请选择方便的时段，按时到院就诊。</Text>
            {remainingInSession(loaded.data.session) === 0 ? (
              <View className="banner banner--info" data-testid="session-full">
                <Text>本次出诊网上号源已约满。可加入候补：有人退号时按排队先后分配给您。</Text>
                <Button
                  className="btn btn--primary btn--block banner__action"
                  data-testid="join-waitlist"
                  onClick={() => openPatientChoice({ departmentId, date, sessionId, mode: 'waitlist' })}
                >
                  加入候补
                </Button>
              </View>
            ) : null}
            {loaded.data.session.slots.map((slot) => (
              <SlotRow
                key={slot.id}
                slot={slot}
                onChoose={() => openPatientChoice({ departmentId, date, sessionId, slotId: slot.id })}
              />
            ))}
          </Section>
        </>
      ) : null}
    </Page>
  );
}

export default SlotsPage;
