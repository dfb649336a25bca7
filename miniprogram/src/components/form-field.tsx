import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

interface FormFieldProps {
  step: number;
  label: string;
  hint?: string;
  error?: string;
  errorTestId: string;
}

/**
 * One numbered step of a form: a big label, the control, then its message in words (not colour
 * alone) right under it, where the eye already is.
 */
export function FormField({
  step,
  label,
  hint,
  error,
  errorTestId,
  children,
}: PropsWithChildren<FormFieldProps>) {
  return (
    <View className={error ? 'field field--invalid' : 'field'}>
      <View className="field__label">
        <Text className="field__step">{step}</Text>
        <Text>{label}</Text>
      </View>
      {hint ? <Text className="field__hint">{hint}</Text> : null}
      {children}
      {error ? (
        <View className="field__error" data-testid={errorTestId} role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}
