import type { SentMessage } from '@jiuyi/shared';

/** What the `local` stage's recorder "sent" in place of WeChat and SMS, for the demo page. */
export interface SentMessageLog {
  record(entry: SentMessage): Promise<void>;
  /** Newest first. */
  list(limit: number): Promise<SentMessage[]>;
}
