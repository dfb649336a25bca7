import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { sentMessageSchema } from '@jiuyi/shared';
import type { SentMessageLog } from '../../ports/sent-message-log';
import { ttlFromIso, type Table } from './table';

/** Demo records expire after a week; the local table is not meant to grow without end. */
const KEEP_SECONDS = 7 * 24 * 3600;

/** One partition, sorted by send time: the local stage's volume is a demo's, never production's. */
export const sentLogKeys = {
  partition: 'DEVSENT',
  entry: (sentAt: string, id: string) => ({ pk: 'DEVSENT', sk: `${sentAt}#${id}` }),
};

/** The recorder's log in the table, so it survives a restart with `--persist` and each test table has its own. */
export function createSentMessageLog(table: Table): SentMessageLog {
  return {
    async record(entry) {
      const valid = sentMessageSchema.parse(entry);
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: {
            ...sentLogKeys.entry(valid.sentAt, valid.id),
            type: 'sent_message',
            data: valid,
            expiresAt: ttlFromIso(valid.sentAt) + KEEP_SECONDS,
          },
        }),
      );
    },
    async list(limit) {
      const { Items = [] } = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': sentLogKeys.partition },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.map((item) => sentMessageSchema.parse(item.data));
    },
  };
}
