import { sessionsQuerySchema } from '@jiuyi/shared';
import { defineHandler } from '../http/define-handler';
import { listSessions } from '../use-cases/appointments/list-sessions';

/** GET /v1/sessions?departmentId=&from=&to= — sessions with remaining online numbers, for anyone. */
export const handler = defineHandler(
  { access: 'public', query: sessionsQuerySchema },
  async ({ query, deps }) => ({
    items: await listSessions(deps.schedule, query, deps.now()),
  }),
);
