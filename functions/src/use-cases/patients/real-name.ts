import {
  DomainError,
  maskIdNumber,
  toShanghaiIso,
  type IdDocumentType,
  type OutboxMessage,
  type RealNameStatus,
} from '@jiuyi/shared';
import type { IdentityClaim, PatientRecord, RealNameState, RevokeReason } from '../../ports/patient-store';
import type { RealNameCheck, RealNameVerifier } from '../../ports/real-name-verifier';
import { composeMessage } from '../messages/compose-message';

/**
 * Only resident-ID-shaped numbers can be checked online: the resident ID itself (which also covers
 * the residence permits of Hong Kong, Macau and Taiwan residents, 810000/820000/830000), and the
 * social security card, whose number is its holder's resident ID number. Passports and travel
 * permits have no such service: their profiles wait for the outpatient desk to see the card.
 */
export function isCheckableOnline(idType: IdDocumentType): boolean {
  return idType === 'resident_id' || idType === 'social_security_card';
}

/** How long until the next check of a pending profile: 5 minutes, doubling, at most 6 hours. */
export function nextCheckDelayMs(checks: number): number {
  return Math.min(5 * 60_000 * 2 ** Math.max(0, checks - 1), 6 * 3_600_000);
}

/** The service's answer; a verifier that throws is one that could not answer. */
export async function askService(
  verifier: RealNameVerifier,
  name: string,
  idNumber: string,
): Promise<RealNameCheck> {
  try {
    return await verifier.check(name, idNumber);
  } catch {
    return 'unavailable';
  }
}

/**
 * The real-name state a new profile starts in. A name the service says does not match is refused
 * (REAL_NAME_MISMATCH): a typo, or someone else's number. No record and documents no service can
 * check go to the desk; a service that cannot answer leaves the profile pending, checked again later.
 */
export async function firstRealNameState(
  verifier: RealNameVerifier,
  input: { name: string; idType: IdDocumentType; idNumber: string },
  now: Date,
): Promise<RealNameState> {
  if (!isCheckableOnline(input.idType)) return { status: 'desk_required' };
  const answer = await askService(verifier, input.name, input.idNumber);
  if (answer === 'mismatch') throw new DomainError('REAL_NAME_MISMATCH');
  if (answer === 'match') return { status: 'verified', at: toShanghaiIso(now), by: 'service' };
  if (answer === 'no_record') return { status: 'desk_required' };
  return {
    status: 'pending',
    checks: 1,
    nextCheckAt: toShanghaiIso(new Date(now.getTime() + nextCheckDelayMs(1))),
  };
}

/** The status a response shows; profiles from before verification existed wait for the desk. */
export function realNameStatusOf(p: Pick<PatientRecord, 'realName'>): RealNameStatus {
  return p.realName?.status ?? 'desk_required';
}

/** Refuses a profile that lost its identity: it may not book, wait or be booked for. */
export function assertHoldsIdentity(p: Pick<PatientRecord, 'realName'>): void {
  if (p.realName?.status === 'revoked') throw new DomainError('PATIENT_IDENTITY_REVOKED');
}

const REVOKE_TEXT: Record<RevokeReason, { title: string; body: (name: string, masked: string) => string }> = {
  verified_elsewhere: {
    title: '就诊人证件已由本人实名登记',
    body: (name, masked) =>
      `就诊人“${name}”登记的证件（${masked}）已由证件本人通过实名核验登记，该就诊人已失效，不能再用于挂号。如有疑问，请携带证件到医院门诊服务台办理。`,
  },
  released_at_desk: {
    title: '就诊人证件登记已解除',
    body: (name, masked) =>
      `就诊人“${name}”登记的证件（${masked}）经医院门诊服务台核对证件后已解除登记，该就诊人已失效，不能再用于挂号。如有疑问，请携带证件到门诊服务台办理。`,
  },
  name_mismatch: {
    title: '就诊人实名核验未通过',
    body: (name, masked) =>
      `就诊人“${name}”的姓名与证件（${masked}）登记的姓名不一致，该就诊人已失效。请按证件上的姓名重新添加就诊人。`,
  },
};

/** The in-app message telling an account that its profile lost the identity, and why. */
export function identityLostMessage(
  loser: Pick<PatientRecord, 'id' | 'accountId' | 'name' | 'idType' | 'idNumber'>,
  claim: IdentityClaim,
  reason: RevokeReason,
  now: Date,
): OutboxMessage {
  const text = REVOKE_TEXT[reason];
  return composeMessage(
    {
      kind: 'identity_claim',
      entityId: loser.id,
      step: `${reason}:${claim.claimedAt ?? ''}`,
      recipientAccountId: loser.accountId,
      title: text.title,
      body: text.body(loser.name, maskIdNumber(loser.idType, loser.idNumber)),
      link: '/pages/patients/index',
      channels: [],
    },
    now,
  );
}
