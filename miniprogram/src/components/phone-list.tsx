import { Text, View } from '@tarojs/components';
import type { PhoneContact } from '@jiuyi/shared';
import { callPhone, formatPhone } from '../utils/phone';

/** Each phone as a large row; tapping it opens the dialler, and the extension is spelled out. */
export function PhoneList({
  phones,
  testIdPrefix = 'phone',
}: {
  phones: PhoneContact[];
  testIdPrefix?: string;
}) {
  return (
    <View className="phone-list">
      {phones.map((phone, index) => (
        <View
          key={`${phone.number}-${phone.extension ?? ''}-${index}`}
          className="phone"
          data-testid={`${testIdPrefix}-${index}`}
          hoverClass="phone--pressed"
          onClick={() => callPhone(phone.number)}
        >
          <View className="phone__body">
            <Text className="phone__label">{phone.label}</Text>
            <Text className="phone__number">{formatPhone(phone)}</Text>
            {phone.extension ? <Text className="phone__hint">接通后请转分机 {phone.extension}</Text> : null}
          </View>
          <Text className="phone__action">拨打</Text>
        </View>
      ))}
    </View>
  );
}
