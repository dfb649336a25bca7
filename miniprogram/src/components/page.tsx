import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useLargeText } from '../hooks/use-large-text';

interface PageProps {
  testId?: string;
}

/** The root of every page: applies 大字模式 so all text inside scales together. */
export function Page({ testId, children }: PropsWithChildren<PageProps>) {
  const [largeText] = useLargeText();
  return (
    <View className={largeText ? 'page page--large' : 'page'} data-testid={testId}>
      {children}
    </View>
  );
}
