import { Text, View } from '@tarojs/components';
import { useLargeText } from '../hooks/use-large-text';

/** The 大字模式 switch: a whole row to tap, with its state written out rather than shown by colour alone. */
export function LargeTextToggle() {
  const [largeText, setLargeText] = useLargeText();
  return (
    <View
      className={largeText ? 'toggle toggle--on' : 'toggle'}
      data-testid="large-text-toggle"
      id="large-text-toggle"
      role="switch"
      aria-checked={largeText}
      hoverClass="toggle--pressed"
      onClick={() => setLargeText(!largeText)}
    >
      <View className="toggle__body">
        <Text className="toggle__label">大字模式</Text>
        <Text className="toggle__hint">{largeText ? '已开启，文字已放大' : '开启后文字更大更清楚'}</Text>
      </View>
      <View className="toggle__switch">
        <Text className="toggle__state">{largeText ? '开' : '关'}</Text>
      </View>
    </View>
  );
}
