import { Text, View } from '@tarojs/components';
import './option-list.css';

interface OptionListProps<T extends string> {
  options: readonly { value: T; label: string }[];
  value: T | '';
  testIdPrefix: string;
  /** Two per row for short labels such as times; one per row otherwise. */
  grid?: boolean;
  onChange: (value: T) => void;
}

/**
 * Like ChoiceGroup, for lists too long for one row: each choice a full-width row (or half-width in
 * `grid`), the chosen one marked with ✓ as well as colour.
 */
export function OptionList<T extends string>({
  options,
  value,
  testIdPrefix,
  grid = false,
  onChange,
}: OptionListProps<T>) {
  return (
    <View className={grid ? 'option-list option-list--grid' : 'option-list'} role="radiogroup">
      {options.map((option) => {
        const selected = option.value === value;
        return (
          <View
            key={option.value}
            className={selected ? 'option option--selected' : 'option'}
            data-testid={`${testIdPrefix}-${option.value}`}
            role="radio"
            aria-checked={selected}
            hoverClass="option--pressed"
            onClick={() => onChange(option.value)}
          >
            <Text>{selected ? `✓ ${option.label}` : option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
