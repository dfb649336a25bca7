import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  guideBranchSchema,
  guideRuleListSchema,
  guideServiceSchema,
  type GuideBranch,
  type GuideService,
} from '@jiuyi/shared';
import type { GuideStore } from '../../ports/guide-store';
import { batchPut } from './batch-put';
import { keys, type Table } from './table';
import { queryAll } from './query-all';

/** The guide lives in one partition: it is small, read-mostly and served whole. */
export function createGuideStore(table: Table): GuideStore {
  async function queryPrefix(prefix: string): Promise<Record<string, unknown>[]> {
    const items = await queryAll(table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'GUIDE', ':prefix': prefix },
    });
    return items;
  }

  return {
    async listServices() {
      const items = await queryPrefix('SERVICE#');
      return items.map((i) => guideServiceSchema.parse(i.data)).sort((a, b) => a.order - b.order);
    },
    async getService(id) {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.guideService(id) }),
      );
      return Item ? guideServiceSchema.parse(Item.data) : undefined;
    },
    async listBranches() {
      const items = await queryPrefix('BRANCH#');
      return items.map((i) => guideBranchSchema.parse(i.data)).sort((a, b) => a.id.localeCompare(b.id));
    },
    async getRules() {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.guideRules() }),
      );
      return Item ? guideRuleListSchema.parse(Item.data) : { prohibited: [], toleratedMissing: [] };
    },
    async putAll({ services, branches, rules }) {
      await batchPut(table, [
        ...services.map((s: GuideService) => ({
          ...keys.guideService(s.id),
          type: 'guide_service',
          data: s,
        })),
        ...branches.map((b: GuideBranch) => ({ ...keys.guideBranch(b.id), type: 'guide_branch', data: b })),
        { ...keys.guideRules(), type: 'guide_rules', data: rules },
      ]);
    },
  };
}
