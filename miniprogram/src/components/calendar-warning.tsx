import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { getCalendarStatus } from '../api/calendar-api';
import { useAsync } from '../hooks/use-async';

/**
 * The banner admins and records staff see from 1 November until next year's holidays are confirmed
 * (or all year while this year's are not): deadlines in such a year are only provisional.
 * Silent when there is nothing to say or the status cannot be read.
 */
export function CalendarWarning({ canEdit }: { canEdit: boolean }) {
  const status = useAsync(() => getCalendarStatus(), []);
  if (status.status !== 'success' || !status.data.warning) return null;
  const { warning } = status.data;
  return (
    <View className="banner banner--warning" data-testid="calendar-warning" role="alert">
      <Text className="banner__title">节假日安排待确认：{warning.year}年</Text>
      <Text className="banner__hint">{warning.message}</Text>
      {canEdit ? (
        <Button
          className="btn btn--secondary banner__action"
          data-testid="calendar-warning-open"
          onClick={() =>
            void Taro.navigateTo({ url: `/subpackages/admin/calendar/index?year=${warning.year}` })
          }
        >
          录入节假日安排
        </Button>
      ) : (
        <Text className="banner__hint">请联系管理员录入。</Text>
      )}
    </View>
  );
}
