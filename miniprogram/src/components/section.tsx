import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

/** A titled white card: the building block of every page. */
export function Section({ title, testId, children }: PropsWithChildren<{ title?: string; testId?: string }>) {
  return (
    <View className="section" data-testid={testId}>
      {title ? <Text className="section__title">{title}</Text> : null}
      {children}
    </View>
  );
}
