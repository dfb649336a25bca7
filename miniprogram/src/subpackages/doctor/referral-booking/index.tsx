import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { DOCTOR_TITLE_LABELS } from '@jiuyi/shared';
import type { AppointmentView, SessionView } from '@jiuyi/shared';
import { listDepartments } from '../../../api/booking-api';
import { bookReferral } from '../../../api/referral-api';
import { FormField } from '../../../components/form-field';
import { IdDocumentFields } from '../../../components/id-document-fields';
import type { IdDocumentValue } from '../../../components/id-document-fields';
import { OptionList } from '../../../components/option-list';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { PERIOD_LABELS, clock, monthDay, weekdayOf, yuan } from '../../../utils/booking-format';
import { errorText } from '../../../utils/error-text';
import { referralLeft, referralSessions, referralSlots } from './referral-sessions';

const EMPTY_DOCUMENT: IdDocumentValue = { idType: 'resident_id', idNumber: '' };
const REFERRALS_PAGE = '/subpackages/doctor/referrals/index';

interface FormErrors {
  idNumber?: string;
  slot?: string;
  reason?: string;
  submit?: string;
}

function sessionLabel(s: SessionView): string {
  return `${monthDay(s.date)}（${weekdayOf(s.date)}）${PERIOD_LABELS[s.period]} ${s.doctor.name} ${DOCTOR_TITLE_LABELS[s.doctor.title]} · 转诊号余 ${referralLeft(s)}`;
}

function Booked({ appointment, onNext }: { appointment: AppointmentView; onNext: () => void }) {
  return (
    <Section title="转诊预约成功">
      <View className="banner banner--success" data-testid="referral-booking-done" role="status">
        <Text>
          已为 {appointment.patientName} 预约 {appointment.department.name} {appointment.doctor.name}{' '}
          {appointment.doctor.titleLabel}，{monthDay(appointment.date)} {clock(appointment.start)}–
          {clock(appointment.end)}。
          {appointment.status === 'pending_payment'
            ? `挂号费 ${yuan(appointment.feeFen)} 元，请提醒患者在小程序“我的预约”中按时支付。`
            : '患者会收到预约通知。'}
        </Text>
      </View>
      <Button
        className="btn btn--primary btn--block"
        data-testid="referral-booking-list"
        onClick={() => void Taro.navigateTo({ url: REFERRALS_PAGE })}
      >
        查看我的转诊预约
      </Button>
      <Button className="btn btn--secondary btn--block" data-testid="referral-booking-next" onClick={onNext}>
        为下一位患者预约
      </Button>
    </Section>
  );
}

function SessionAndSlot({
  departmentId,
  sessionId,
  slotId,
  onSession,
  onSlot,
}: {
  departmentId: string;
  sessionId: string;
  slotId: string;
  onSession: (id: string) => void;
  onSlot: (id: string) => void;
}) {
  const sessions = useAsync(() => referralSessions(departmentId), [departmentId]);
  if (sessions.status === 'loading') return <LoadingView />;
  if (sessions.status === 'error') return <ErrorView error={sessions.error} onRetry={sessions.reload} />;
  if (sessions.data.length === 0) return <EmptyView text="该科室近 7 天没有剩余的转诊号" />;
  const session = sessions.data.find((s) => s.id === sessionId);
  return (
    <>
      <FormField step={4} label="出诊（含未放号）" errorTestId="error-referral-session">
        <OptionList
          options={sessions.data.map((s) => ({ value: s.id, label: sessionLabel(s) }))}
          value={sessionId}
          testIdPrefix="referral-session"
          onChange={onSession}
        />
      </FormField>
      {session ? (
        <FormField step={5} label="时段" errorTestId="error-referral-slot">
          <OptionList
            options={referralSlots(session).map((s) => ({
              value: s.id,
              label: `${clock(s.start)}–${clock(s.end)} · 转诊号余 ${s.remainingReferral}`,
            }))}
            value={slotId}
            testIdPrefix="referral-slot"
            onChange={onSlot}
          />
        </FormField>
      ) : null}
    </>
  );
}

/** 转诊预约: an alliance doctor books a referred patient a number kept for referrals, ahead of the public. */
function ReferralBookingPage() {
  const departments = useAsync(() => listDepartments(), []);
  const [idDocument, setIdDocument] = useState<IdDocumentValue>(EMPTY_DOCUMENT);
  const [departmentId, setDepartmentId] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [slotId, setSlotId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<AppointmentView>();

  if (departments.status !== 'success')
    return (
      <Page testId="page-doctor-referral-booking">
        {departments.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView error={departments.error} onRetry={departments.reload} />
        )}
      </Page>
    );

  const reset = () => {
    setBooked(undefined);
    setIdDocument(EMPTY_DOCUMENT);
    setSessionId('');
    setSlotId('');
    setReason('');
    setErrors({});
  };

  const submit = async () => {
    if (busy) return;
    const next: FormErrors = {
      idNumber: idDocument.idNumber.trim() ? undefined : '请填写患者的证件号码',
      slot: slotId ? undefined : '请选择科室、出诊和时段',
      reason: reason.trim() ? undefined : '请填写转诊原因',
    };
    setErrors(next);
    if (next.idNumber || next.slot || next.reason) return;
    const { confirm } = await Taro.showModal({
      title: '确认转诊预约',
      content: `为证件号 ${idDocument.idNumber.trim()} 的患者预约所选时段的转诊号？`,
      confirmText: '确认预约',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      setBooked(
        await bookReferral({
          patient: { idType: idDocument.idType, idNumber: idDocument.idNumber.trim() },
          slotId,
          reason: reason.trim(),
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
      <Page testId="page-doctor-referral-booking">
        <Booked appointment={booked} onNext={reset} />
      </Page>
    );

  return (
    <Page testId="page-doctor-referral-booking">
      <Section title="转诊预约">
        <Text className="section__lead">
          为转诊患者预约本院的转诊专用号源，可选尚未向公众放号的出诊。患者须已在小程序中登记就诊人。
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
        <FormField step={3} label="科室" errorTestId="error-referral-department">
          <OptionList
            options={departments.data.map((d) => ({ value: d.id, label: d.name }))}
            value={departmentId}
            testIdPrefix="referral-dept"
            onChange={(id) => {
              setDepartmentId(id);
              setSessionId('');
              setSlotId('');
            }}
          />
        </FormField>
        {departmentId ? (
          <SessionAndSlot
            departmentId={departmentId}
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
        <FormField step={6} label="转诊原因" error={errors.reason} errorTestId="error-referral-reason">
          <Input
            className="field__input"
            data-testid="referral-reason"
            value={reason}
            placeholder="如：社区首诊，需上级医院专科评估"
            maxlength={200}
            onInput={(event) => {
              setReason(event.detail.value);
              setErrors((e) => ({ ...e, reason: undefined }));
            }}
          />
        </FormField>
        {errors.slot || errors.submit ? (
          <View className="banner banner--error" data-testid="referral-booking-error" role="alert">
            <Text>{errors.submit ?? errors.slot}</Text>
          </View>
        ) : null}
        <Button
          className="btn btn--primary btn--block"
          data-testid="referral-booking-submit"
          {...(busy ? { disabled: true } : {})}
          onClick={() => void submit()}
        >
          {busy ? '正在预约…' : '确认预约'}
        </Button>
      </Section>
    </Page>
  );
}

export default ReferralBookingPage;
