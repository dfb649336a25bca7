import { Text, View } from '@tarojs/components';

interface ChoiceGroupProps<T extends string> {
  options: readonly { value: T; label: string }[];
  value: T | '';
  testIdPrefix: string;
  onChange: (value: T) => void;
}

/** Big side-by-side choices, the chosen one marked with ✓ as well as colour. */
export function ChoiceGroup<T extends string>({
  options,
  value,
  testIdPrefix,
  onChange,
}: ChoiceGroupProps<T>) {
  return (
    <View className="choices" role="radiogroup">
      {options.map((option) => {
        const selected = option.value === value;
        return (
          <View
            key={option.value}
            className={selected ? 'choice choice--selected' : 'choice'}
            data-testid={`${testIdPrefix}-${option.value}`}
            role="radio"
            aria-checked={selected}
            hoverClass="choice--pressed"
            onClick={() => onChange(option.value)}
          >
            <Text>{selected ? `✓ ${option.label}` : option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
