import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { DOCTOR_TITLE_LABELS } from '@jiuyi/shared';
import type { AppointmentView, ClinicBookingKind, SessionView } from '@jiuyi/shared';
import { listDepartments } from '../../../api/booking-api';
import { bookInClinic } from '../../../api/clinic-api';
import { ChoiceGroup } from '../../../components/choice-group';
import { FormField } from '../../../components/form-field';
import { IdDocumentFields } from '../../../components/id-document-fields';
import type { IdDocumentValue } from '../../../components/id-document-fields';
import { OptionList } from '../../../components/option-list';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { PERIOD_LABELS, clock, monthDay, weekdayOf } from '../../../utils/booking-format';
import { errorText } from '../../../utils/error-text';
import { loadOwnDoctor } from '../own-doctor';
import { KIND_OPTIONS, loadProfile, sessionsFor } from './session-choices';
import type { DoctorProfile } from './session-choices';

const EMPTY_DOCUMENT: IdDocumentValue = { idType: 'resident_id', idNumber: '' };

function sessionLabel(s: SessionView): string {
  return `${monthDay(s.date)}（${weekdayOf(s.date)}）${PERIOD_LABELS[s.period]} ${s.doctor.name} ${DOCTOR_TITLE_LABELS[s.doctor.title]}`;
}

function Booked({ appointment, onNext }: { appointment: AppointmentView; onNext: () => void }) {
  return (
    <Section title="预约成功">
      <View className="banner banner--success" data-testid="clinic-booking-done" role="status">
        <Text>
          已为 {appointment.patientName} 预约 {appointment.department.name} {appointment.doctor.name}{' '}
          {appointment.doctor.titleLabel}，{monthDay(appointment.date)} {clock(appointment.start)}–
          {clock(appointment.end)}。患者会收到预约通知。
        </Text>
      </View>
      <Button className="btn btn--primary btn--block" data-testid="clinic-booking-next" onClick={onNext}>
        为下一位患者预约
      </Button>
    </Section>
  );
}

function SessionAndSlot({
  step,
  kind,
  departmentId,
  profile,
  sessionId,
  slotId,
  onSession,
  onSlot,
}: {
  step: number;
  kind: ClinicBookingKind;
  departmentId: string;
  profile: DoctorProfile;
  sessionId: string;
  slotId: string;
  onSession: (id: string) => void;
  onSlot: (id: string) => void;
}) {
  const sessions = useAsync(() => sessionsFor(kind, departmentId, profile), [kind, departmentId]);
  if (sessions.status === 'loading') return <LoadingView />;
  if (sessions.status === 'error') return <ErrorView error={sessions.error} onRetry={sessions.reload} />;
  if (sessions.data.length === 0) return <EmptyView text="近两周没有符合的出诊" />;
  const session = sessions.data.find((s) => s.id === sessionId);
  return (
    <>
      <FormField step={step} label="出诊（含未放号）" errorTestId="error-clinic-session">
        <OptionList
          options={sessions.data.map((s) => ({ value: s.id, label: sessionLabel(s) }))}
          value={sessionId}
          testIdPrefix="clinic-session"
          onChange={onSession}
        />
      </FormField>
      {session ? (
        <FormField step={step + 1} label="时段" errorTestId="error-clinic-slot">
          <OptionList
            grid
            options={session.slots.map((s) => ({ value: s.id, label: `${clock(s.start)}–${clock(s.end)}` }))}
            value={slotId}
            testIdPrefix="clinic-slot"
            onChange={onSlot}
          />
        </FormField>
      ) : null}
    </>
  );
}

