import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { SessionSuspensionView, SuspensionChoice, SuspensionOfferView } from '@jiuyi/shared';
import { ApiError } from '../../../api/client';
import { Page } from '../../../components/page';
import { ReasonField } from '../../../components/reason-field';
import { Section } from '../../../components/section';
import { SessionSummary } from '../../../components/session-summary';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { PERIOD_LABELS, clock, monthDay } from '../../../utils/booking-format';
import { confirmAction } from '../../../utils/confirm';
import { decodeParam } from '../../../utils/params';
import { loadBookingSession } from '../../../utils/use-booking-session';
import { getSessionSuspension, suspendSession } from '../suspend/suspension-staff-api';
import { DEFAULT_MAKE_UP, MakeUpChoice } from './make-up-choice';

const CHOICE_LABELS: Record<SuspensionChoice, string> = {
  substitute: '替诊',
  makeup: '补诊',
  cancel: '退号',
};

function OfferRow({ offer }: { offer: SuspensionOfferView }) {
  const outcome = offer.choice
    ? `已定：${CHOICE_LABELS[offer.choice]}${offer.decidedBy === 'default' ? '（默认）' : ''}`
    : `待患者选择（默认${CHOICE_LABELS[offer.defaultChoice]}，${monthDay(offer.deadline.slice(0, 10))} ${clock(offer.deadline)} 截止）`;
  return (
    <View className="appt-card" data-testid={`offer-${offer.appointmentId}`}>
      <Text className="appt-card__time">{offer.patientName}</Text>
      <Text className="appt-card__line">可选：{offer.options.map((o) => CHOICE_LABELS[o]).join('、')}</Text>
      {offer.substitute ? (
        <Text className="appt-card__line appt-card__line--muted">
          替诊：{offer.substitute.doctor.name} {offer.substitute.doctor.titleLabel}{' '}
          {clock(offer.substitute.start)}
        </Text>
      ) : null}
      {offer.makeUp ? (
        <Text className="appt-card__line appt-card__line--muted">
          补诊：{monthDay(offer.makeUp.date)} {PERIOD_LABELS[offer.makeUp.period]} {offer.makeUp.doctor.name}
        </Text>
      ) : null}
      <Text className="appt-card__line appt-card__line--muted">{outcome}</Text>
    </View>
  );
}

function Outcomes({ suspension }: { suspension: SessionSuspensionView }) {
  return (
    <Section title="患者安排" testId="suspension-outcomes">
      {suspension.reason ? <Text className="section__lead">停诊原因：{suspension.reason}</Text> : null}
      {suspension.items.length === 0 ? <EmptyView text="该出诊没有需要安排的预约" /> : null}
      {suspension.items.map((offer) => (
        <OfferRow key={offer.appointmentId} offer={offer} />
      ))}
    </Section>
  );
}

/** One session: suspend it with a reason, then follow every displaced patient's arrangement. */
function StaffSuspendSessionPage() {
  const params = useRouter().params;
  const sessionId = decodeParam(params.sessionId);
  const loaded = useAsync(async () => {
    const booking = await loadBookingSession(
      decodeParam(params.departmentId),
      decodeParam(params.date),
      sessionId,
    );
    const suspension =
      booking.session.status === 'suspended' ? await getSessionSuspension(sessionId) : undefined;
    return { ...booking, suspension };
  }, [sessionId]);
  const [reason, setReason] = useState('');
  const [makeUp, setMakeUp] = useState(DEFAULT_MAKE_UP);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SessionSuspensionView>();

  const submit = async () => {
    if (busy) return;
    if (reason.trim().length < 2) {
      setError('请填写停诊原因（至少 2 个字）');
      return;
    }
    const confirmed = await confirmAction({
      title: '确认停诊',
      content: '停诊后该出诊不再接受预约，已预约的患者会收到替诊、补诊或退号的安排。',
      confirmText: '确认停诊',
      confirmColor: '#b42318',
    });
    if (!confirmed) return;
    setBusy(true);
    setError(undefined);
    try {
      setResult(
        await suspendSession(sessionId, reason.trim(), makeUp === DEFAULT_MAKE_UP ? undefined : makeUp),
      );
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : new ApiError('UNKNOWN_ERROR', 0).message);
    } finally {
      setBusy(false);
    }
  };

  if (loaded.status !== 'success')
    return (
      <Page testId="page-staff-suspend-session">
        {loaded.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView error={loaded.error} onRetry={loaded.reload} />
        )}
      </Page>
    );

  const suspension = result ?? loaded.data.suspension;
  return (
    <Page testId="page-staff-suspend-session">
      <SessionSummary session={loaded.data.session} departmentName={loaded.data.department?.name} />
      {suspension ? (
        <Outcomes suspension={suspension} />
      ) : (
        <Section title="停诊">
          <ReasonField
            step={1}
            label="停诊原因"
            hint="患者会在通知中看到"
            error={error}
            errorTestId="error-reason"
            testId="suspend-reason"
            value={reason}
            placeholder="如：医生临时参加抢救"
            maxlength={200}
            onChange={setReason}
          />
          <MakeUpChoice step={2} session={loaded.data.session} value={makeUp} onChange={setMakeUp} />
          <Button
            className="btn btn--danger btn--block"
            data-testid="suspend-submit"
            // H5 greys out any `disabled` attribute, even "false": set it only while sending.
            {...(busy ? { disabled: true } : {})}
            onClick={() => void submit()}
          >
            {busy ? '正在停诊…' : '确认停诊'}
          </Button>
        </Section>
      )}
    </Page>
  );
}

export default StaffSuspendSessionPage;
