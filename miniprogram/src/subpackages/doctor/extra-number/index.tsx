import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { addExtraNumber, listExtraNumbers } from '../../../api/clinic-api';
import type { ExtraNumberResult } from '../../../api/clinic-api';
import { FormField } from '../../../components/form-field';
import { IdDocumentFields } from '../../../components/id-document-fields';
import type { IdDocumentValue } from '../../../components/id-document-fields';
import { OptionList } from '../../../components/option-list';
import { Page } from '../../../components/page';
import { ReasonField } from '../../../components/reason-field';
import { Section } from '../../../components/section';
import { SessionSummary } from '../../../components/session-summary';
import { useAsync } from '../../../hooks/use-async';
import { clock } from '../../../utils/booking-format';
import { confirmAction } from '../../../utils/confirm';
import { errorText } from '../../../utils/error-text';
import { decodeParam } from '../../../utils/params';
import { loadBookingSession } from '../../../utils/use-booking-session';
import { PendingPage } from '../pending-page';
import { ExtraNumberLogList } from './extra-number-log';

const EMPTY_DOCUMENT: IdDocumentValue = { idType: 'resident_id', idNumber: '' };
/** Left unchosen, the server puts the extra number in the session's last slot. */
const LAST_SLOT = 'last';

interface FormErrors {
  idNumber?: string;
  reason?: string;
  submit?: string;
}

/** 加号: an extra number beyond capacity for the patient in front of the doctor, within the session's limit. */
function ExtraNumberPage() {
  const params = useRouter().params;
  const sessionId = decodeParam(params.sessionId);
  const loaded = useAsync(async () => {
    const [booking, log] = await Promise.all([
      loadBookingSession(decodeParam(params.departmentId), decodeParam(params.date), sessionId),
      listExtraNumbers(sessionId),
    ]);
    return { ...booking, log };
  }, [sessionId]);
  const [idDocument, setIdDocument] = useState<IdDocumentValue>(EMPTY_DOCUMENT);
  const [reason, setReason] = useState('');
  const [slotId, setSlotId] = useState(LAST_SLOT);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<ExtraNumberResult>();

  if (loaded.status !== 'success') return <PendingPage testId="page-doctor-extra-number" state={loaded} />;

  const { session, department, log } = loaded.data;
  const left = Math.max(0, log.limit - log.issued);

  const submit = async () => {
    if (busy) return;
    const next: FormErrors = {
      idNumber: idDocument.idNumber.trim() ? undefined : '请填写患者出示的证件号码',
      reason: reason.trim().length < 2 ? '请填写加号原因（至少 2 个字）' : undefined,
    };
    setErrors(next);
    if (next.idNumber || next.reason) return;
    const confirmed = await confirmAction({
      title: '确认加号',
      content: `为证件号 ${idDocument.idNumber.trim()} 的患者加号，本出诊还可加 ${left} 个。`,
      confirmText: '确认加号',
    });
    if (!confirmed) return;
    setBusy(true);
    try {
      const result = await addExtraNumber(sessionId, {
        patient: { idType: idDocument.idType, idNumber: idDocument.idNumber.trim() },
        reason: reason.trim(),
        ...(slotId === LAST_SLOT ? {} : { slotId }),
      });
      setAdded(result);
      setIdDocument(EMPTY_DOCUMENT);
      setReason('');
      loaded.reload();
    } catch (caught) {
      setErrors({ submit: errorText(caught) });
    } finally {
      setBusy(false);
    }
  };

  const slotOptions = [
    { value: LAST_SLOT, label: '最后一个时段' },
    ...session.slots.map((s) => ({ value: s.id, label: `${clock(s.start)}–${clock(s.end)}` })),
  ];

  return (
    <Page testId="page-doctor-extra-number">
      <SessionSummary session={session} departmentName={department?.name} />
      <Section title="加号">
        <Text className="section__lead" data-testid="extra-number-left">
          本出诊可加号 {log.limit} 个，已加 {log.issued} 个，还可加 {left} 个。
        </Text>
        {added ? (
          <View className="banner banner--success" data-testid="extra-number-added" role="status">
            <Text>
              已为 {added.patientName} 加号：{clock(added.appointment.start)}–{clock(added.appointment.end)}
              ，患者会收到预约通知。
            </Text>
          </View>
        ) : null}
        <IdDocumentFields
          step={1}
          value={idDocument}
          error={errors.idNumber}
          onChange={(value) => {
            setIdDocument(value);
            setErrors((e) => ({ ...e, idNumber: undefined }));
          }}
        />
        <ReasonField
          step={3}
          label="加号原因"
          error={errors.reason}
          errorTestId="error-extra-reason"
          testId="extra-number-reason"
          value={reason}
          placeholder="如：病情需要当天复诊"
          maxlength={200}
          onChange={setReason}
        />
        <FormField step={4} label="就诊时段" hint="不选则排在最后一个时段" errorTestId="error-extra-slot">
          <OptionList
            grid
            options={slotOptions}
            value={slotId}
            testIdPrefix="extra-slot"
            onChange={setSlotId}
          />
        </FormField>
        {errors.submit ? (
          <View className="banner banner--error" data-testid="extra-number-error" role="alert">
            <Text>{errors.submit}</Text>
          </View>
        ) : null}
        <Button
          className="btn btn--primary btn--block"
          data-testid="extra-number-submit"
          {...(busy || left === 0 ? { disabled: true } : {})}
          onClick={() => void submit()}
        >
          {left === 0 ? '加号已满' : busy ? '正在加号…' : '确认加号'}
        </Button>
      </Section>
      <Section title="加号记录">
        <ExtraNumberLogList log={log} />
      </Section>
    </Page>
  );
}

export default ExtraNumberPage;
