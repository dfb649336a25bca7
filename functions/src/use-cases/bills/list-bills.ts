import { DomainError, type BillListResponse } from '@jiuyi/shared';
import type { AppointmentStore } from '../../ports/appointment-store';
import type { BillStore } from '../../ports/bill-store';
import type { HisOrder, HisPort } from '../../ports/his';
import type { PatientStore } from '../../ports/patient-store';
import { assertOrdersAddUp, toBillList } from './bill-view';
import { withHis } from './his-errors';
import { patientVisits } from './patient-visits';

export interface BillReadPorts {
  patients: PatientStore;
  appointments: AppointmentStore;
  his: HisPort;
  bills: BillStore;
}

/** The patient's HIS orders (own patient only: anyone else's is a 404), checked to add up. */
export async function readPatientOrders(
  ports: BillReadPorts,
  accountId: string,
  patientId: string,
  now: Date,
): Promise<HisOrder[]> {
  const patient = await ports.patients.get(accountId, patientId);
  if (!patient) throw new DomainError('NOT_FOUND');
  const visits = await patientVisits(ports.appointments, accountId, patientId, now);
  if (visits.length === 0) return [];
  const orders = await withHis(() => ports.his.listOrders(patientId, visits));
  assertOrdersAddUp(orders);
  return orders;
}

/** `GET /v1/patients/{id}/bills`: unpaid and paid orders of the patient's visits. */
export async function listBills(
  ports: BillReadPorts,
  accountId: string,
  patientId: string,
  now: Date,
): Promise<BillListResponse> {
  const orders = await readPatientOrders(ports, accountId, patientId, now);
  const itemIds = orders.flatMap((o) => o.items.map((i) => i.id));
  const locks = await ports.bills.locks(itemIds);
  return toBillList(orders, new Map(locks.map((l) => [l.itemId, l])), now);
}
