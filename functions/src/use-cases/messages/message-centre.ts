import {
  DomainError,
  toShanghaiIso,
  type MarkMessageReadResponse,
  type MessageListResponse,
} from '@jiuyi/shared';
import type { MessageStore } from '../../ports/message-store';

export const DEFAULT_MESSAGE_PAGE = 20;

/** The caller's own messages, newest first, with the unread count. */
export async function listMessages(
  messages: MessageStore,
  accountId: string,
  query: { limit?: number; cursor?: string },
): Promise<MessageListResponse> {
  return messages.list(accountId, { limit: query.limit ?? DEFAULT_MESSAGE_PAGE, cursor: query.cursor });
}

/**
 * Marks one of the caller's messages read. Repeating it answers the same as the first time;
 * another account's message is a 404, as if it did not exist.
 */
export async function markMessageRead(
  messages: MessageStore,
  accountId: string,
  messageId: string,
  now: Date,
): Promise<MarkMessageReadResponse> {
  const result = await messages.markRead(accountId, messageId, toShanghaiIso(now));
  if (!result) throw new DomainError('NOT_FOUND');
  return result;
}
