import type { z } from 'zod';
import { makeResidentId } from '../domain/identity/test-support';
import { createPatientBodySchema, patientSchema, updatePatientBodySchema } from './patient.schema';

const NOW = new Date('2026-03-10T02:00:00Z');
const schema = createPatientBodySchema(() => NOW);

function makeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '张三',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    phone: '13812341234',
    relation: 'self',
    ...overrides,
  };
}

/** The issues of a failed parse as `path: message`, the way a form shows them. */
function issuesOf(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('createPatientBodySchema', () => {
  it('accepts a valid body and returns it normalised', () => {
    // Act
    const result = schema.safeParse(
      makeBody({ name: ' 阿依古丽•买买提 ', idNumber: '110105 19491231 002x', phone: '+86 138-1234-1234' }),
    );

    // Assess
    expect(result).toEqual({
      success: true,
      data: {
        name: '阿依古丽·买买提',
        idType: 'resident_id',
        idNumber: '11010519491231002X',
        phone: '13812341234',
        relation: 'self',
      },
    });
  });

  it.each([
    ['11010519491231002', '身份证号应为18位'],
    ['110105194912310021', '身份证号校验位不正确'],
    [makeResidentId('110105', '1990-02-30', '001'), '身份证号出生日期无效'],
    [makeResidentId('990105', '1990-02-03', '001'), '身份证号地区码无效'],
    ['', '请输入身份证号'],
  ])('reports resident ID %j at idNumber as %s', (idNumber, message) => {
    expect(issuesOf(schema.safeParse(makeBody({ idNumber })))).toEqual([`idNumber: ${message}`]);
  });

  it('carries the stable reason in the issue params', () => {
    // Act
    const result = schema.safeParse(makeBody({ idNumber: '110105194912310021' }));

    // Assess
    expect(result.success ? undefined : result.error.issues[0]).toMatchObject({
      params: { reason: 'check_digit' },
    });
  });

  it('checks the birth date against the clock it was given, at parse time', () => {
    // Prepare
    let clock = NOW;
    const moving = createPatientBodySchema(() => clock);
    const body = makeBody({ idNumber: makeResidentId('110105', '2026-03-11', '001'), relation: 'family' });

    // Act
    const before = moving.safeParse(body);
    clock = new Date('2026-03-10T16:00:00Z'); // 00:00 on 11 March in Shanghai
    const after = moving.safeParse(body);

    // Assess
    expect(issuesOf(before)).toEqual(['idNumber: 身份证号出生日期无效']);
    expect(after.success).toBe(true);
  });

  it('validates each document type by its own rule', () => {
    expect(schema.safeParse(makeBody({ idType: 'passport', idNumber: 'e12345678' })).data?.idNumber).toBe(
      'E12345678',
    );
    expect(schema.safeParse(makeBody({ idType: 'taiwan_permit', idNumber: '12345678' })).success).toBe(true);
    expect(
      issuesOf(schema.safeParse(makeBody({ idType: 'taiwan_permit', idNumber: '11010519491231002X' }))),
    ).toEqual(['idNumber: 台胞证号码应为8位数字（旧版可为10位）']);
    expect(issuesOf(schema.safeParse(makeBody({ idType: 'social_security_card', idNumber: '123' })))).toEqual(
      ['idNumber: 社会保障卡号应为18位'],
    );
  });

  it('reports every bad field at once so the form can mark them all', () => {
    // Act
    const result = schema.safeParse(makeBody({ name: '张', phone: '12345', idNumber: '110105194912310021' }));

    // Assess
    expect(issuesOf(result)).toEqual([
      'name: 中文姓名应为2-20个字',
      'phone: 请输入11位中国大陆手机号',
      'idNumber: 身份证号校验位不正确',
    ]);
  });

  it('explains missing or mistyped fields in Chinese', () => {
    expect(issuesOf(schema.safeParse({}))).toEqual([
      'name: 请输入姓名',
      'idType: 请选择证件类型',
      'idNumber: 请输入证件号码',
      'phone: 请输入手机号',
      'relation: 请选择与本人的关系',
    ]);
    expect(issuesOf(schema.safeParse(makeBody({ idType: 'driving_licence' })))).toEqual([
      'idType: 请选择证件类型',
    ]);
  });

  it('rejects unknown fields', () => {
    expect(schema.safeParse(makeBody({ openid: 'x' })).success).toBe(false);
  });
});

describe('updatePatientBodySchema', () => {
  it('accepts a partial update, normalised', () => {
    expect(updatePatientBodySchema.parse({ phone: '139 0000 0000' })).toEqual({ phone: '13900000000' });
    expect(updatePatientBodySchema.parse({ relation: 'family', name: 'John  Smith' })).toEqual({
      relation: 'family',
      name: 'John Smith',
    });
  });

  it('refuses to change the ID document, saying how to do it instead', () => {
    expect(issuesOf(updatePatientBodySchema.safeParse({ idNumber: '11010519491231002X' }))).toContain(
      ': 证件信息不能修改，如需更换证件请新建就诊人',
    );
  });

  it('rejects an empty update', () => {
    expect(issuesOf(updatePatientBodySchema.safeParse({}))).toEqual([': 请至少修改一项信息']);
  });

  it('validates the fields it does carry', () => {
    expect(issuesOf(updatePatientBodySchema.safeParse({ phone: '1234' }))).toEqual([
      'phone: 请输入11位中国大陆手机号',
    ]);
  });
});

describe('patientSchema', () => {
  it('accepts a masked profile and rejects a timestamp without the +08:00 offset', () => {
    // Prepare
    const patient = {
      id: 'pat_1',
      name: '张三',
      idType: 'resident_id',
      idNumberMasked: '**************002X',
      phoneMasked: '138****1234',
      relation: 'self',
      sex: 'female',
      realNameStatus: 'verified',
      createdAt: '2026-03-10T10:00:00.000+08:00',
    };

    // Act / Assess
    expect(patientSchema.parse(patient)).toEqual(patient);
    expect(patientSchema.safeParse({ ...patient, createdAt: '2026-03-10T02:00:00.000Z' }).success).toBe(
      false,
    );
  });
});
