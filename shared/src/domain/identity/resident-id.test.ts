import fc from 'fast-check';
import { isResidentIdRegion, residentIdCheckDigit, validateResidentIdNumber } from './resident-id';
import { makeResidentId, validResidentIdArbitrary } from './test-support';

const NOW = new Date('2026-03-10T02:00:00Z'); // 10:00 in Shanghai
const CHECK_CHARACTERS = '0123456789X';

describe('residentIdCheckDigit', () => {
  it('matches the worked examples of GB 11643-1999', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('44052418800101001')).toBe('4');
  });

  it('rejects anything but 17 digits', () => {
    expect(() => residentIdCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckDigit('1101051949123100A')).toThrow(RangeError);
  });
});

describe('validateResidentIdNumber', () => {
  it('accepts a valid number and derives birth date and sex', () => {
    // Act
    const result = validateResidentIdNumber('11010519491231002X', NOW);

    // Assess
    expect(result).toEqual({
      ok: true,
      normalised: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('reads an odd 17th digit as male and an even one as female', () => {
    expect(validateResidentIdNumber(makeResidentId('440524', '1980-01-01', '001'), NOW)).toMatchObject({
      ok: true,
      birthDate: '1980-01-01',
      sex: 'male',
    });
    expect(validateResidentIdNumber(makeResidentId('440524', '1980-01-01', '019'), NOW)).toMatchObject({
      sex: 'male',
    });
    expect(validateResidentIdNumber(makeResidentId('440524', '1980-01-01', '002'), NOW)).toMatchObject({
      sex: 'female',
    });
  });

  it.each([
    ['', 'empty', '请输入身份证号'],
    ['11010519491231002', 'length', '身份证号应为18位'],
    ['11010519491231002X1', 'length', '身份证号应为18位'],
    ['1101051949123100AX', 'characters', '身份证号前17位应为数字，最后一位为数字或X'],
    ['X10105194912310021', 'characters', '身份证号前17位应为数字，最后一位为数字或X'],
    [makeResidentId('160105', '1949-12-31', '002'), 'region', '身份证号地区码无效'],
    [makeResidentId('710105', '1949-12-31', '002'), 'region', '身份证号地区码无效'],
    [makeResidentId('810100', '1990-01-01', '002'), 'region', '身份证号地区码无效'],
    [makeResidentId('110105', '1990-02-30', '002'), 'birth_date', '身份证号出生日期无效'],
    [makeResidentId('110105', '1899-12-31', '002'), 'birth_date', '身份证号出生日期无效'],
    ['110105194912310021', 'check_digit', '身份证号校验位不正确'],
  ])('rejects %j with %s', (number, reason, message) => {
    expect(validateResidentIdNumber(number, NOW)).toEqual({ ok: false, reason, message });
  });

  it('accepts a birth on today’s Shanghai date and rejects tomorrow', () => {
    // Prepare: 23:30 on 9 March UTC is already 10 March in Shanghai.
    const lateEvening = new Date('2026-03-09T23:30:00Z');
    const bornToday = makeResidentId('110105', '2026-03-10', '001');
    const bornTomorrow = makeResidentId('110105', '2026-03-11', '001');

    // Act / Assess
    expect(validateResidentIdNumber(bornToday, lateEvening)).toMatchObject({
      ok: true,
      birthDate: '2026-03-10',
    });
    expect(validateResidentIdNumber(bornTomorrow, lateEvening)).toMatchObject({
      ok: false,
      reason: 'birth_date',
    });
  });

  it('accepts 1900-01-01, the earliest birth date', () => {
    expect(validateResidentIdNumber(makeResidentId('110105', '1900-01-01', '001'), NOW).ok).toBe(true);
  });

  it('accepts the residence permits of Hong Kong, Macau and Taiwan residents', () => {
    for (const prefix of ['810000', '820000', '830000']) {
      expect(validateResidentIdNumber(makeResidentId(prefix, '1990-05-06', '123'), NOW).ok).toBe(true);
    }
  });

  it('names the document in messages', () => {
    expect(validateResidentIdNumber('123', NOW, '社会保障卡号')).toMatchObject({
      message: '社会保障卡号应为18位',
    });
  });

  describe('properties', () => {
    const latestBirth = new Date('2026-03-09T00:00:00Z');

    it('accepts every generated valid number', () => {
      fc.assert(
        fc.property(validResidentIdArbitrary(latestBirth), (number) => {
          expect(validateResidentIdNumber(number, NOW)).toMatchObject({ ok: true, normalised: number });
        }),
      );
    });

    it('rejects any single changed digit in the first 17 when the check digit is kept', () => {
      fc.assert(
        fc.property(
          validResidentIdArbitrary(latestBirth),
          fc.integer({ min: 0, max: 16 }),
          fc.integer({ min: 1, max: 9 }),
          (number, position, delta) => {
            // Prepare
            const changed = String((Number(number[position]) + delta) % 10);
            const tampered = `${number.slice(0, position)}${changed}${number.slice(position + 1)}`;

            // Act
            const result = validateResidentIdNumber(tampered, NOW);

            // Assess
            expect(result.ok).toBe(false);
          },
        ),
      );
    });

    it('rejects every wrong check character with the check-digit reason', () => {
      fc.assert(
        fc.property(
          validResidentIdArbitrary(latestBirth),
          fc.constantFrom(...CHECK_CHARACTERS),
          (number, check) => {
            fc.pre(check !== number[17]);
            expect(validateResidentIdNumber(`${number.slice(0, 17)}${check}`, NOW)).toMatchObject({
              ok: false,
              reason: 'check_digit',
            });
          },
        ),
      );
    });
  });
});

describe('isResidentIdRegion', () => {
  it.each([
    ['110105', true],
    ['650102', true],
    ['460100', true],
    ['470100', false],
    ['000000', false],
    ['820000', true],
    ['830001', false],
  ])('%s → %s', (code, expected) => {
    expect(isResidentIdRegion(code)).toBe(expected);
  });
});
