import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { DOCTOR_TITLE_LABELS } from '@jiuyi/shared';
import { bookAppointment } from '../../api/booking-api';
import { getPatient } from '../../api/patients-api';
import { askToSubscribe, prepareSubscriptions } from '../../api/subscriptions-api';
import { InfoRow } from '../../components/info-row';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { ErrorView, LoadingView } from '../../components/state-views';
import { StepIndicator } from '../../components/step-indicator';
import { useAsync } from '../../hooks/use-async';
import { NO_SHOW_NOTE, cancelNote, clock, monthDay, weekdayOf, yuan } from '../../utils/booking-format';
import { describeBookingFailure, isRetryable } from '../../utils/booking-errors';
import type { BookingFailure } from '../../utils/booking-errors';
import { rememberDepartment, rememberPatient } from '../../utils/booking-memory';
import { openAppointment } from '../../utils/booking-navigate';
import { newIdempotencyKey } from '../../utils/idempotency-key';
import { decodeParam } from '../../utils/params';
import { RELATION_LABELS } from '../../utils/patient-labels';
import { loadBookingSession } from '../../utils/use-booking-session';

function FailureBanner({ failure }: { failure: BookingFailure }) {
  return (
    <View className="banner banner--error" data-testid="booking-error" data-code={failure.code} role="alert">
      <Text className="banner__title">{failure.message}</Text>
      {failure.nextStep ? <Text className="banner__hint">{failure.nextStep}</Text> : null}
    </View>
  );
}

/** Step 5: everything the patient is agreeing to, then one big 确认预约. */
function BookingConfirmPage() {
  const params = useRouter().params;
  const departmentId = decodeParam(params.departmentId);
  const date = decodeParam(params.date);
  const sessionId = decodeParam(params.sessionId);
  const slotId = decodeParam(params.slotId);
  const patientId = decodeParam(params.patientId);
  const loaded = useAsync(async () => {
    const [booking, patient] = await Promise.all([
      loadBookingSession(departmentId, date, sessionId),
      getPatient(patientId),
    ]);
    return { ...booking, patient };
  }, [sessionId, patientId]);
  // One key per confirm attempt: a retry after a lost answer must not book a second number.
  const idempotencyKey = useRef(newIdempotencyKey());
  useEffect(prepareSubscriptions, []);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BookingFailure>();

  const confirm = async (departmentName: string) => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    await askToSubscribe('booking');
    try {
      const appointment = await bookAppointment(slotId, patientId, idempotencyKey.current);
      rememberDepartment({ id: departmentId, name: departmentName });
      rememberPatient(patientId);
      openAppointment(appointment.id, { justBooked: true });
    } catch (error) {
      const described = describeBookingFailure(error);
      if (!isRetryable(described.code)) idempotencyKey.current = newIdempotencyKey();
      setFailure(described);
    } finally {
      setBusy(false);
    }
  };

  if (loaded.status === 'loading')
    return (
      <Page testId="page-booking-confirm">
        <StepIndicator current={4} />
        <LoadingView />
      </Page>
    );
  if (loaded.status === 'error')
    return (
      <Page testId="page-booking-confirm">
        <StepIndicator current={4} />
        <ErrorView error={loaded.error} onRetry={loaded.reload} />
      </Page>
    );

  const { session, department, patient } = loaded.data;
  const slot = session.slots.find((s) => s.id === slotId);
  const departmentName = department?.name ?? '';
  return (
    <Page testId="page-booking-confirm">
      <StepIndicator current={4} />
      <Section title="请核对预约信息" testId="confirm-details">
        <InfoRow
          label="就诊人"
          value={`${patient.name}（${RELATION_LABELS[patient.relation]}）`}
          testId="confirm-patient"
        />
        <InfoRow
          label="就诊时间"
          value={`${monthDay(session.date)}（${weekdayOf(session.date)}）${slot ? `${clock(slot.start)}–${clock(slot.end)}` : ''}`}
          testId="confirm-time"
        />
        <InfoRow label="科室" value={departmentName} testId="confirm-department" />
        <InfoRow
          label="医生"
          value={`${session.doctor.name} ${DOCTOR_TITLE_LABELS[session.doctor.title]}`}
          testId="confirm-doctor"
        />
        <InfoRow label="挂号费" value={slot ? `¥${yuan(slot.feeFen)}` : '—'} testId="confirm-fee" emphasis />
      </Section>
      <Section title="就诊须知" testId="confirm-rules">
        <Text className="notice-line">
          <Text className="notice-line__head">如何取消：</Text>
          {cancelNote(session.period)}
        </Text>
        <Text className="notice-line">
          <Text className="notice-line__head">爽约处理：</Text>
          {NO_SHOW_NOTE}
        </Text>
        {slot && slot.feeFen > 0 ? (
          <Text className="notice-line">
            <Text className="notice-line__head">支付：</Text>
            确认后号源为您保留 15 分钟，请在保留时间内支付挂号费，超时自动释放。
          </Text>
        ) : null}
      </Section>
      {failure ? <FailureBanner failure={failure} /> : null}
      <Button
        className="btn btn--primary btn--block"
        data-testid="confirm-booking"
        // H5 greys out any `disabled` attribute, even "false": set it only while it applies.
        {...(busy || !slot ? { disabled: true } : {})}
        onClick={() => void confirm(departmentName)}
      >
        {busy ? '正在预约…' : failure && isRetryable(failure.code) ? '再试一次' : '确认预约'}
      </Button>
    </Page>
  );
}

export default BookingConfirmPage;
