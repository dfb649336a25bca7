import { DomainError, type AuthResponse, type Role } from '@jiuyi/shared';
import type { Stage } from '../../config';
import type { AccountStore } from '../../ports/account-store';
import { assertActive, authResponseFor, findOrCreateAccount, type SessionPorts } from './sign-in';

/**
 * The local stage's persona login for tests and the demo. The route is not deployed outside `local`;
 * this check is the second lock in case it ever were.
 */
export async function devSignIn(
  ports: SessionPorts & { accounts: AccountStore; stage: Stage },
  input: { openid: string; role: Role; institutionId?: string; specialty?: string; doctorId?: string },
  now: Date,
): Promise<AuthResponse> {
  if (ports.stage !== 'local') throw new DomainError('ROUTE_NOT_FOUND');
  const account = await findOrCreateAccount(ports.accounts, `dev-${input.openid}`, now);
  // A disabled persona stays disabled: the dev login must not be a way around an admin's decision.
  assertActive(account);
  const updated = await ports.accounts.setRole(account.id, {
    role: input.role,
    institutionId: input.institutionId,
    specialty: input.specialty,
    doctorId: input.doctorId,
  });
  return authResponseFor(ports, updated, now);
}
