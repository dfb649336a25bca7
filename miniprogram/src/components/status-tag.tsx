import { Text } from '@tarojs/components';
import type { AppointmentStatus } from '@jiuyi/shared';
import { STATUS_TAGS } from '../utils/booking-format';

/** A WeChat-style coloured tag with the status in words. */
export function StatusTag({ status }: { status: AppointmentStatus }) {
  const tag = STATUS_TAGS[status];
  return (
    <Text className={`status-tag status-tag--${tag.tone}`} data-testid="status-tag">
      {tag.label}
    </Text>
  );
}
