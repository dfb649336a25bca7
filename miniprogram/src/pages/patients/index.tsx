import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { Patient } from '@jiuyi/shared';
import { ApiError } from '../../api/client';
import { MAX_PATIENTS, deletePatient, listPatients } from '../../api/patients-api';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { PatientCard } from './patient-card';

function openForm(patient?: Patient): void {
  const query = patient ? `?id=${encodeURIComponent(patient.id)}` : '';
  void Taro.navigateTo({ url: `/pages/patient-form/index${query}` });
}

/** Asks before deleting, naming the person, since a tap by mistake is easy on a phone. */
async function confirmAndDelete(patient: Patient, onDeleted: () => void): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '删除就诊人',
    content: `确定删除“${patient.name}”吗？删除后如需就诊可重新添加。`,
    confirmText: '删除',
    confirmColor: '#b42318',
    cancelText: '不删除',
  });
  if (!confirm) return;
  try {
    await deletePatient(patient.id);
    void Taro.showToast({ title: '已删除', icon: 'success' });
    onDeleted();
  } catch (error) {
    const message = error instanceof ApiError ? error.message : new ApiError('UNKNOWN_ERROR', 0).message;
    void Taro.showModal({ title: '未能删除', content: message, showCancel: false, confirmText: '知道了' });
  }
}

function AddButton({ full }: { full: boolean }) {
  if (full)
    return <Text className="banner banner--info">已添加 {MAX_PATIENTS} 位，如需添加请先删除一位</Text>;
  return (
    <Button className="btn btn--primary" data-testid="add-patient" onClick={() => openForm()}>
      + 添加就诊人
    </Button>
  );
}

/** 就诊人管理: the account's profiles, with add, edit and delete. */
function PatientsPage() {
  const patients = useAsync(() => listPatients(), []);
  // Coming back from the form shows the page again: reload then, but not on the first show.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) patients.reload();
    shown.current = true;
  });

  return (
    <Page testId="page-patients">
      <Section title="就诊人管理">
        <Text className="section__lead" data-testid="patient-limit">
          挂号、缴费时需选择就诊人。每个微信账号最多添加 {MAX_PATIENTS} 位（本人、家人或其他）。
        </Text>
        {patients.status === 'loading' ? <LoadingView /> : null}
        {patients.status === 'error' ? <ErrorView error={patients.error} onRetry={patients.reload} /> : null}
        {patients.status === 'success' && patients.data.length === 0 ? (
          <>
            <EmptyView text="还没有就诊人" hint="添加后即可为本人或家人挂号" />
            <AddButton full={false} />
          </>
        ) : null}
        {patients.status === 'success' && patients.data.length > 0 ? (
          <>
            <Text className="result-count" data-testid="patient-count">
              已添加 {patients.data.length} 位，还可添加 {Math.max(0, MAX_PATIENTS - patients.data.length)} 位
            </Text>
            <View className="patient-list" data-testid="patient-list">
              {patients.data.map((patient) => (
                <PatientCard
                  key={patient.id}
                  patient={patient}
                  onEdit={openForm}
                  onDelete={(p) => void confirmAndDelete(p, patients.reload)}
                />
              ))}
            </View>
            <AddButton full={patients.data.length >= MAX_PATIENTS} />
          </>
        ) : null}
      </Section>
    </Page>
  );
}

export default PatientsPage;