/** 诊间预约: the doctor books the patient in front of them a follow-up, a senior doctor or another specialty. */
function ClinicBookingPage() {
  const setup = useAsync(async () => {
    const [profile, departments] = await Promise.all([loadOwnDoctor().then(loadProfile), listDepartments()]);
    return { profile, departments };
  }, []);
  const [idDocument, setIdDocument] = useState<IdDocumentValue>(EMPTY_DOCUMENT);
  const [kind, setKind] = useState<ClinicBookingKind>('follow_up');
  const [otherDepartmentId, setOtherDepartmentId] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [slotId, setSlotId] = useState('');
  const [errors, setErrors] = useState<{ idNumber?: string; slot?: string; submit?: string }>({});
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<AppointmentView>();

  if (setup.status !== 'success')
    return (
      <Page testId="page-doctor-clinic-booking">
        {setup.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView error={setup.error} onRetry={setup.reload} />
        )}
      </Page>
    );

  const { profile, departments } = setup.data;
  const departmentId = kind === 'other_specialty' ? otherDepartmentId : profile.department.id;
  const pickKind = (next: ClinicBookingKind) => {
    setKind(next);
    setSessionId('');
    setSlotId('');
  };
  const reset = () => {
    setBooked(undefined);
    setIdDocument(EMPTY_DOCUMENT);
    setSessionId('');
    setSlotId('');
    setErrors({});
  };

  const submit = async () => {
    if (busy) return;
    const next = {
      idNumber: idDocument.idNumber.trim() ? undefined : '请填写患者出示的证件号码',
      slot: slotId ? undefined : '请选择出诊和时段',
    };
    setErrors(next);
    if (next.idNumber || next.slot) return;
    const { confirm } = await Taro.showModal({
      title: '确认预约',
      content: `为证件号 ${idDocument.idNumber.trim()} 的患者预约所选时段？`,
      confirmText: '确认预约',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      setBooked(
        await bookInClinic({
          patient: { idType: idDocument.idType, idNumber: idDocument.idNumber.trim() },
          slotId,
          kind,
        }),
      );
    } catch (caught) {
      setErrors({ submit: errorText(caught) });
    } finally {
      setBusy(false);
    }
  };

  if (booked)
    return (
      <Page testId="page-doctor-clinic-booking">
        <Booked appointment={booked} onNext={reset} />
      </Page>
    );

  return (
    <Page testId="page-doctor-clinic-booking">
      <Section title="诊间预约">
        <Text className="section__lead">
          {profile.department.name} {profile.doctor.name}：为在诊患者预约，可选尚未放号的出诊。
        </Text>
        <IdDocumentFields
          step={1}
          value={idDocument}
          error={errors.idNumber}
          onChange={(value) => {
            setIdDocument(value);
            setErrors((e) => ({ ...e, idNumber: undefined }));
          }}
        />
        <FormField
          step={3}
          label="预约类型"
          hint={KIND_OPTIONS.find((k) => k.value === kind)?.hint}
          errorTestId="error-clinic-kind"
        >
          <ChoiceGroup options={KIND_OPTIONS} value={kind} testIdPrefix="clinic-kind" onChange={pickKind} />
        </FormField>
        {kind === 'other_specialty' ? (
          <FormField step={4} label="科室" errorTestId="error-clinic-department">
            <OptionList
              options={departments
                .filter((d) => d.id !== profile.department.id)
                .map((d) => ({ value: d.id, label: d.name }))}
              value={otherDepartmentId}
              testIdPrefix="clinic-dept"
              onChange={(id) => {
                setOtherDepartmentId(id);
                setSessionId('');
                setSlotId('');
              }}
            />
          </FormField>
        ) : null}
        {departmentId ? (
          <SessionAndSlot
            step={kind === 'other_specialty' ? 5 : 4}
            kind={kind}
            departmentId={departmentId}
            profile={profile}
            sessionId={sessionId}
            slotId={slotId}
            onSession={(id) => {
              setSessionId(id);
              setSlotId('');
            }}
            onSlot={(id) => {
              setSlotId(id);
              setErrors((e) => ({ ...e, slot: undefined }));
            }}
          />
        ) : null}
        {errors.slot || errors.submit ? (
          <View className="banner banner--error" data-testid="clinic-booking-error" role="alert">
            <Text>{errors.submit ?? errors.slot}</Text>
          </View>
        ) : null}
        <Button
          className="btn btn--primary btn--block"
          data-testid="clinic-booking-submit"
          {...(busy ? { disabled: true } : {})}
          onClick={() => void submit()}
        >
          {busy ? '正在预约…' : '确认预约'}
        </Button>
      </Section>
    </Page>
  );
}

export default ClinicBookingPage;
