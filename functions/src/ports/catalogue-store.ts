import type { ClinicTemplate, Department, Doctor } from '@jiuyi/shared';

/** Departments, doctors and their weekly clinic templates: small, read-mostly reference data. */
export interface CatalogueStore {
  listDepartments(): Promise<Department[]>;
  getDepartment(id: string): Promise<Department | undefined>;
  listDoctors(departmentId?: string): Promise<Doctor[]>;
  listTemplates(): Promise<ClinicTemplate[]>;
  /** Overwrites the catalogue items it is given (seed and admin import). */
  putAll(data: { departments: Department[]; doctors: Doctor[]; templates: ClinicTemplate[] }): Promise<void>;
}
