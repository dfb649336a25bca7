import { Input, Picker, Text, View } from '@tarojs/components';
import { ID_DOCUMENT_LABELS, ID_DOCUMENT_TYPES } from '@jiuyi/shared';
import type { IdDocumentType } from '@jiuyi/shared';
import { ID_NUMBER_HINTS, ID_TYPE_LABELS, idTypeAt } from '../utils/patient-labels';
import { FormField } from './form-field';

export interface IdDocumentValue {
  idType: IdDocumentType;
  idNumber: string;
}

interface IdDocumentFieldsProps {
  /** The step number of the type field; the number field takes the next one. */
  step: number;
  value: IdDocumentValue;
  error?: string;
  onChange: (value: IdDocumentValue) => void;
}

/** The document a patient presents at the desk or in the clinic: its type, then its number. */
export function IdDocumentFields({ step, value, error, onChange }: IdDocumentFieldsProps) {
  return (
    <>
      <FormField step={step} label="证件类型" errorTestId="error-id-type">
        <Picker
          mode="selector"
          range={ID_TYPE_LABELS as string[]}
          value={Math.max(0, ID_DOCUMENT_TYPES.indexOf(value.idType))}
          data-testid="id-type-picker"
          onChange={(event) => {
            const idType = idTypeAt(Number(event.detail.value));
            if (idType) onChange({ ...value, idType });
          }}
        >
          <View className="field__picker">
            <Text>{ID_DOCUMENT_LABELS[value.idType]}</Text>
            <Text className="field__picker-action">更换 ›</Text>
          </View>
        </Picker>
      </FormField>
      <FormField
        step={step + 1}
        label="证件号码"
        hint={ID_NUMBER_HINTS[value.idType]}
        error={error}
        errorTestId="error-id-number"
      >
        <Input
          className="field__input"
          data-testid="id-number"
          value={value.idNumber}
          placeholder="请输入患者出示的证件号码"
          maxlength={32}
          onInput={(event) => onChange({ ...value, idNumber: event.detail.value })}
        />
      </FormField>
    </>
  );
}
