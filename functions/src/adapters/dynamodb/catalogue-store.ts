import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clinicTemplateSchema, departmentSchema, doctorSchema } from '@jiuyi/shared';
import type { CatalogueStore } from '../../ports/catalogue-store';
import { scheduleKeys } from './appointment-keys';
import { batchPut } from './batch-put';
import type { Table } from './table';
import { queryAll } from './query-all';

/** The catalogue sits in one partition: a few hundred items, read whole and cached by clients. */
export function createCatalogueStore(table: Table): CatalogueStore {
  async function queryPrefix(prefix: string): Promise<Record<string, unknown>[]> {
    const items = await queryAll(table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': scheduleKeys.catalogue, ':prefix': prefix },
    });
    return items;
  }

  return {
    async listDepartments() {
      return (await queryPrefix('DEPARTMENT#')).map((i) => departmentSchema.parse(i.data));
    },
    async getDepartment(id) {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: scheduleKeys.department(id) }),
      );
      return Item ? departmentSchema.parse(Item.data) : undefined;
    },
    async listDoctors(departmentId) {
      const items = await queryPrefix(departmentId ? `DOCTOR#${departmentId}#` : 'DOCTOR#');
      return items.map((i) => doctorSchema.parse(i.data));
    },
    async listTemplates() {
      return (await queryPrefix('TEMPLATE#')).map((i) => clinicTemplateSchema.parse(i.data));
    },
    async putAll({ departments, doctors, templates }) {
      await batchPut(table, [
        ...departments.map((d) => ({ ...scheduleKeys.department(d.id), type: 'department', data: d })),
        ...doctors.map((d) => ({ ...scheduleKeys.doctor(d.departmentId, d.id), type: 'doctor', data: d })),
        ...templates.map((t) => ({
          ...scheduleKeys.template(t.doctorId, t.weekday, t.period),
          type: 'clinic_template',
          data: t,
        })),
      ]);
    },
  };
}
