import { Text, View } from '@tarojs/components';

/** The five steps of booking, named the way the pages title themselves. */
export const BOOKING_STEPS = ['选科室', '选医生', '选时段', '就诊人', '确认'] as const;

/**
 * Where the patient is in the booking: numbered circles with words under them, done steps
 * ticked, so position is told by text and shape as well as colour.
 */
export function StepIndicator({ current }: { current: number }) {
  return (
    <View
      className="steps"
      data-testid="step-indicator"
      aria-label={`第 ${current + 1} 步，共 ${BOOKING_STEPS.length} 步`}
    >
      {BOOKING_STEPS.map((label, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <View key={label} className={`steps__item steps__item--${state}`}>
            <Text className="steps__dot">{state === 'done' ? '✓' : index + 1}</Text>
            <Text className="steps__label">{label}</Text>
          </View>
        );
      })}
    </View>
  );
}
