import { clinicTemplateSchema } from '@jiuyi/shared';
import type { TemplateStore } from '../../ports/template-store';
import { scheduleKeys } from './appointment-keys';
import type { TransactItem } from './outbox-store';
import { queryAll } from './query-all';
import type { Table } from './table';
import { transactWithRetry } from './transact-with-retry';

/** Templates are catalogue items (`TEMPLATE#<doctor>#<weekday>#<period>`), the ones materialisation reads. */
export function createTemplateStore(table: Table): TemplateStore {
  const listForDoctor = async (doctorId: string) => {
    const items = await queryAll(table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': scheduleKeys.catalogue, ':p': `TEMPLATE#${doctorId}#` },
      ConsistentRead: true,
    });
    return items.map((i) => clinicTemplateSchema.parse(i.data));
  };
  return {
    listForDoctor,
    async replaceForDoctor(doctorId, templates) {
      const keep = new Set(templates.map((t) => scheduleKeys.template(doctorId, t.weekday, t.period).sk));
      const removed = (await listForDoctor(doctorId))
        .map((t) => scheduleKeys.template(doctorId, t.weekday, t.period))
        .filter((k) => !keep.has(k.sk));
      // At most 14 puts and 14 deletes: one transaction, so materialisation never sees half a week.
      const items: TransactItem[] = [
        ...templates.map((t) => ({
          Put: {
            TableName: table.name,
            Item: {
              ...scheduleKeys.template(doctorId, t.weekday, t.period),
              type: 'clinic_template',
              data: t,
            },
          },
        })),
        ...removed.map((Key) => ({ Delete: { TableName: table.name, Key } })),
      ];
      if (items.length > 0) await transactWithRetry(table, items);
    },
  };
}
