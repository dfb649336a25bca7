import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { DOCTOR_TITLE_LABELS } from '@jiuyi/shared';
import type { DoctorTemplatesResponse } from '@jiuyi/shared';
import { listDepartments, listDoctors } from '../../../api/booking-api';
import { ApiError } from '../../../api/client';
import { getDoctorTemplates, putDoctorTemplates } from '../../../api/templates-api';
import { OptionList } from '../../../components/option-list';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { clock, monthDay } from '../../../utils/booking-format';
import { errorText } from '../../../utils/error-text';
import { TemplateRowEditor } from './template-row-editor';
import { emptyRow, fieldKey, rowsFrom, validateRows } from './template-rows';
import type { RowErrors, TemplateRow } from './template-rows';

/** The server's VALIDATION_FAILED names each bad field; anything else is one message for the form. */
function serverErrors(caught: unknown): RowErrors {
  const fields = caught instanceof ApiError ? caught.details?.fields : undefined;
  if (fields && typeof fields === 'object') {
    const errors: RowErrors = {};
    for (const [path, message] of Object.entries(fields)) {
      if (typeof message === 'string') errors[fieldKey(path)] = message;
    }
    if (Object.keys(errors).length > 0) return errors;
  }
  return { form: errorText(caught) };
}

function TemplateEditor({ doctorId, initial }: { doctorId: string; initial: DoctorTemplatesResponse }) {
  const [rows, setRows] = useState<TemplateRow[]>(() => rowsFrom(initial));
  const [errors, setErrors] = useState<RowErrors>({});
  const [saved, setSaved] = useState<DoctorTemplatesResponse>();
  const [busy, setBusy] = useState(false);

  const change = (index: number, row: TemplateRow) => {
    setRows((current) => current.map((r, i) => (i === index ? row : r)));
    setSaved(undefined);
  };
  const remove = (index: number) => {
    setRows((current) => current.filter((_, i) => i !== index));
    setErrors({});
    setSaved(undefined);
  };

  const save = async () => {
    if (busy) return;
    const checked = validateRows(rows);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const answer = await putDoctorTemplates(doctorId, checked.body);
      setSaved(answer);
      setRows(rowsFrom(answer));
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (caught) {
      setErrors(serverErrors(caught));
    } finally {
      setBusy(false);
    }
  };

  const applies = (saved ?? initial).appliesToSessionsCreatedAfter;
  return (
    <Section title="每周出诊" testId="template-editor">
      <Text className="section__lead">
        已生成的出诊号源不变；{monthDay(applies.slice(0, 10))} {clock(applies)} 之后新生成的出诊按此模板。
      </Text>
      {rows.length === 0 ? <EmptyView text="该医生还没有出诊模板" hint="点“添加出诊半天”开始" /> : null}
      {rows.map((row, index) => (
        <TemplateRowEditor
          key={row.key}
          row={row}
          index={index}
          errors={errors}
          onChange={(next) => change(index, next)}
          onRemove={() => remove(index)}
        />
      ))}
      {errors.form ? (
        <View className="banner banner--error" data-testid="template-form-error" role="alert">
          <Text>{errors.form}</Text>
        </View>
      ) : null}
      {saved ? (
        <View className="banner banner--success" data-testid="template-saved" role="status">
          <Text>已保存 {saved.items.length} 个出诊半天</Text>
        </View>
      ) : null}
      <View className="actions">
        <Button
          className="btn btn--secondary"
          data-testid="template-add"
          onClick={() => setRows((current) => [...current, emptyRow()])}
        >
          添加出诊半天
        </Button>
        <Button
          className="btn btn--primary"
          data-testid="template-save"
          {...(busy ? { disabled: true } : {})}
          onClick={() => void save()}
        >
          {busy ? '正在保存…' : '保存模板'}
        </Button>
      </View>
    </Section>
  );
}

function DoctorTemplates({ doctorId }: { doctorId: string }) {
  const templates = useAsync(() => getDoctorTemplates(doctorId), [doctorId]);
  if (templates.status === 'loading') return <LoadingView />;
  if (templates.status === 'error') return <ErrorView error={templates.error} onRetry={templates.reload} />;
  return <TemplateEditor key={doctorId} doctorId={doctorId} initial={templates.data} />;
}

/** 管理员: pick a department and a doctor, then view and edit the doctor's weekly templates. */
function StaffTemplatesPage() {
  const departments = useAsync(() => listDepartments(), []);
  const [departmentId, setDepartmentId] = useState('');
  const [doctorId, setDoctorId] = useState('');
  const doctors = useAsync(
    () => (departmentId ? listDoctors(departmentId) : Promise.resolve([])),
    [departmentId],
  );
  useEffect(() => setDoctorId(''), [departmentId]);

  return (
    <Page testId="page-staff-templates">
      <Section title="1 选择科室">
        {departments.status === 'loading' ? <LoadingView /> : null}
        {departments.status === 'error' ? (
          <ErrorView error={departments.error} onRetry={departments.reload} />
        ) : null}
        {departments.status === 'success' ? (
          <OptionList
            options={departments.data.map((d) => ({ value: d.id, label: d.name }))}
            value={departmentId}
            testIdPrefix="template-dept"
            onChange={setDepartmentId}
          />
        ) : null}
      </Section>
      {departmentId ? (
        <Section title="2 选择医生">
          {doctors.status === 'loading' ? <LoadingView /> : null}
          {doctors.status === 'error' ? <ErrorView error={doctors.error} onRetry={doctors.reload} /> : null}
          {doctors.status === 'success' && doctors.data.length === 0 ? (
            <EmptyView text="该科室没有医生" />
          ) : null}
          {doctors.status === 'success' ? (
            <OptionList
              options={doctors.data.map((d) => ({
                value: d.id,
                label: `${d.name} ${DOCTOR_TITLE_LABELS[d.title]}`,
              }))}
              value={doctorId}
              testIdPrefix="template-doctor"
              onChange={setDoctorId}
            />
          ) : null}
        </Section>
      ) : null}
      {doctorId ? <DoctorTemplates doctorId={doctorId} /> : null}
    </Page>
  );
}

export default StaffTemplatesPage;
