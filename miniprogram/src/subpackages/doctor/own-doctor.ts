import type { Department } from '@jiuyi/shared';
import { findDoctorDepartment } from '../../api/clinic-api';
import { ApiError } from '../../api/client';
import { getMe } from '../../api/session';

export interface OwnDoctor {
  doctorId: string;
  department: Department;
}

/**
 * The catalogue doctor this account speaks for and their department. An account without one (an
 * expert from an alliance hospital) gets a plain message instead of an empty list.
 */
export async function loadOwnDoctor(): Promise<OwnDoctor> {
  const { account } = await getMe();
  if (!account.doctorId) throw new ApiError('FORBIDDEN', 403, '该账号未关联本院出诊医生，没有出诊安排');
  const department = await findDoctorDepartment(account.doctorId);
  if (!department) throw new ApiError('NOT_FOUND', 404, '未找到该医生所在的科室，请联系管理员');
  return { doctorId: account.doctorId, department };
}

/** Numbers taken and offered online across the session's slots. */
export function onlineCounts(slots: readonly { capacityOnline: number; remainingOnline: number }[]): {
  booked: number;
  capacity: number;
} {
  const capacity = slots.reduce((n, s) => n + s.capacityOnline, 0);
  const remaining = slots.reduce((n, s) => n + s.remainingOnline, 0);
  return { booked: capacity - remaining, capacity };
}
