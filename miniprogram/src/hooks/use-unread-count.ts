import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { listMessages } from '../api/messages-api';
import { useAsync } from './use-async';

/** The unread count for a 消息中心 badge, refreshed whenever the page shows again. */
export function useUnreadCount(): number {
  const messages = useAsync(() => listMessages(), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) messages.reload();
    shown.current = true;
  });
  return messages.status === 'success' ? messages.data.unreadCount : 0;
}
