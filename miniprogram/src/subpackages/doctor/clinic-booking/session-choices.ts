import { MAX_SESSION_RANGE_DAYS, isSameOrMoreSenior } from '@jiuyi/shared';
import type { ClinicBookingKind, Doctor, SessionView } from '@jiuyi/shared';
import { listDoctors, listSessions } from '../../../api/booking-api';
import { ApiError } from '../../../api/client';
import { datesFrom } from '../../../utils/booking-format';
import type { OwnDoctor } from '../own-doctor';

export const KIND_OPTIONS: readonly { value: ClinicBookingKind; label: string; hint: string }[] = [
  { value: 'follow_up', label: '复诊', hint: '本科室的出诊，可约自己或同事' },
  { value: 'senior', label: '上级医生', hint: '本科室职称更高的医生' },
  { value: 'other_specialty', label: '其他专科', hint: '转到其他科室就诊' },
];

export interface DoctorProfile extends OwnDoctor {
  doctor: Doctor;
}

/** The doctor's own catalogue entry (their title decides who counts as 上级). */
export async function loadProfile(own: OwnDoctor): Promise<DoctorProfile> {
  const doctors = await listDoctors(own.department.id);
  const doctor = doctors.find((d) => d.id === own.doctorId);
  if (!doctor) throw new ApiError('NOT_FOUND', 404, '未找到该医生的出诊信息，请联系管理员');
  return { ...own, doctor };
}

/**
 * The sessions of the next two weeks that fit the kind of visit, unreleased ones included: the
 * server allows them for 诊间预约 and checks the kind again, so this only spares the doctor choices
 * that would be refused.
 */
export async function sessionsFor(
  kind: ClinicBookingKind,
  departmentId: string,
  profile: DoctorProfile,
): Promise<SessionView[]> {
  const dates = datesFrom(new Date(), MAX_SESSION_RANGE_DAYS);
  const sessions = await listSessions(departmentId, dates[0] ?? '', dates[dates.length - 1] ?? '');
  return sessions.filter((s) => {
    if (s.status !== 'open') return false;
    if (kind !== 'senior') return true;
    return (
      s.doctor.title !== profile.doctor.title && isSameOrMoreSenior(s.doctor.title, profile.doctor.title)
    );
  });
}
