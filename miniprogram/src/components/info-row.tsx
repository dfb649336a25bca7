import { Text, View } from '@tarojs/components';

interface InfoRowProps {
  label: string;
  value: string;
  testId?: string;
  emphasis?: boolean;
}

/** A label and its value on one line, the value large enough to check at a glance. */
export function InfoRow({ label, value, testId, emphasis = false }: InfoRowProps) {
  return (
    <View className="info-row" data-testid={testId}>
      <Text className="info-row__label">{label}</Text>
      <Text className={emphasis ? 'info-row__value info-row__value--strong' : 'info-row__value'}>
        {value}
      </Text>
    </View>
  );
}
