import { Button, Text, View } from '@tarojs/components';
import type { BookingErrors } from './use-booking-form';

/** The booking's last line: what went wrong in words, then the one button that books. */
export function BookingFooter({
  testIdPrefix,
  errors,
  busy,
  onSubmit,
}: {
  testIdPrefix: string;
  errors: BookingErrors;
  busy: boolean;
  onSubmit: () => void;
}) {
  return (
    <>
      {errors.slot || errors.submit ? (
        <View className="banner banner--error" data-testid={`${testIdPrefix}-booking-error`} role="alert">
          <Text>{errors.submit ?? errors.slot}</Text>
        </View>
      ) : null}
      <Button
        className="btn btn--primary btn--block"
        data-testid={`${testIdPrefix}-booking-submit`}
        {...(busy ? { disabled: true } : {})}
        onClick={onSubmit}
      >
        {busy ? '正在预约…' : '确认预约'}
      </Button>
    </>
  );
}
