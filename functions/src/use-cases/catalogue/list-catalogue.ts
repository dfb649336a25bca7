import { DomainError, type Department, type Doctor } from '@jiuyi/shared';
import type { CatalogueStore } from '../../ports/catalogue-store';

/** Every department, grouped headings first in the order the store keeps (by id). */
export async function listDepartments(catalogue: CatalogueStore): Promise<Department[]> {
  return catalogue.listDepartments();
}

/**
 * A department's doctors, most senior first.
 * 1. 404 for an unknown department (an empty list would hide a typo in the id).
 * 2. Sort by title seniority, then name.
 */
export async function listDepartmentDoctors(
  catalogue: CatalogueStore,
  departmentId: string,
): Promise<Doctor[]> {
  if (!(await catalogue.getDepartment(departmentId))) throw new DomainError('NOT_FOUND');
  const seniority = [
    'chief_physician',
    'associate_chief_physician',
    'attending_physician',
    'resident_physician',
  ];
  const doctors = await catalogue.listDoctors(departmentId);
  return doctors.sort(
    (a, b) => seniority.indexOf(a.title) - seniority.indexOf(b.title) || a.id.localeCompare(b.id),
  );
}
