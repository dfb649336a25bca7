import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ID_DOCUMENT_LABELS, ID_DOCUMENT_TYPES } from '@jiuyi/shared';
import type { Patient } from '@jiuyi/shared';
import { getPatient } from '../../api/patients-api';
import { ChoiceGroup } from '../../components/choice-group';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { ID_NUMBER_HINTS, ID_TYPE_LABELS, RELATION_OPTIONS, idTypeAt } from '../../utils/patient-labels';
import { decodeParam } from '../../utils/params';
import { usePatientForm } from './use-patient-form';

/** The document of an existing profile: shown masked, never editable. */
function FixedDocument({ patient }: { patient: Patient }) {
  return (
    <View className="fixed-doc" data-testid="fixed-document">
      <Text className="fixed-doc__type">{ID_DOCUMENT_LABELS[patient.idType]}</Text>
      <Text className="fixed-doc__number">{patient.idNumberMasked}</Text>
      <Text className="fixed-doc__note">证件信息不可修改，如需更换请新增就诊人</Text>
    </View>
  );
}

/** The form itself; `editing` is the profile being changed, or undefined when adding. */
function PatientForm({ editing }: { editing?: Patient }) {
  const form = usePatientForm(editing);
  const { values, errors } = form;
  // The verified name is the document's: the server refuses a change (PATIENT_NAME_LOCKED).
  const nameLocked = editing?.realNameStatus === 'verified';
  const idType = values.idType === '' ? 'resident_id' : values.idType;
  let step = 0;
  const next = () => ++step;

  return (
    <Section title={editing ? '修改就诊人' : '添加就诊人'}>
      <Text className="section__lead">请按顺序填写，带 * 的都需要填写。</Text>
      {form.formError ? (
        <View className="banner banner--error" data-testid="form-error" role="alert">
          <Text>{form.formError}</Text>
        </View>
      ) : null}

      <FormField
        step={next()}
        label="姓名 *"
        hint={nameLocked ? '已实名核验，姓名不能修改' : '与证件上的姓名一致，将与证件号码一起实名核验'}
        error={errors.name}
        errorTestId="error-name"
      >
        <Input
          className={nameLocked ? 'field__input field__input--locked' : 'field__input'}
          data-testid="name-input"
          value={values.name}
          placeholder="请输入姓名"
          maxlength={32}
          // H5 greys out any `disabled` attribute, even "false": set it only when locked.
          {...(nameLocked ? { disabled: true } : {})}
          onInput={(event) => form.change('name', event.detail.value)}
          onBlur={() => form.blur('name')}
        />
      </FormField>

      {editing ? (
        <FormField step={next()} label="证件" errorTestId="error-idNumber">
          <FixedDocument patient={editing} />
        </FormField>
      ) : (
        <>
          <FormField step={next()} label="证件类型 *" error={errors.idType} errorTestId="error-idType">
            <Picker
              mode="selector"
              range={ID_TYPE_LABELS as string[]}
              value={Math.max(0, ID_DOCUMENT_TYPES.indexOf(idType))}
              data-testid="id-type-picker"
              onChange={(event) => {
                const type = idTypeAt(Number(event.detail.value));
                if (type) form.change('idType', type);
              }}
            >
              <View className="field__picker">
                <Text>{ID_DOCUMENT_LABELS[idType]}</Text>
                <Text className="field__picker-action">更换 ›</Text>
              </View>
            </Picker>
          </FormField>
          <FormField
            step={next()}
            label="证件号码 *"
            hint={ID_NUMBER_HINTS[idType]}
            error={errors.idNumber}
            errorTestId="error-idNumber"
          >
            <Input
              className="field__input"
              data-testid="id-number-input"
              type={idType === 'resident_id' || idType === 'social_security_card' ? 'idcard' : 'text'}
              value={values.idNumber}
              placeholder="请输入证件号码"
              maxlength={24}
              onInput={(event) => form.change('idNumber', event.detail.value)}
              onBlur={() => form.blur('idNumber')}
            />
          </FormField>
        </>
      )}

      <FormField
        step={next()}
        label={editing ? '手机号' : '手机号 *'}
        hint={editing ? `当前 ${editing.phoneMasked}，不修改请留空` : '用于接收就诊通知'}
        error={errors.phone}
        errorTestId="error-phone"
      >
        <Input
          className="field__input"
          data-testid="phone-input"
          type="number"
          value={values.phone}
          placeholder={editing ? '输入新的手机号' : '请输入 11 位手机号'}
          maxlength={11}
          onInput={(event) => form.change('phone', event.detail.value)}
          onBlur={() => form.blur('phone')}
        />
      </FormField>

      <FormField step={next()} label="与您的关系 *" error={errors.relation} errorTestId="error-relation">
        <ChoiceGroup
          options={RELATION_OPTIONS}
          value={values.relation}
          testIdPrefix="relation"
          onChange={(relation) => {
            form.change('relation', relation);
            form.blur('relation');
          }}
        />
      </FormField>

      <Button
        className="btn btn--primary form-submit"
        data-testid="patient-submit"
        // H5 styles any `disabled` attribute, even "false", as greyed out: set it only while sending.
        {...(form.submitting ? { loading: true, disabled: true } : {})}
        onClick={() => void form.submit()}
      >
        {editing ? '保存修改' : '保存就诊人'}
      </Button>
    </Section>
  );
}

/** Add (no `id`) or edit (`?id=`) a 就诊人. */
function PatientFormPage() {
  const id = decodeParam(useRouter().params.id);
  const existing = useAsync(() => (id ? getPatient(id) : Promise.resolve(undefined)), [id]);

  return (
    <Page testId="page-patient-form">
      {existing.status === 'loading' ? <LoadingView /> : null}
      {existing.status === 'error' ? <ErrorView error={existing.error} onRetry={existing.reload} /> : null}
      {existing.status === 'success' ? (
        <PatientForm key={existing.data?.id ?? 'new'} editing={existing.data} />
      ) : null}
    </Page>
  );
}

export default PatientFormPage;
