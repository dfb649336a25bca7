import { residentIdCheckDigit } from '@jiuyi/shared';

/** A valid resident ID number for a fictional person: region, birth date and sequence in, check digit computed. */
export function makeResidentId(region = '210203', birth = '19800101', sequence = '123'): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${residentIdCheckDigit(first17)}`;
}

/** The same number with a deliberately wrong check digit. */
export function withWrongCheckDigit(id: string): string {
  const right = id.slice(-1);
  const wrong = right === '0' ? '1' : '0';
  return `${id.slice(0, -1)}${wrong}`;
}

/** Fictional profile input with a distinct, valid identity per seed. */
export function makePatientInput(seed: number, overrides: Record<string, unknown> = {}) {
  const sequence = String(100 + (seed % 800)).padStart(3, '0');
  return {
    name: '张三',
    idType: 'resident_id',
    idNumber: makeResidentId('210203', '19800101', sequence),
    phone: `1380000${String(1000 + seed).slice(-4)}`,
    relation: 'self',
    ...overrides,
  };
}
