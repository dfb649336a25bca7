import { Button, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AppointmentView, SessionView } from '@jiuyi/shared';
import { listDepartments } from '../../../api/booking-api';
import { bookReferral } from '../../../api/referral-api';
import { FormField } from '../../../components/form-field';
import { IdDocumentFields } from '../../../components/id-document-fields';
import { OptionList } from '../../../components/option-list';
import { Page } from '../../../components/page';
import { ReasonField } from '../../../components/reason-field';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { yuan } from '../../../utils/booking-format';
import { BookedPanel, doctorSessionLabel, slotTime } from '../booking-form/booked-panel';
import { BookingFooter } from '../booking-form/booking-footer';
import { SessionSlotPicker } from '../booking-form/session-slot-picker';
import { useBookingForm } from '../booking-form/use-booking-form';
import type { BookingErrors } from '../booking-form/use-booking-form';
import { PendingPage } from '../pending-page';
import { referralLeft, referralSessions, referralSlots } from './referral-sessions';

const REFERRALS_PAGE = '/subpackages/doctor/referrals/index';

interface FormErrors extends BookingErrors {
  reason?: string;
}

function sessionLabel(s: SessionView): string {
  return `${doctorSessionLabel(s)} · 转诊号余 ${referralLeft(s)}`;
}

function Booked({ appointment, onNext }: { appointment: AppointmentView; onNext: () => void }) {
  return (
    <BookedPanel
      title="转诊预约成功"
      testId="referral-booking-done"
      appointment={appointment}
      note={
        appointment.status === 'pending_payment'
          ? `挂号费 ${yuan(appointment.feeFen)} 元，请提醒患者在小程序“我的预约”中按时支付。`
          : '患者会收到预约通知。'
      }
    >
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
    </BookedPanel>
  );
}

/** 转诊预约: an alliance doctor books a referred patient a number kept for referrals, ahead of the public. */
function ReferralBookingPage() {
  const departments = useAsync(() => listDepartments(), []);
  const form = useBookingForm<FormErrors>();
  const [departmentId, setDepartmentId] = useState('');
  const [reason, setReason] = useState('');

  if (departments.status !== 'success')
    return <PendingPage testId="page-doctor-referral-booking" state={departments} />;

  const { booked, errors } = form;
  const reset = () => {
    form.reset();
    setReason('');
  };

  const submit = () =>
    form.submit({
      errors: {
        idNumber: form.patient.idNumber ? undefined : '请填写患者的证件号码',
        slot: form.slotId ? undefined : '请选择科室、出诊和时段',
        reason: reason.trim() ? undefined : '请填写转诊原因',
      },
      confirm: {
        title: '确认转诊预约',
        content: `为证件号 ${form.patient.idNumber} 的患者预约所选时段的转诊号？`,
      },
      book: () => bookReferral({ patient: form.patient, slotId: form.slotId, reason: reason.trim() }),
    });

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
        <IdDocumentFields step={1} {...form.idFields} />
        <FormField step={3} label="科室" errorTestId="error-referral-department">
          <OptionList
            options={departments.data.map((d) => ({ value: d.id, label: d.name }))}
            value={departmentId}
            testIdPrefix="referral-dept"
            onChange={(id) => {
              setDepartmentId(id);
              form.clearSession();
            }}
          />
        </FormField>
        {departmentId ? (
          <SessionSlotPicker
            step={4}
            testIdPrefix="referral"
            load={() => referralSessions(departmentId)}
            loadKey={[departmentId]}
            emptyText="该科室近 7 天没有剩余的转诊号"
            sessionLabel={sessionLabel}
            slotOptions={(session) =>
              referralSlots(session).map((s) => ({
                value: s.id,
                label: `${slotTime(s)} · 转诊号余 ${s.remainingReferral}`,
              }))
            }
            selection={form.selection}
          />
        ) : null}
        <ReasonField
          step={6}
          label="转诊原因"
          error={errors.reason}
          errorTestId="error-referral-reason"
          testId="referral-reason"
          value={reason}
          placeholder="如：社区首诊，需上级医院专科评估"
          maxlength={200}
          onChange={(value) => {
            setReason(value);
            form.clearError('reason');
          }}
        />
        <BookingFooter
          testIdPrefix="referral"
          errors={errors}
          busy={form.busy}
          onSubmit={() => void submit()}
        />
      </Section>
    </Page>
  );
}

export default ReferralBookingPage;
