import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { listBills } from '../../api/bills-api';
import { listPatients } from '../../api/patients-api';
import { EntryRow } from '../../components/entry-row';
import { OptionList } from '../../components/option-list';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { openPatients } from '../../utils/navigate';
import { decodeParam } from '../../utils/params';
import { PaySection } from './pay-section';
import { RefundSection } from './refund-section';
import './index.css';

/** How often to look again after the sandbox says paid: WeChat's notice may land a moment later. */
const MAX_PAID_POLLS = 4;

function PatientBills({ patientId, sandboxResult }: { patientId: string; sandboxResult: string }) {
  const bills = useAsync(() => listBills(patientId), [patientId]);
  const polls = useRef(0);
  const stillPaying =
    sandboxResult === 'ok' &&
    bills.status === 'success' &&
    bills.data.unpaid.some((o) => o.items.some((i) => i.status === 'paying')) &&
    polls.current < MAX_PAID_POLLS;
  const reload = bills.reload;
  useEffect(() => {
    if (!stillPaying) return undefined;
    const timer = setTimeout(() => {
      polls.current += 1;
      reload();
    }, 1500);
    return () => clearTimeout(timer);
  }, [stillPaying, reload]);

  if (bills.status === 'loading') return <LoadingView />;
  if (bills.status === 'error') return <ErrorView error={bills.error} onRetry={bills.reload} />;
  // A new list (after paying or a refund) starts a fresh selection.
  const version = JSON.stringify(bills.data.unpaid.map((o) => o.items.map((i) => `${i.id}:${i.status}`)));
  return (
    <>
      {sandboxResult === 'ok' ? (
        <View className="banner banner--success" data-testid="bill-paid-banner" role="status">
          <Text>{stillPaying ? '支付完成，正在确认到账…' : '缴费成功，可在“已缴费”中查看。'}</Text>
        </View>
      ) : null}
      {sandboxResult === 'cancel' || sandboxResult === 'fail' ? (
        <View className="banner banner--error" role="alert">
          <Text>{sandboxResult === 'cancel' ? '您已取消支付。' : '支付未成功，请稍后再试。'}</Text>
        </View>
      ) : null}
      <Section title="待缴费" testId="bills-unpaid-section">
        <PaySection key={version} patientId={patientId} orders={bills.data.unpaid} onPaid={bills.reload} />
      </Section>
      <Section title="已缴费" testId="bills-paid-section">
        <RefundSection key={version} orders={bills.data.paid} onRefunded={bills.reload} />
      </Section>
    </>
  );
}

/** 门诊缴费: choose the 就诊人, pay their doctors' orders from the phone, ask back unexecuted items. */
function BillsPage() {
  const params = useRouter().params;
  const patients = useAsync(() => listPatients(), []);
  const [chosenId, setChosenId] = useState(() => decodeParam(params.patientId));
  const sandboxResult = decodeParam(params.sandbox_pay);

  if (patients.status === 'loading')
    return (
      <Page testId="page-bills">
        <LoadingView />
      </Page>
    );
  if (patients.status === 'error')
    return (
      <Page testId="page-bills">
        <ErrorView error={patients.error} onRetry={patients.reload} />
      </Page>
    );
  if (patients.data.length === 0)
    return (
      <Page testId="page-bills">
        <Section>
          <EmptyView text="还没有就诊人" hint="添加就诊人后，医生开具的检查、药品费用会显示在这里" />
          <EntryRow title="添加就诊人" testId="bills-add-patient" onOpen={openPatients} />
        </Section>
      </Page>
    );

  const patientId = patients.data.some((p) => p.id === chosenId) ? chosenId : (patients.data[0]?.id ?? '');
  return (
    <Page testId="page-bills">
      <Section title="就诊人">
        <OptionList
          options={patients.data.map((p) => ({ value: p.id, label: p.name }))}
          value={patientId}
          testIdPrefix="bills-patient"
          onChange={setChosenId}
        />
      </Section>
      <PatientBills
        key={patientId}
        patientId={patientId}
        sandboxResult={patientId === chosenId ? sandboxResult : ''}
      />
    </Page>
  );
}

export default BillsPage;
