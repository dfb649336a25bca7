import type { IdentityDirectory } from '../../ports/clinic-booking-store';
import { readClaim } from './patient-items';
import type { Table } from './table';

/** Reads the identity guard the patient store writes (keyed by the blind index, never the number). */
export function createIdentityDirectory(table: Table): IdentityDirectory {
  return {
    async ownerOf(identityIndex) {
      const claim = await readClaim(table, identityIndex);
      return claim && { accountId: claim.accountId, patientId: claim.patientId, verified: claim.verified };
    },
  };
}
