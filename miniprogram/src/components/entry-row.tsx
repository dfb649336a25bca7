import { Text, View } from '@tarojs/components';

interface EntryRowProps {
  title: string;
  hint?: string;
  testId: string;
  disabled?: boolean;
  onOpen?: () => void;
}

/** A full-width menu row; a disabled row says it is not open yet instead of silently doing nothing. */
export function EntryRow({ title, hint, testId, disabled = false, onOpen }: EntryRowProps) {
  return (
    <View
      className={disabled ? 'entry-row entry-row--disabled' : 'entry-row'}
      data-testid={testId}
      hoverClass={disabled ? 'none' : 'entry-row--pressed'}
      onClick={disabled ? undefined : onOpen}
    >
      <View className="entry-row__body">
        <Text className="entry-row__title">{title}</Text>
        {hint ? <Text className="entry-row__hint">{hint}</Text> : null}
      </View>
      <Text className="chevron">{disabled ? '' : '›'}</Text>
    </View>
  );
}
