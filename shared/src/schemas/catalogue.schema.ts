import { z } from 'zod';
import { listOf } from './common.schema';
import { phoneContactSchema } from './guide.schema';

/** Booking is by specialty and by title (Beijing art. 12); the four titles of a Chinese hospital. */
export const doctorTitleSchema = z.enum([
  'chief_physician',
  'associate_chief_physician',
  'attending_physician',
  'resident_physician',
]);
export type DoctorTitle = z.infer<typeof doctorTitleSchema>;

/** The words a patient sees for each title. */
export const DOCTOR_TITLE_LABELS: Readonly<Record<DoctorTitle, string>> = {
  chief_physician: '主任医师',
  associate_chief_physician: '副主任医师',
  attending_physician: '主治医师',
  resident_physician: '住院医师',
};

/** A lowercase ascii code such as `cardiology` or `orthopaedics-spine`, used by rosters and filters. */
export const specialtyCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, { message: '专业代码只能包含小写字母、数字和连字符' });

export const departmentSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1),
  campusId: z.string().min(1),
  description: z.string().min(1),
  specialtyCode: specialtyCodeSchema,
  /** Heading that groups sub-specialties in lists, e.g. the orthopaedic units under 骨科. */
  group: z.string().min(1).optional(),
});
export type Department = z.infer<typeof departmentSchema>;

export const doctorSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1),
  title: doctorTitleSchema,
  departmentId: z.string().min(1),
  /** What the doctor is good at (擅长), in plain Chinese. */
  specialty: z.string().min(1),
  introduction: z.string().min(1),
  /** Registration fee in fen (分). */
  feeFen: z.number().int().positive(),
});
export type Doctor = z.infer<typeof doctorSchema>;

/** A clinic session is half a working day (Beijing art. 29). */
export const clinicPeriodSchema = z.enum(['am', 'pm']);
export type ClinicPeriod = z.infer<typeof clinicPeriodSchema>;

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export const isoWeekdaySchema = z.number().int().min(1).max(7);

/** One recurring half-day session of a doctor, from which dated sessions and slots are generated. */
export const clinicTemplateSchema = z.object({
  doctorId: z.string().min(1),
  weekday: isoWeekdaySchema,
  period: clinicPeriodSchema,
  capacity: z.number().int().positive(),
  // Slots are time-segmented to at most 30 minutes (Beijing art. 10).
  slotMinutes: z.number().int().min(5).max(30),
  /** This session's own reserves (whole percentages); absent means the hospital-wide default. */
  quota: z
    .object({
      onSiteReservePercent: z.number().int().min(0).max(100),
      referralReservePercent: z.number().int().min(0).max(100),
    })
    .optional(),
});
export type ClinicTemplate = z.infer<typeof clinicTemplateSchema>;

export const allianceLevelSchema = z.enum([
  'city_hospital',
  'county_hospital',
  'township_centre',
  'community_centre',
]);
export type AllianceLevel = z.infer<typeof allianceLevelSchema>;

export const ALLIANCE_LEVEL_LABELS: Readonly<Record<AllianceLevel, string>> = {
  city_hospital: '市级医院',
  county_hospital: '县区级医院',
  township_centre: '乡镇卫生院',
  community_centre: '社区卫生服务中心',
};

/** A member of the medical alliance (医联体) that refers patients up or receives them back. */
export const allianceInstitutionSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1),
  level: allianceLevelSchema,
  /** The number printed on a two-way referral slip sent to this institution; absent until supplied. */
  referralPhone: z.string().optional(),
  /** Every referral contact the institution listed, with who answers. */
  referralContacts: z.array(phoneContactSchema).optional(),
});
export type AllianceInstitution = z.infer<typeof allianceInstitutionSchema>;

/** The city hospital's referral centre (转会诊中心), which coordinates consultations, beds and slips. */
export const referralCentreSchema = z.object({
  name: z.string().min(1),
  location: z.string().min(1),
  phones: z.array(phoneContactSchema).min(1),
});
export type ReferralCentre = z.infer<typeof referralCentreSchema>;

export const departmentListResponseSchema = listOf(departmentSchema);
export const doctorListResponseSchema = listOf(doctorSchema);
