import type { MessageView, OutboxMessage } from '@jiuyi/shared';

export interface MessagePage {
  items: MessageView[];
  nextCursor?: string;
  unreadCount: number;
}

/** The in-app message centre of each account, and the outbox entry point for standalone messages. */
export interface MessageStore {
  /**
   * Writes the outbox item and the in-app copy in one transaction. `duplicate` when a message with
   * this id exists already (the same event was reported before): nothing is written twice.
   */
  enqueue(message: OutboxMessage): Promise<'enqueued' | 'duplicate'>;
  /** Newest first. Throws `VALIDATION_FAILED` for a cursor this store did not issue. */
  list(accountId: string, options: { limit: number; cursor?: string }): Promise<MessagePage>;
  /** Marks read once; repeating it changes nothing. Undefined when the account has no such message. */
  markRead(
    accountId: string,
    messageId: string,
    nowIso: string,
  ): Promise<{ message: MessageView; unreadCount: number } | undefined>;
}
