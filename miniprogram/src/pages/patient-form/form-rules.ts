import type { z } from 'zod';
import {
  createPatientBodySchema,
  isIdDocumentType,
  updatePatientBodySchema,
  validateIdDocument,
} from '@jiuyi/shared';
import type { IdDocumentType, PatientRelation } from '@jiuyi/shared';
import type { NewPatient, PatientChanges } from '../../api/patients-api';

export type PatientField = 'name' | 'idType' | 'idNumber' | 'phone' | 'relation';
export type FieldErrors = Partial<Record<PatientField, string>>;

/** The form as typed: every field a string, choices empty until made. */
export interface PatientFormValues {
  name: string;
  idType: IdDocumentType | '';
  idNumber: string;
  phone: string;
  relation: PatientRelation | '';
}

export const EMPTY_FORM: PatientFormValues = {
  name: '',
  idType: 'resident_id',
  idNumber: '',
  phone: '',
  relation: '',
};

const FIELDS: readonly PatientField[] = ['name', 'idType', 'idNumber', 'phone', 'relation'];

function isPatientField(key: unknown): key is PatientField {
  return typeof key === 'string' && (FIELDS as readonly string[]).includes(key);
}

/** The first message per field, as the schema words it. */
function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (isPatientField(field) && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

const choice = <T extends string>(value: T | ''): T | undefined => (value === '' ? undefined : value);

/**
 * Checks the add form with the server's own schema and returns each field's Chinese message.
 * zod runs the object-level ID-number rule only when every field is valid, so while another
 * field is still wrong the same domain rule is applied to the number directly: the patient
 * learns about a wrong check digit as soon as they leave the field.
 */
export function validateNewPatient(
  values: PatientFormValues,
  now: Date,
): { ok: true; body: NewPatient } | { ok: false; errors: FieldErrors } {
  const parsed = createPatientBodySchema(() => now).safeParse({
    ...values,
    idType: choice(values.idType),
    relation: choice(values.relation),
  });
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors = fieldErrors(parsed.error.issues);
  if (errors.idNumber === undefined && isIdDocumentType(values.idType)) {
    const result = validateIdDocument(values.idType, values.idNumber, now);
    if (!result.ok) errors.idNumber = result.message;
  }
  return { ok: false, errors };
}

/** Checks the edit form; a blank phone means "keep the current one". */
export function validatePatientChanges(
  values: Pick<PatientFormValues, 'name' | 'phone' | 'relation'>,
): { ok: true; body: PatientChanges } | { ok: false; errors: FieldErrors } {
  const parsed = updatePatientBodySchema.safeParse({
    name: values.name,
    phone: values.phone.trim() === '' ? undefined : values.phone,
    relation: choice(values.relation),
  });
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, errors: fieldErrors(parsed.error.issues) };
}

/** The server's `details.fields` (path → message) of a 400 VALIDATION_FAILED, kept to the form's fields. */
export function serverFieldErrors(details: Record<string, unknown> | undefined): FieldErrors {
  const fields = details?.fields;
  if (typeof fields !== 'object' || fields === null) return {};
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = path.split('.')[0];
    if (isPatientField(field) && typeof message === 'string') errors[field] = message;
  }
  return errors;
}
