import { maskIdNumber, maskMiddle, normaliseIdNumber, validateIdDocument } from './id-document';
import type { IdDocumentType } from './id-document-types';
import { makeResidentId } from './test-support';

const NOW = new Date('2026-03-10T02:00:00Z');

describe('normaliseIdNumber', () => {
  it('turns full-width input, spaces and lower-case x into the stored form', () => {
    expect(normaliseIdNumber(' １１０１０５ 1949 1231 002ｘ ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('11010519491231002x')).toBe('11010519491231002X');
  });

  it('strips ASCII and full-width parentheses around an issue count', () => {
    expect(normaliseIdNumber('12345678(01)')).toBe('1234567801');
    expect(normaliseIdNumber('H12345678（01）')).toBe('H1234567801');
  });
});

describe('validateIdDocument', () => {
  it('validates a resident ID with lower-case x and returns it normalised', () => {
    // Act
    const result = validateIdDocument('resident_id', '11010519491231002x', NOW);

    // Assess
    expect(result).toEqual({
      ok: true,
      normalised: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('validates a social security card number as a resident ID number with its own wording', () => {
    expect(validateIdDocument('social_security_card', '11010519491231002X', NOW)).toMatchObject({
      ok: true,
      birthDate: '1949-12-31',
    });
    expect(validateIdDocument('social_security_card', '110105194912310021', NOW)).toEqual({
      ok: false,
      reason: 'check_digit',
      message: '社会保障卡号校验位不正确',
    });
  });

  it('uses the birth-date rule relative to now', () => {
    // Prepare
    const bornNextWeek = makeResidentId('110105', '2026-03-17', '001');

    // Act / Assess
    expect(validateIdDocument('resident_id', bornNextWeek, NOW)).toMatchObject({ reason: 'birth_date' });
    expect(validateIdDocument('resident_id', bornNextWeek, new Date('2026-03-17T00:00:00Z')).ok).toBe(true);
  });

  it.each<[IdDocumentType, string, string]>([
    ['passport', 'E12345678', 'E12345678'],
    ['passport', 'ea1234567', 'EA1234567'],
    ['passport', 'G12345678', 'G12345678'],
    ['passport', 'C01X00T47', 'C01X00T47'],
    ['passport', '12345', '12345'],
    ['passport', 'AB1234567890ABCDE', 'AB1234567890ABCDE'],
    ['hk_macau_permit', 'C12345678', 'C12345678'],
    ['hk_macau_permit', 'CA1234567', 'CA1234567'],
    ['hk_macau_permit', 'H12345678', 'H12345678'],
    ['hk_macau_permit', 'm12345678', 'M12345678'],
    ['hk_macau_permit', 'H12345678(01)', 'H1234567801'],
    ['taiwan_permit', '12345678', '12345678'],
    ['taiwan_permit', '12345678(01)', '1234567801'],
  ])('accepts %s %s', (type, number, normalised) => {
    expect(validateIdDocument(type, number, NOW)).toEqual({ ok: true, normalised });
  });

  it.each<[IdDocumentType, string, string, string]>([
    ['passport', '', 'empty', '请输入护照号码'],
    ['passport', 'E123', 'format', '护照号码应为5-17位字母或数字'],
    ['passport', 'ABCDEFGH', 'format', '护照号码应为5-17位字母或数字'],
    ['passport', 'AB1234567890ABCDEF', 'format', '护照号码应为5-17位字母或数字'],
    ['passport', 'E1234-5678', 'format', '护照号码应为5-17位字母或数字'],
    ['hk_macau_permit', '  ', 'empty', '请输入港澳通行证号码'],
    ['taiwan_permit', '', 'empty', '请输入台胞证号码'],
    ['taiwan_permit', '1234567', 'format', '台胞证号码应为8位数字（旧版可为10位）'],
    ['taiwan_permit', '123456789', 'format', '台胞证号码应为8位数字（旧版可为10位）'],
    ['taiwan_permit', 'T1234567', 'format', '台胞证号码应为8位数字（旧版可为10位）'],
    ['resident_id', '', 'empty', '请输入身份证号'],
  ])('rejects %s %j with %s', (type, number, reason, message) => {
    expect(validateIdDocument(type, number, NOW)).toEqual({ ok: false, reason, message });
  });

  it.each(['C1234567', 'CAB123456', 'H123456789', 'H12345678901', 'K12345678'])(
    'rejects hk_macau_permit %j with a message that shows both shapes',
    (number) => {
      expect(validateIdDocument('hk_macau_permit', number, NOW)).toEqual({
        ok: false,
        reason: 'format',
        message: '港澳通行证号码格式不正确，应为C开头9位，或H/M开头9位（可带2位换证次数）',
      });
    },
  );

  it('refuses a type outside the contract even when called without type checking', () => {
    // Prepare: JavaScript callers (or a forged request) can pass anything.
    const type = 'driving_licence' as IdDocumentType;

    // Act / Assess
    expect(validateIdDocument(type, 'E12345678', NOW)).toEqual({
      ok: false,
      reason: 'unsupported_type',
      message: '不支持的证件类型',
    });
  });
});

describe('maskIdNumber', () => {
  it('keeps only the last 4 characters of a resident ID: address code and birth date stay hidden', () => {
    expect(maskIdNumber('resident_id', '11010519491231123x')).toBe('**************123X');
    expect(maskIdNumber('social_security_card', '11010519491231002X')).toBe('**************002X');
  });

  it('keeps the last 2 characters of travel documents, with at least 6 hidden', () => {
    expect(maskIdNumber('passport', 'E12345678')).toBe('*******78');
    expect(maskIdNumber('hk_macau_permit', 'H12345678(01)')).toBe('*********01');
    expect(maskIdNumber('taiwan_permit', '12345678')).toBe('******78');
  });

  it('masks too-short input completely instead of revealing most of it', () => {
    expect(maskIdNumber('passport', '12345')).toBe('*****');
    expect(maskIdNumber('passport', 'E123456')).toBe('*******');
    expect(maskMiddle('abcdefg', 3, 4)).toBe('*******');
    expect(maskMiddle('', 2, 2)).toBe('');
  });
});
