import { Button, Text, View } from '@tarojs/components';
import type { ApiError } from '../api/client';

/** Shown while data loads; a text line rather than a spinner alone, for readers who need words. */
export function LoadingView({ text = '正在加载，请稍候…' }: { text?: string }) {
  return (
    <View className="state state--loading" data-testid="state-loading">
      <View className="state__spinner" />
      <Text className="state__text">{text}</Text>
    </View>
  );
}

/** A failed load with the server's Chinese message and a big 重试 button. */
export function ErrorView({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <View className="state state--error" data-testid="state-error">
      <Text className="state__icon">!</Text>
      <Text className="state__text">{error.message}</Text>
      <Button className="btn btn--primary state__retry" data-testid="retry" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

/** Nothing to show, said plainly. */
export function EmptyView({ text, hint }: { text: string; hint?: string }) {
  return (
    <View className="state state--empty" data-testid="state-empty">
      <Text className="state__text">{text}</Text>
      {hint ? <Text className="state__hint">{hint}</Text> : null}
    </View>
  );
}
