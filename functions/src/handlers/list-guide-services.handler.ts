import { listGuideServicesQuerySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { searchGuideServices } from '../use-cases/guide/search-guide-services';

/** GET /v1/guide/services?q= — the service guide, searchable by keyword, with the handling lists. */
export const handler = defineHandler(
  { access: 'public', query: listGuideServicesQuerySchema },
  async ({ query, deps }) => {
    const [items, rules] = await Promise.all([
      searchGuideServices(deps.guide, query.q),
      deps.guide.getRules(),
    ]);
    return { items, rules };
  },
);
