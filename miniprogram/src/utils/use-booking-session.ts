import { listDepartments, listSessions } from '../api/booking-api';
import { ApiError } from '../api/client';
import type { Department, SessionView } from '@jiuyi/shared';

export interface BookingSession {
  department?: Department;
  session: SessionView;
}

/**
 * The chosen session read fresh from the server (numbers change by the second), with its
 * department's name. A session that no longer exists is a NOT_FOUND the page shows as an error.
 */
export async function loadBookingSession(
  departmentId: string,
  date: string,
  sessionId: string,
): Promise<BookingSession> {
  const [departments, sessions] = await Promise.all([
    listDepartments(),
    listSessions(departmentId, date, date),
  ]);
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) throw new ApiError('NOT_FOUND', 404, '没有找到该出诊信息，请返回重新选择');
  return { department: departments.find((d) => d.id === departmentId), session };
}
