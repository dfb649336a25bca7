import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { MessageView } from '@jiuyi/shared';
import { listMessages, markMessageRead } from '../../api/messages-api';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';

/** `2026-11-24T08:31:05+08:00` → `11-24 08:31`. */
function when(iso: string): string {
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

/**
 * Marks the message read (idempotent, so a failure here is harmless) and opens what it is about;
 * the list reloads when the user comes back.
 */
async function open(message: MessageView): Promise<void> {
  if (!message.readAt) {
    try {
      await markMessageRead(message.id);
    } catch {
      // Opening what the message is about matters more than the unread dot.
    }
  }
  const url = message.link.startsWith('/') ? message.link : `/${message.link}`;
  Taro.navigateTo({ url }).catch(() => {
    void Taro.showToast({ title: '该页面暂不可用', icon: 'none' });
  });
}

function MessageRow({ message }: { message: MessageView }) {
  const unread = !message.readAt;
  return (
    <View
      className={unread ? 'message message--unread' : 'message'}
      data-testid={`message-${message.id}`}
      data-unread={unread ? '1' : '0'}
      hoverClass="entry-row--pressed"
      onClick={() => void open(message)}
    >
      <View className="message__head">
        {unread ? <Text className="message__dot" aria-label="未读" /> : null}
        <Text className="message__title">{message.title}</Text>
        <Text className="message__time">{when(message.createdAt)}</Text>
      </View>
      <Text className="message__body">{message.body}</Text>
      <Text className="message__more">{unread ? '未读 · 查看详情 ›' : '查看详情 ›'}</Text>
    </View>
  );
}

/** 消息中心 for every role: newest first, unread marked with a dot and the word 未读. */
function MessagesPage() {
  const messages = useAsync(() => listMessages(), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) messages.reload();
    shown.current = true;
  });

  return (
    <Page testId="page-messages">
      <Section title="消息中心" testId="messages">
        {messages.status === 'loading' ? <LoadingView /> : null}
        {messages.status === 'error' ? <ErrorView error={messages.error} onRetry={messages.reload} /> : null}
        {messages.status === 'success' ? (
          <Text className="section__lead" data-testid="unread-count">
            {messages.data.unreadCount > 0 ? `${messages.data.unreadCount} 条未读` : '没有未读消息'}
          </Text>
        ) : null}
        {messages.status === 'success' && messages.data.items.length === 0 ? (
          <EmptyView text="暂无消息" hint="预约、支付、停诊等通知会显示在这里" />
        ) : null}
        {messages.status === 'success'
          ? messages.data.items.map((message) => <MessageRow key={message.id} message={message} />)
          : null}
      </Section>
    </Page>
  );
}

export default MessagesPage;
