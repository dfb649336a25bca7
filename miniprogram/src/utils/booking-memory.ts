import Taro from '@tarojs/taro';

const RECENT_DEPARTMENTS_KEY = 'jiuyi.recentDepartments';
const LAST_PATIENT_KEY = 'jiuyi.lastPatientId';
const MAX_RECENT = 3;

export interface RecentDepartment {
  id: string;
  name: string;
}

function isRecentDepartment(value: unknown): value is RecentDepartment {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string';
}

/** Departments this phone booked in, newest first: the home page's 最近就诊 shortcuts. */
export function recentDepartments(): RecentDepartment[] {
  const stored: unknown = Taro.getStorageSync(RECENT_DEPARTMENTS_KEY);
  return Array.isArray(stored) ? stored.filter(isRecentDepartment).slice(0, MAX_RECENT) : [];
}

/** Remembers a department after a booking, so next time it is one tap from home. */
export function rememberDepartment(department: RecentDepartment): void {
  const others = recentDepartments().filter((d) => d.id !== department.id);
  Taro.setStorageSync(RECENT_DEPARTMENTS_KEY, [department, ...others].slice(0, MAX_RECENT));
}

/** The patient chosen last time, offered first on the next booking. */
export function lastPatientId(): string | undefined {
  const stored: unknown = Taro.getStorageSync(LAST_PATIENT_KEY);
  return typeof stored === 'string' && stored !== '' ? stored : undefined;
}

export function rememberPatient(patientId: string): void {
  Taro.setStorageSync(LAST_PATIENT_KEY, patientId);
}
