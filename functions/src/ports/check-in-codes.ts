/** What a check-in QR code proves: this appointment of this account, until it expires. */
export interface CheckInClaims {
  accountId: string;
  appointmentId: string;
}

/** Signs and verifies the short-lived codes behind check-in QR codes. */
export interface CheckInCodes {
  issue(claims: CheckInClaims, now: Date): Promise<{ token: string; expiresAt: Date }>;
  /** The claims of a valid, unexpired code; throws `DomainError('CHECK_IN_CODE_INVALID')` otherwise. */
  verify(token: string, now: Date): Promise<CheckInClaims>;
}
