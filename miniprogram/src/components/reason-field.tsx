import { Input } from '@tarojs/components';
import { FormField } from './form-field';

interface ReasonFieldProps {
  step: number;
  label: string;
  hint?: string;
  error?: string;
  errorTestId: string;
  testId: string;
  value: string;
  placeholder: string;
  maxlength: number;
  onChange: (value: string) => void;
}

/** A free-text reason (退费、加号、转诊) as one numbered form step. */
export function ReasonField({ testId, value, placeholder, maxlength, onChange, ...field }: ReasonFieldProps) {
  return (
    <FormField {...field}>
      <Input
        className="field__input"
        data-testid={testId}
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        onInput={(event) => onChange(event.detail.value)}
      />
    </FormField>
  );
}
