import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AppointmentView } from '@jiuyi/shared';
import { ApiError } from '../../../api/client';
import { deskCheckIn } from '../../../api/desk-check-in-api';
import { FormField } from '../../../components/form-field';
import { IdDocumentFields } from '../../../components/id-document-fields';
import type { IdDocumentValue } from '../../../components/id-document-fields';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { PERIOD_LABELS, clock, monthDay } from '../../../utils/booking-format';
import { errorText } from '../../../utils/error-text';
import { UndoVoidPanel } from './undo-void-panel';

const EMPTY_DOCUMENT: IdDocumentValue = { idType: 'resident_id', idNumber: '' };

/** Only weapp has a camera scanner; H5 (the desk's browser) takes the token typed or pasted. */
const CAN_SCAN = process.env.TARO_ENV === 'weapp';

function CheckedIn({ appointment }: { appointment: AppointmentView }) {
  return (
    <View className="queue-panel" data-testid="check-in-result">
      <Text className="queue-panel__label">签到成功 · 排队号</Text>
      <Text className="queue-panel__number" data-testid="queue-number">
        {appointment.queueNumber ?? '—'}
      </Text>
      <Text className="queue-panel__hint">
        {appointment.patientName} · {appointment.department.name} {appointment.doctor.name}
      </Text>
      <Text className="queue-panel__hint">
        {monthDay(appointment.date)} {PERIOD_LABELS[appointment.period]} {clock(appointment.start)}–
        {clock(appointment.end)}
      </Text>
    </View>
  );
}

/** 门诊部 desk: scan the patient's check-in QR, check the presented ID, hand out the queue number. */
function DeskCheckInPage() {
  const [token, setToken] = useState('');
  const [idDocument, setIdDocument] = useState<IdDocumentValue>(EMPTY_DOCUMENT);
  const [errors, setErrors] = useState<{ token?: string; idNumber?: string }>({});
  const [failure, setFailure] = useState<{ voided: boolean; message: string; appointmentId?: string }>();
  const [result, setResult] = useState<AppointmentView>();
  const [busy, setBusy] = useState(false);

  const scan = async () => {
    try {
      const { result: scanned } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setToken(scanned);
      setErrors((e) => ({ ...e, token: undefined }));
    } catch {
      // The user closed the scanner: the field stays as it was.
    }
  };

  const submit = async () => {
    if (busy) return;
    const next = {
      token: token.trim() ? undefined : '请扫描或粘贴患者的签到码',
      idNumber: idDocument.idNumber.trim() ? undefined : '请填写患者出示的证件号码',
    };
    setErrors(next);
    if (next.token || next.idNumber) return;
    setBusy(true);
    setFailure(undefined);
    try {
      setResult(
        await deskCheckIn({
          token: token.trim(),
          idType: idDocument.idType,
          idNumber: idDocument.idNumber.trim(),
        }),
      );
    } catch (caught) {
      // A mismatched ID voids the booking: say so apart from ordinary failures.
      const voided = caught instanceof ApiError && caught.code === 'CHECK_IN_IDENTITY_MISMATCH';
      const id = voided ? caught.details?.appointmentId : undefined;
      setFailure({
        voided,
        message: errorText(caught),
        ...(typeof id === 'string' ? { appointmentId: id } : {}),
      });
    } finally {
      setBusy(false);
    }
  };

  const nextPatient = () => {
    setToken('');
    setIdDocument(EMPTY_DOCUMENT);
    setErrors({});
    setFailure(undefined);
    setResult(undefined);
  };

  if (result)
    return (
      <Page testId="page-staff-check-in">
        <Section title="签到结果">
          <CheckedIn appointment={result} />
          <Button className="btn btn--primary btn--block" data-testid="check-in-next" onClick={nextPatient}>
            下一位患者
          </Button>
        </Section>
      </Page>
    );

  return (
    <Page testId="page-staff-check-in">
      <Section title="窗口签到">
        <Text className="section__lead">
          请患者出示“我的预约”中的签到码，并核对本人证件。证件与预约就诊人不一致时，该预约将作废。
        </Text>
        <FormField
          step={1}
          label="签到码"
          hint={CAN_SCAN ? '点“扫码”对准患者手机上的二维码' : '用扫码枪扫入，或粘贴签到码'}
          error={errors.token}
          errorTestId="error-token"
        >
          {CAN_SCAN ? (
            <Button
              className="btn btn--secondary btn--block"
              data-testid="scan-code"
              onClick={() => void scan()}
            >
              {token ? '已扫码，点此重新扫码' : '扫码'}
            </Button>
          ) : (
            <Textarea
              className="field__input"
              data-testid="check-in-token"
              value={token}
              placeholder="签到码"
              maxlength={2048}
              autoHeight
              onInput={(event) => setToken(event.detail.value)}
            />
          )}
        </FormField>
        <IdDocumentFields
          step={2}
          value={idDocument}
          error={errors.idNumber}
          onChange={(value) => {
            setIdDocument(value);
            setErrors((e) => ({ ...e, idNumber: undefined }));
          }}
        />
        {failure ? (
          <View
            className="banner banner--error"
            data-testid={failure.voided ? 'check-in-voided' : 'check-in-error'}
            role="alert"
          >
            <Text>{failure.message}</Text>
          </View>
        ) : null}
        <Button
          className="btn btn--primary btn--block"
          data-testid="check-in-submit"
          // H5 greys out any `disabled` attribute, even "false": set it only while sending.
          {...(busy ? { disabled: true } : {})}
          onClick={() => void submit()}
        >
          {busy ? '正在签到…' : '核对并签到'}
        </Button>
        {failure?.appointmentId ? <UndoVoidPanel appointmentId={failure.appointmentId} /> : null}
        {failure?.voided ? (
          <Button className="btn btn--secondary btn--block" onClick={nextPatient}>
            下一位患者
          </Button>
        ) : null}
      </Section>
    </Page>
  );
}

export default DeskCheckInPage;
