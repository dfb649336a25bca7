/** A refresh-token family: every refresh token descended from one sign-in. */
export interface SessionFamilyStart {
  familyId: string;
  accountId: string;
  createdAt: string;
  /** When the family's current refresh token expires (the item's TTL). */
  expiresAt: string;
}

/** Why a rotation was refused: no such family (or another account's), already revoked, or an older generation. */
export type RotationRefusal = 'not_found' | 'revoked' | 'stale';

/** Refresh-token families in the table; rotation is one conditional write, so only one refresh wins. */
export interface AuthSessionStore {
  start(family: SessionFamilyStart): Promise<void>;
  /** Moves the family from `generation` to `generation + 1`, if that is still its current generation. */
  rotate(input: {
    familyId: string;
    accountId: string;
    generation: number;
    at: string;
    expiresAt: string;
  }): Promise<{ ok: true } | { ok: false; refusal: RotationRefusal }>;
  /** Marks the family revoked: none of its refresh tokens works again. */
  revoke(familyId: string, at: string): Promise<void>;
}
