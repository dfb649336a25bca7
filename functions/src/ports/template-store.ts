import type { ClinicTemplate } from '@jiuyi/shared';

/** A doctor's weekly clinic templates, edited by an admin. */
export interface TemplateStore {
  listForDoctor(doctorId: string): Promise<ClinicTemplate[]>;
  /** Replaces the doctor's whole week in one transaction: half days left out are removed. */
  replaceForDoctor(doctorId: string, templates: readonly ClinicTemplate[]): Promise<void>;
}
