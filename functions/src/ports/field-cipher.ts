/**
 * Protects personal data at rest: ID numbers and phones are encrypted, and looked up only
 * through a keyed blind index, so a table dump reveals neither.
 */
export interface FieldCipher {
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
  /** HMAC-SHA256 of the value under a separate key: equal inputs give equal, unguessable outputs. */
  blindIndex(value: string): string;
}
