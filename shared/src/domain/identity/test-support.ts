import fc from 'fast-check';
import { residentIdCheckDigit } from './resident-id';

/** Province-level prefixes a generated mainland ID may start with. */
const PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46];
const MORE_PROVINCES = [50, 51, 52, 53, 54, 61, 62, 63, 64, 65];

/** Builds a valid resident ID number from its parts (test helper). */
export function makeResidentId(address: string, birth: string, sequence: string): string {
  const first17 = `${address}${birth.replaceAll('-', '')}${sequence}`;
  return `${first17}${residentIdCheckDigit(first17)}`;
}

/** Arbitrary valid resident ID numbers born between 1900-01-01 and `latestBirth`. */
export function validResidentIdArbitrary(latestBirth: Date): fc.Arbitrary<string> {
  const mainlandAddress = fc
    .tuple(fc.constantFrom(...PROVINCES, ...MORE_PROVINCES), fc.integer({ min: 0, max: 9999 }))
    .map(([province, rest]) => `${province}${String(rest).padStart(4, '0')}`);
  const permitAddress = fc.constantFrom('810000', '820000', '830000');
  const birth = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: latestBirth, noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const sequence = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
  return fc
    .tuple(fc.oneof(mainlandAddress, permitAddress), birth, sequence)
    .map(([address, birthDate, seq]) => makeResidentId(address, birthDate, seq));
}
