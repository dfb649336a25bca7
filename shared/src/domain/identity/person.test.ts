import {
  maskPhone,
  normaliseMobilePhone,
  normalisePersonName,
  validateMobilePhone,
  validatePersonName,
} from './person';

describe('validatePersonName', () => {
  it.each([
    ['张三', '张三'],
    [' 欧阳 娜娜 ', '欧阳娜娜'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽.买买提', '阿依古丽·买买提'],
    ['阿依古丽 · 买买提', '阿依古丽·买买提'],
    ['𠇔林', '𠇔林'],
    ['John Smith', 'John Smith'],
    ['  John   Smith ', 'John Smith'],
    ['J. R. Smith', 'J. R. Smith'],
    ["Jean-Luc O'Neil", "Jean-Luc O'Neil"],
    ['José Müller', 'José Müller'],
    ['Li', 'Li'],
  ])('accepts %j as %j', (name, normalised) => {
    expect(validatePersonName(name)).toEqual({ ok: true, normalised });
  });

  it('counts Chinese names by characters: 2 and 20 pass, 1 and 21 fail', () => {
    expect(validatePersonName('张').ok).toBe(false);
    expect(validatePersonName('张'.repeat(2)).ok).toBe(true);
    expect(validatePersonName('张'.repeat(20)).ok).toBe(true);
    expect(validatePersonName('张'.repeat(21))).toEqual({
      ok: false,
      reason: 'length',
      message: '中文姓名应为2-20个字',
    });
  });

  it('counts Latin names by characters: 2 and 40 pass, 1 and 41 fail', () => {
    expect(validatePersonName('A')).toEqual({
      ok: false,
      reason: 'length',
      message: '英文姓名应为2-40个字符',
    });
    expect(validatePersonName('A'.repeat(40)).ok).toBe(true);
    expect(validatePersonName('A'.repeat(41)).ok).toBe(false);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['张San', 'characters'],
    ['张三1', 'characters'],
    ['·张三', 'characters'],
    ['张三·', 'characters'],
    ['张··三', 'characters'],
    ['John2', 'characters'],
    ['John..Smith', 'characters'],
    ['-John', 'characters'],
    ['Иван', 'characters'],
  ])('rejects %j with %s', (name, reason) => {
    expect(validatePersonName(name)).toMatchObject({ ok: false, reason });
  });

  it('leaves dots in Latin names alone', () => {
    expect(normalisePersonName('St.John')).toBe('St.John');
  });
});

describe('validateMobilePhone', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['19912341234', '19912341234'],
    ['138 1234 1234', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['008613812341234', '13812341234'],
    ['１３８１２３４１２３４', '13812341234'],
  ])('accepts %j as %s', (phone, normalised) => {
    expect(validateMobilePhone(phone)).toEqual({ ok: true, normalised });
  });

  it.each([
    ['', 'empty'],
    ['12812341234', 'format'],
    ['1381234123', 'format'],
    ['138123412345', 'format'],
    ['02161234567', 'format'],
    ['+8513812341234', 'format'],
  ])('rejects %j with %s', (phone, reason) => {
    expect(validateMobilePhone(phone)).toMatchObject({ ok: false, reason });
  });

  it('does not strip 86 without a + or 00, which would hide a typing mistake', () => {
    expect(normaliseMobilePhone('8613812341234')).toBe('8613812341234');
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138 1234 1234')).toBe('138****1234');
  });

  it('masks short input completely', () => {
    expect(maskPhone('1234567')).toBe('*******');
  });
});
