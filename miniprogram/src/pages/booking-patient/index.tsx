import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import type { Patient } from '@jiuyi/shared';
import { ApiError } from '../../api/client';
import { MAX_PATIENTS, listPatients } from '../../api/patients-api';
import { joinWaitlist } from '../../api/waitlist-api';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { StepIndicator } from '../../components/step-indicator';
import { useAsync } from '../../hooks/use-async';
import { lastPatientId } from '../../utils/booking-memory';
import { openAddPatient, openConfirm, openWaitlist } from '../../utils/booking-navigate';
import { isRetryable } from '../../utils/booking-errors';
import { newIdempotencyKey } from '../../utils/idempotency-key';
import { decodeParam } from '../../utils/params';
import { RELATION_LABELS } from '../../utils/patient-labels';

/** The last one chosen first, then 本人, then the rest as the server lists them. */
function orderPatients(patients: Patient[], lastId: string | undefined): Patient[] {
  const rank = (p: Patient) => (p.id === lastId ? 0 : p.relation === 'self' ? 1 : 2);
  return [...patients].sort((a, b) => rank(a) - rank(b));
}

interface PatientChoiceProps {
  patient: Patient;
  /** The preselected person: the last one chosen, or 本人. */
  isDefault: boolean;
  last: boolean;
  onChoose: () => void;
}

function PatientChoice({ patient, isDefault, last, onChoose }: PatientChoiceProps) {
  return (
    <View
      className={isDefault ? 'pick-card pick-card--default' : 'pick-card'}
      data-testid={`choose-patient-${patient.id}`}
      hoverClass="entry-row--pressed"
      onClick={onChoose}
    >
      <View className="entry-row__body">
        <View className="pick-card__head">
          <Text className="pick-card__name">{patient.name}</Text>
          <Text className="tag">{RELATION_LABELS[patient.relation]}</Text>
          {last ? <Text className="tag tag--accent">上次就诊</Text> : null}
        </View>
        <Text className="entry-row__hint">
          {patient.idNumberMasked} · {patient.phoneMasked}
        </Text>
      </View>
      <Text className="chevron">›</Text>
    </View>
  );
}

/** Joins the full session's queue for `patientId`, then shows 我的候补; answers the error code on failure. */
async function joinQueue(
  sessionId: string,
  patientId: string,
  idempotencyKey: string,
): Promise<string | undefined> {
  try {
    await joinWaitlist(sessionId, patientId, idempotencyKey);
    void Taro.showToast({ title: '已加入候补', icon: 'success' });
    openWaitlist();
    return undefined;
  } catch (error) {
    const known = error instanceof ApiError ? error : new ApiError('UNKNOWN_ERROR', 0);
    const content = known.code === 'ROUTE_NOT_FOUND' ? '暂未开通候补，请选择其他日期或医生' : known.message;
    void Taro.showModal({ title: '未能加入候补', content, showCancel: false, confirmText: '知道了' });
    return known.code;
  }
}

/** Step 4: who the number is for; one tap on a person moves on to the confirmation. */
function BookingPatientPage() {
  const params = useRouter().params;
  const choice = {
    departmentId: decodeParam(params.departmentId),
    date: decodeParam(params.date),
    sessionId: decodeParam(params.sessionId),
    slotId: decodeParam(params.slotId),
  };
  const patients = useAsync(() => listPatients(), []);
  // Back from 添加就诊人: show the new person without a manual refresh.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) patients.reload();
    shown.current = true;
  });
  const lastId = lastPatientId();
  const waitlist = params.mode === 'waitlist';
  // One key per person joining from this page: a retry after a lost answer keeps one place in line.
  const waitlistKeys = useRef(new Map<string, string>());
  const join = async (patientId: string) => {
    const key = waitlistKeys.current.get(patientId) ?? newIdempotencyKey();
    waitlistKeys.current.set(patientId, key);
    const failedCode = await joinQueue(choice.sessionId, patientId, key);
    if (failedCode && !isRetryable(failedCode)) waitlistKeys.current.delete(patientId);
  };
  const choose = (patient: Patient) =>
    waitlist ? void join(patient.id) : openConfirm({ ...choice, patientId: patient.id });

  return (
    <Page testId="page-booking-patient">
      <StepIndicator current={3} />
      <Section title={waitlist ? '为谁候补' : '为谁预约'} testId="patient-choices">
        <Text className="section__lead">
          点一下就诊人即可进入确认。挂号实行实名制，就诊当天请携带该就诊人的证件。
        </Text>
        {patients.status === 'loading' ? <LoadingView /> : null}
        {patients.status === 'error' ? <ErrorView error={patients.error} onRetry={patients.reload} /> : null}
        {patients.status === 'success' && patients.data.length === 0 ? (
          <EmptyView text="还没有就诊人" hint="请先添加本人或家人的证件信息" />
        ) : null}
        {patients.status === 'success'
          ? // A revoked profile lost its identity and cannot book: it is not offered.
            orderPatients(
              patients.data.filter((p) => p.realNameStatus !== 'revoked'),
              lastId,
            ).map((patient, index) => (
              <PatientChoice
                key={patient.id}
                patient={patient}
                isDefault={index === 0}
                last={patient.id === lastId}
                onChoose={() => choose(patient)}
              />
            ))
          : null}
        {patients.status === 'success' && patients.data.length < MAX_PATIENTS ? (
          <Button
            className="btn btn--secondary add-patient-link"
            data-testid="booking-add-patient"
            onClick={openAddPatient}
          >
            + 添加就诊人
          </Button>
        ) : null}
      </Section>
    </Page>
  );
}

export default BookingPatientPage;
