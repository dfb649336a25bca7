import { isResidentIdRegion } from '@jiuyi/shared';

/**
 * How many resident ID numbers are consistent with what a response shows: the masked number (`*` for
 * each hidden character), and the birth year, birth date and sex when shown. Counted exactly, the way
 * an attacker would: every address code our own validator accepts, every real birth date from
 * 1900-01-01 to `today`, every sequence, kept only when the GB 11643 check character comes out as shown
 * (and the sequence's parity matches a shown sex). Written apart from the production mask on purpose.
 */
export function residentIdCandidates(
  masked: string,
  shown: { birthYear?: number; birthDate?: string; sex?: 'male' | 'female' },
  today: string,
): number {
  if (masked.length !== 18) throw new Error(`expected an 18-character mask, got ${masked}`);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const fits = (value: string, offset: number) =>
    Array.from(value).every((ch, i) => masked[offset + i] === '*' || masked[offset + i] === ch);
  const residue = (value: string, offset: number) =>
    Array.from(value).reduce((sum, ch, i) => sum + Number(ch) * (weights[offset + i] ?? 0), 0) % 11;
  const histogram = (values: Iterable<string>, offset: number) => {
    const h = new Array<number>(11).fill(0);
    for (const v of values) if (fits(v, offset)) h[residue(v, offset)]! += 1;
    return h;
  };

  // Address codes: the two province digits by enumeration (our validator's rule), the other four by
  // a residue count over every digit the mask allows (810000/820000/830000 only as whole codes).
  const regions = new Array<number>(11).fill(0);
  for (let province = 0; province < 100; province += 1) {
    const head = String(province).padStart(2, '0');
    if (!fits(head, 0)) continue;
    if (province >= 81 && province <= 83) {
      if (isResidentIdRegion(`${head}0000`) && fits('0000', 2)) regions[residue(`${head}0000`, 0)]! += 1;
      continue;
    }
    if (!isResidentIdRegion(`${head}0101`)) continue;
    let tail = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (let pos = 2; pos < 6; pos += 1) {
      const next = new Array<number>(11).fill(0);
      for (let digit = 0; digit < 10; digit += 1) {
        if (!fits(String(digit), pos)) continue;
        for (let r = 0; r < 11; r += 1) next[(r + digit * weights[pos]!) % 11]! += tail[r]!;
      }
      tail = next;
    }
    const base = residue(head, 0);
    for (let r = 0; r < 11; r += 1) regions[(base + r) % 11]! += tail[r]!;
  }
  const dates = histogram(
    (function* () {
      for (
        let d = new Date(Date.UTC(1900, 0, 1));
        d.toISOString().slice(0, 10) <= today;
        d.setUTCDate(d.getUTCDate() + 1)
      ) {
        const iso = d.toISOString().slice(0, 10);
        if (shown.birthYear !== undefined && Number(iso.slice(0, 4)) !== shown.birthYear) continue;
        if (shown.birthDate !== undefined && iso !== shown.birthDate) continue;
        yield iso.replace(/-/g, '');
      }
    })(),
    6,
  );
  const sequences = histogram(
    (function* () {
      for (let n = 0; n < 1000; n += 1) {
        const text = String(n).padStart(3, '0');
        const male = Number(text[2]) % 2 === 1;
        if (shown.sex === undefined || (shown.sex === 'male') === male) yield text;
      }
    })(),
    14,
  );

  const check = masked[17];
  let total = 0;
  for (let a = 0; a < 11; a += 1)
    for (let b = 0; b < 11; b += 1)
      for (let c = 0; c < 11; c += 1) {
        const combos = regions[a]! * dates[b]! * sequences[c]!;
        if (check === '*' || '10X98765432'[(a + b + c) % 11] === check) total += combos;
      }
  return total;
}

/**
 * How many address codes `residentIdCandidates` enumerates: every 6-digit code under a province our
 * validator accepts. Far more than were ever issued, so a bound that must hold against an attacker who
 * knows the real codes scales the count down by `ISSUED_COUNTY_CODES / acceptedRegionCodes()`.
 */
export function acceptedRegionCodes(): number {
  let count = 0;
  for (let province = 0; province < 100; province += 1) {
    const head = String(province).padStart(2, '0');
    if (province >= 81 && province <= 83) count += isResidentIdRegion(`${head}0000`) ? 1 : 0;
    else if (isResidentIdRegion(`${head}0101`)) count += 10_000;
  }
  return count;
}

/** County-level divisions of mainland China (2,844 in 2023): the fewest address codes an attacker must try. */
export const ISSUED_COUNTY_CODES = 2_844;
