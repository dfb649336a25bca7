import { Button, Text } from '@tarojs/components';
import { useState } from 'react';
import type { AppointmentView, ClinicBookingKind } from '@jiuyi/shared';
import { listDepartments } from '../../../api/booking-api';
import { bookInClinic } from '../../../api/clinic-api';
import { ChoiceGroup } from '../../../components/choice-group';
import { FormField } from '../../../components/form-field';
import { IdDocumentFields } from '../../../components/id-document-fields';
import { OptionList } from '../../../components/option-list';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { BookedPanel, doctorSessionLabel, slotTime } from '../booking-form/booked-panel';
import { BookingFooter } from '../booking-form/booking-footer';
import { SessionSlotPicker } from '../booking-form/session-slot-picker';
import { useBookingForm } from '../booking-form/use-booking-form';
import type { BookingErrors } from '../booking-form/use-booking-form';
import { loadOwnDoctor } from '../own-doctor';
import { PendingPage } from '../pending-page';
import { KIND_OPTIONS, loadProfile, sessionsFor } from './session-choices';

function Booked({ appointment, onNext }: { appointment: AppointmentView; onNext: () => void }) {
  return (
    <BookedPanel
      title="预约成功"
      testId="clinic-booking-done"
      appointment={appointment}
      note="患者会收到预约通知。"
    >
      <Button className="btn btn--primary btn--block" data-testid="clinic-booking-next" onClick={onNext}>
        为下一位患者预约
      </Button>
    </BookedPanel>
  );
}

/** 诊间预约: the doctor books the patient in front of them a follow-up, a senior doctor or another specialty. */
function ClinicBookingPage() {
  const setup = useAsync(async () => {
    const [profile, departments] = await Promise.all([loadOwnDoctor().then(loadProfile), listDepartments()]);
    return { profile, departments };
  }, []);
  const form = useBookingForm<BookingErrors>();
  const [kind, setKind] = useState<ClinicBookingKind>('follow_up');
  const [otherDepartmentId, setOtherDepartmentId] = useState('');

  if (setup.status !== 'success') return <PendingPage testId="page-doctor-clinic-booking" state={setup} />;

  const { profile, departments } = setup.data;
  const departmentId = kind === 'other_specialty' ? otherDepartmentId : profile.department.id;
  const { booked, errors } = form;
  const pickKind = (next: ClinicBookingKind) => {
    setKind(next);
    form.clearSession();
  };

  const submit = () =>
    form.submit({
      errors: {
        idNumber: form.patient.idNumber ? undefined : '请填写患者出示的证件号码',
        slot: form.slotId ? undefined : '请选择出诊和时段',
      },
      confirm: { title: '确认预约', content: `为证件号 ${form.patient.idNumber} 的患者预约所选时段？` },
      book: () => bookInClinic({ patient: form.patient, slotId: form.slotId, kind }),
    });

  if (booked)
    return (
      <Page testId="page-doctor-clinic-booking">
        <Booked appointment={booked} onNext={form.reset} />
      </Page>
    );

  return (
    <Page testId="page-doctor-clinic-booking">
      <Section title="诊间预约">
        <Text className="section__lead">
          {profile.department.name} {profile.doctor.name}：为在诊患者预约，可选尚未放号的出诊。
        </Text>
        <IdDocumentFields step={1} {...form.idFields} />
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
                form.clearSession();
              }}
            />
          </FormField>
        ) : null}
        {departmentId ? (
          <SessionSlotPicker
            step={kind === 'other_specialty' ? 5 : 4}
            testIdPrefix="clinic"
            load={() => sessionsFor(kind, departmentId, profile)}
            loadKey={[kind, departmentId]}
            emptyText="近两周没有符合的出诊"
            sessionLabel={doctorSessionLabel}
            slotOptions={(session) => session.slots.map((s) => ({ value: s.id, label: slotTime(s) }))}
            gridSlots
            selection={form.selection}
          />
        ) : null}
        <BookingFooter
          testIdPrefix="clinic"
          errors={errors}
          busy={form.busy}
          onSubmit={() => void submit()}
        />
      </Section>
    </Page>
  );
}

export default ClinicBookingPage;
