import {
  extraNumberBodySchema,
  putDoctorTemplatesBodySchema,
  suspensionChoiceBodySchema,
} from './clinic-operations.schema';

describe('template body', () => {
  it('defaults the slot length to 20 minutes', () => {
    const body = putDoctorTemplatesBodySchema.parse({
      templates: [{ weekday: 1, period: 'am', capacity: 10 }],
    });
    expect(body.templates[0]?.slotMinutes).toBe(20);
  });

  it('explains in Chinese a slot longer than 30 minutes and a repeated half day', () => {
    const long = putDoctorTemplatesBodySchema.safeParse({
      templates: [{ weekday: 1, period: 'am', capacity: 10, slotMinutes: 45 }],
    });
    const twice = putDoctorTemplatesBodySchema.safeParse({
      templates: [
        { weekday: 1, period: 'am', capacity: 10 },
        { weekday: 1, period: 'am', capacity: 8 },
      ],
    });
    expect(long.error?.issues[0]).toMatchObject({
      path: ['templates', 0, 'slotMinutes'],
      message: '每个时段最长 30 分钟',
    });
    expect(twice.error?.issues[0]).toMatchObject({
      path: ['templates', 1],
      message: '同一星期的同一半天只能有一个出诊单元',
    });
  });
});

describe('doctor and patient bodies', () => {
  it('needs a reason for an extra number and refuses unknown fields', () => {
    const patient = { idType: 'resident_id', idNumber: '11010519491231002X' };
    expect(extraNumberBodySchema.safeParse({ patient, reason: '' }).success).toBe(false);
    expect(extraNumberBodySchema.safeParse({ patient, reason: '病情需要', extra: 1 }).success).toBe(false);
    expect(extraNumberBodySchema.safeParse({ patient, reason: '病情需要' }).success).toBe(true);
  });

  it('accepts only the three suspension choices', () => {
    expect(suspensionChoiceBodySchema.safeParse({ choice: 'makeup' }).success).toBe(true);
    expect(suspensionChoiceBodySchema.safeParse({ choice: 'later' }).success).toBe(false);
  });
});
