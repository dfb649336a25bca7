import type { ExternalChannelName, OutboxMessage } from '@jiuyi/shared';
import type { ChannelOutcome, MessageChannel } from '../../ports/message-channel';

export interface RecordedMessage {
  channel: ExternalChannelName;
  message: OutboxMessage;
  sentAt: string;
}

export interface LocalMessageRecorder {
  /** One recording channel per external channel name, all writing to the same log. */
  channels: MessageChannel[];
  /** Everything "sent" so far, oldest first: what the local demo shows. */
  list(): RecordedMessage[];
  clear(): void;
}

/**
 * The `local` stage's stand-in for WeChat and SMS: it accepts every message and keeps it, so a
 * person running the demo can see exactly what would have gone out. `clock` is only for the log.
 */
export function createLocalMessageRecorder(clock: () => Date = () => new Date()): LocalMessageRecorder {
  const log: RecordedMessage[] = [];
  const channel = (name: ExternalChannelName): MessageChannel => ({
    name,
    async send(message): Promise<ChannelOutcome> {
      log.push({ channel: name, message, sentAt: clock().toISOString() });
      return { kind: 'sent', providerMessageId: `local-${log.length}` };
    },
  });
  return {
    channels: [channel('wechat_subscribe'), channel('sms')],
    list: () => [...log],
    clear: () => {
      log.length = 0;
    },
  };
}

/** The process-wide recorder the local stack's sender writes to and the demo page reads. */
export const localMessageRecorder = createLocalMessageRecorder();
