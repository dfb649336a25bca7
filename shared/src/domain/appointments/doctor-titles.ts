import { doctorTitleSchema } from '../../schemas/catalogue.schema';
import type { DoctorTitle } from '../../schemas/catalogue.schema';

/**
 * Titles and their Chinese labels belong to the catalogue contract (`doctorTitleSchema`,
 * `DOCTOR_TITLE_LABELS`); this module adds the rules that depend on a title.
 */

/** The four titles, most senior first. */
export const DOCTOR_TITLES: readonly DoctorTitle[] = doctorTitleSchema.options;

/**
 * Registration fees in fen by title. DEMO VALUES ONLY: real fees are set by each province's
 * price bureau and the hospital's schedule, and belong in the session data, not in code.
 */
export const DEFAULT_FEE_FEN_BY_TITLE: Readonly<Record<DoctorTitle, number>> = {
  chief_physician: 5000,
  associate_chief_physician: 3000,
  attending_physician: 1500,
  resident_physician: 1000,
};

/**
 * Experts (专家) are chief and associate chief physicians: their afternoon clinics stop
 * same-day registration earlier (Dalian 2.3) and only they take alliance consultations.
 */
export function isExpertTitle(title: DoctorTitle): boolean {
  return title === 'chief_physician' || title === 'associate_chief_physician';
}
