import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { Patient } from '@jiuyi/shared';
import { ApiError } from '../../api/client';
import { addPatient, updatePatient } from '../../api/patients-api';
import { EMPTY_FORM, serverFieldErrors, validateNewPatient, validatePatientChanges } from './form-rules';
import type { FieldErrors, PatientField, PatientFormValues } from './form-rules';

const ALL_FIELDS: readonly PatientField[] = ['name', 'idType', 'idNumber', 'phone', 'relation'];

/** Leaves the form for the list, which reloads when shown; opened directly, there is nothing to go back to. */
function backToList(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: '/pages/patients/index' });
}

/**
 * State of the add / edit form. A field shows its message once the patient has left it (blur) or
 * tried to submit, and from then on updates as they type, so a fixed mistake clears at once.
 */
export function usePatientForm(editing: Patient | undefined) {
  const [values, setValues] = useState<PatientFormValues>(() =>
    editing ? { ...EMPTY_FORM, name: editing.name, relation: editing.relation } : EMPTY_FORM,
  );
  const [touched, setTouched] = useState<ReadonlySet<PatientField>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const validation = useMemo(
    () =>
      editing
        ? { mode: 'edit' as const, ...validatePatientChanges(values) }
        : { mode: 'add' as const, ...validateNewPatient(values, new Date()) },
    [editing, values],
  );

  const errors: FieldErrors = {};
  for (const field of ALL_FIELDS) {
    const local = validation.ok || !touched.has(field) ? undefined : validation.errors[field];
    const message = local ?? serverErrors[field];
    if (message) errors[field] = message;
  }

  const change = <K extends PatientField>(field: K, value: PatientFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerErrors((current) => {
      const next = { ...current };
      delete next[field];
      return next;
    });
    setFormError(undefined);
  };

  const blur = (field: PatientField) => setTouched((current) => new Set(current).add(field));

  const submit = async () => {
    setTouched(new Set(ALL_FIELDS));
    if (!validation.ok || submitting) return;
    setSubmitting(true);
    setFormError(undefined);
    try {
      if (validation.mode === 'edit' && editing) await updatePatient(editing.id, validation.body);
      else if (validation.mode === 'add') await addPatient(validation.body);
      void Taro.showToast({ title: editing ? '已保存' : '已添加', icon: 'success' });
      backToList();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN_ERROR', 0);
      setServerErrors(serverFieldErrors(apiError.details));
      setFormError(apiError.message);
    } finally {
      setSubmitting(false);
    }
  };

  return { values, errors, formError, submitting, change, blur, submit };
}
