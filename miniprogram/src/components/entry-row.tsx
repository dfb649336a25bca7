import { Text, View } from '@tarojs/components';

interface EntryRowProps {
  title: string;
  hint?: string;
  testId: string;
  disabled?: boolean;
  /** An unread count; shown as a red badge with the number when above zero. */
  badge?: number;
  onOpen?: () => void;
}

/** A full-width menu row; a disabled row says it is not open yet instead of silently doing nothing. */
export function EntryRow({ title, hint, testId, disabled = false, badge = 0, onOpen }: EntryRowProps) {
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
      {badge > 0 ? (
        <Text className="badge" data-testid={`${testId}-badge`} aria-label={`${badge} 条未读`}>
          {badge > 99 ? '99+' : badge}
        </Text>
      ) : null}
      <Text className="chevron">{disabled ? '' : '›'}</Text>
    </View>
  );
}
