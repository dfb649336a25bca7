import { markMessageReadResponseSchema, messageListResponseSchema } from '@jiuyi/shared';
import type { MarkMessageReadResponse, MessageListResponse } from '@jiuyi/shared';
import { authedRequest } from './session';

/** GET /v1/messages — the newest messages first, with the account's unread count. */
export async function listMessages(cursor?: string): Promise<MessageListResponse> {
  return authedRequest('/v1/messages', messageListResponseSchema, { query: { cursor, limit: '30' } });
}

/** POST /v1/messages/{id}/read — idempotent; answers with the unread count after marking. */
export async function markMessageRead(id: string): Promise<MarkMessageReadResponse> {
  return authedRequest(`/v1/messages/${encodeURIComponent(id)}/read`, markMessageReadResponseSchema, {
    method: 'POST',
  });
}
