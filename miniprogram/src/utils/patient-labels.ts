import { ID_DOCUMENT_LABELS, ID_DOCUMENT_TYPES } from '@jiuyi/shared';
import type { IdDocumentType, PatientRelation, RealNameStatus } from '@jiuyi/shared';

/** How each relation reads on a card and on the form. */
export const RELATION_LABELS: Record<PatientRelation, string> = {
  self: '本人',
  family: '家人',
  other: '其他',
};

export const RELATION_OPTIONS: readonly { value: PatientRelation; label: string }[] = [
  { value: 'self', label: RELATION_LABELS.self },
  { value: 'family', label: RELATION_LABELS.family },
  { value: 'other', label: RELATION_LABELS.other },
];

/** The document picker's rows, in the order of the shared list. */
export const ID_TYPE_LABELS: readonly string[] = ID_DOCUMENT_TYPES.map((type) => ID_DOCUMENT_LABELS[type]);

/** The document type at a picker row, or undefined for a row that does not exist. */
export function idTypeAt(index: number): IdDocumentType | undefined {
  return ID_DOCUMENT_TYPES[index];
}

/** What to type for each document, shown under the number field. */
export const ID_NUMBER_HINTS: Record<IdDocumentType, string> = {
  resident_id: '18 位，最后一位可能是 X',
  passport: '护照首页上的护照号码',
  hk_macau_permit: 'C、H 或 M 开头的 9 位号码',
  taiwan_permit: '8 位数字（旧版 10 位）',
  social_security_card: '社会保障号码，即 18 位身份证号',
};

/** Real-name verification in words: a tag (with its colour) and what the patient can do about it. */
export const REAL_NAME_TAGS: Record<
  RealNameStatus,
  { label: string; tone: 'green' | 'orange' | 'grey' | 'red'; hint?: string }
> = {
  verified: { label: '已实名', tone: 'green' },
  pending: { label: '核验中', tone: 'orange', hint: '实名核验服务暂时无法应答，系统稍后会自动重新核验' },
  desk_required: {
    label: '待现场核验',
    tone: 'grey',
    hint: '该证件无法在线核验，首次就诊时请携带证件到门诊服务台核验',
  },
  revoked: {
    label: '已失效',
    tone: 'red',
    hint: '该证件已由证件本人实名登记或经服务台解除，此就诊人不能再挂号，请删除',
  },
};
