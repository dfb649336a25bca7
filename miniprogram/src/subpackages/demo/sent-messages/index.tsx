import { Text, View } from '@tarojs/components';
import { sentMessageListResponseSchema } from '@jiuyi/shared';
import type { SentMessage } from '@jiuyi/shared';
import { authedRequest } from '../../../api/session';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';

const CHANNEL_LABELS: Record<SentMessage['channel'], string> = {
  wechat_subscribe: '微信订阅消息',
  sms: '短信',
};

/** GET /v1/dev/sent-messages — local stage only: what the recorder "sent" instead of WeChat and SMS. */
async function listSentMessages(): Promise<SentMessage[]> {
  const { items } = await authedRequest('/v1/dev/sent-messages', sentMessageListResponseSchema);
  return items;
}

function SentRow({ message }: { message: SentMessage }) {
  return (
    <View className="message" data-testid={`sent-${message.id}`}>
      <View className="message__head">
        <Text className="tag">{CHANNEL_LABELS[message.channel]}</Text>
        <Text className="message__title">{message.title}</Text>
      </View>
      <Text className="message__time">
        {message.sentAt.slice(5, 16).replace('T', ' ')} · 发给 {message.recipient}
      </Text>
      {Object.entries(message.fields).map(([name, value]) => (
        <Text key={name} className="message__body">
          {name}：{value}
        </Text>
      ))}
      {message.page ? <Text className="message__more">点开后进入 {message.page}</Text> : null}
    </View>
  );
}

/** Local demo: every WeChat subscribe message and SMS that would have been sent, newest first. */
function SentMessagesPage() {
  const sent = useAsync(() => listSentMessages(), []);
  return (
    <Page testId="page-sent-messages">
      <Section title="演示：已发送消息">
        <Text className="section__lead">
          本地演示环境不会真的发送微信消息和短信，这里列出本应发出的内容。
        </Text>
        {sent.status === 'loading' ? <LoadingView /> : null}
        {sent.status === 'error' ? <ErrorView error={sent.error} onRetry={sent.reload} /> : null}
        {sent.status === 'success' && sent.data.length === 0 ? <EmptyView text="还没有发出的消息" /> : null}
        {sent.status === 'success' ? sent.data.map((m) => <SentRow key={m.id} message={m} />) : null}
      </Section>
    </Page>
  );
}

export default SentMessagesPage;
