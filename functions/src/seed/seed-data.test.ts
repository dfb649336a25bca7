import {
  allianceInstitutionSchema,
  clinicTemplateSchema,
  departmentSchema,
  doctorSchema,
  doctorTitleSchema,
  guideBranchSchema,
  guideRuleListSchema,
  guideServiceSchema,
  referralCentreSchema,
  type PhoneContact,
} from '@jiuyi/shared';
import { DEMO_DATA, DEMO_FEE_FEN_BY_TITLE } from './index';

const LANDLINE = /^0\d{2,3}-\d{7,8}$/;
const MOBILE = /^1[3-9]\d{9}$/;
// The guide sends patients to these two short numbers: the ambulance and the government hotline.
const SHORT_SERVICE_NUMBERS = ['120', '12345'];

function looksLikeChinesePhone(phone: PhoneContact): boolean {
  const numberOk =
    LANDLINE.test(phone.number) || MOBILE.test(phone.number) || SHORT_SERVICE_NUMBERS.includes(phone.number);
  const extensionOk = phone.extension === undefined || /^\d{3,4}$/.test(phone.extension);
  return numberOk && extensionOk && phone.label.trim().length > 0;
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('demo guide services', () => {
  it('are the guide’s eleven services, each valid, with unique ids and orders 1..11', () => {
    // Prepare
    const services = DEMO_DATA.guideServices;
    // Act
    const parsed = services.map((s) => guideServiceSchema.safeParse(s));
    // Assess
    expect(parsed.filter((p) => !p.success)).toEqual([]);
    expect(services).toHaveLength(11);
    expect(duplicates(services.map((s) => s.id))).toEqual([]);
    expect(services.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(services.map((s) => s.id)).toEqual([
      'registration',
      'outpatient',
      'emergency',
      'exams',
      'admission',
      'discharge',
      'surgery',
      'complaints',
      'diagnosis-certificate-check',
      'death-certificate-reissue',
      'records-copy',
    ]);
  });

  it('give every service steps, documents, channels, hours, a phone, notes and search words', () => {
    // Act
    const incomplete = DEMO_DATA.guideServices.filter(
      (s) =>
        s.steps.length === 0 ||
        s.requiredDocuments.length === 0 ||
        s.channels.length === 0 ||
        s.hours.length === 0 ||
        s.phones.length === 0 ||
        s.notes.length === 0 ||
        s.keywords.length < 5 ||
        !/^[a-z-]+$/.test(s.icon),
    );
    // Assess
    expect(incomplete.map((s) => s.id)).toEqual([]);
  });

  it('can be found by the words patients type', () => {
    // Prepare
    const words = [
      '挂号',
      '预约',
      '复印',
      '病历',
      '投诉',
      '急诊',
      '验血',
      '核磁',
      '住院',
      '出院',
      '手术',
      '诊断书',
    ];
    // Act
    const unmatched = words.filter((w) => !DEMO_DATA.guideServices.some((s) => s.keywords.includes(w)));
    // Assess
    expect(unmatched).toEqual([]);
  });

  it('carry the guide’s time limits for records copy and complaints', () => {
    // Prepare
    const byId = new Map(DEMO_DATA.guideServices.map((s) => [s.id, s]));
    // Act
    const recordsText = JSON.stringify(byId.get('records-copy'));
    const complaintsText = JSON.stringify(byId.get('complaints'));
    // Assess
    expect(recordsText).toContain('3 个工作日');
    expect(recordsText).toContain('7 个工作日');
    expect(complaintsText).toContain('3-5 个工作日');
    expect(complaintsText).toContain('5-15 个工作日');
    expect(byId.get('registration')?.phones).toContainEqual(
      expect.objectContaining({ number: '0411-83631360', extension: '3128' }),
    );
  });
});

describe('demo branches and rules', () => {
  it('list the hospital’s sites and the alliance members, each valid with a unique id', () => {
    // Prepare
    const branches = DEMO_DATA.guideBranches;
    // Act
    const parsed = branches.map((b) => guideBranchSchema.safeParse(b));
    const kinds = new Set(branches.map((b) => b.kind));
    // Assess
    expect(parsed.filter((p) => !p.success)).toEqual([]);
    expect(duplicates(branches.map((b) => b.id))).toEqual([]);
    expect([...kinds].sort()).toEqual(['alliance_member', 'branch', 'campus', 'community_centre']);
    expect(branches.filter((b) => b.kind === 'campus')).toHaveLength(1);
  });

  it('give no phone to the member whose number the annex leaves to be supplied', () => {
    // Act
    const qingping = DEMO_DATA.guideBranches.find((b) => b.name === '高唐县清平镇卫生院');
    // Assess
    expect(qingping?.phones).toEqual([]);
  });

  it('hold the three prohibited cases and the tolerated missing insurance card', () => {
    // Act
    const parsed = guideRuleListSchema.safeParse(DEMO_DATA.guideRules);
    // Assess
    expect(parsed.success).toBe(true);
    expect(DEMO_DATA.guideRules.prohibited).toHaveLength(3);
    expect(DEMO_DATA.guideRules.toleratedMissing).toEqual([
      expect.objectContaining({ title: '医保患者办理住院', detail: expect.stringContaining('3 个工作日') }),
    ]);
  });
});

describe('demo catalogue', () => {
  it('has at least eight valid departments with unique ids and specialty codes, all on a campus', () => {
    // Prepare
    const campusIds = new Set(DEMO_DATA.guideBranches.filter((b) => b.kind === 'campus').map((b) => b.id));
    const departments = DEMO_DATA.departments;
    // Act
    const parsed = departments.map((d) => departmentSchema.safeParse(d));
    // Assess
    expect(parsed.filter((p) => !p.success)).toEqual([]);
    expect(departments.length).toBeGreaterThanOrEqual(8);
    expect(duplicates(departments.map((d) => d.id))).toEqual([]);
    expect(duplicates(departments.map((d) => d.specialtyCode))).toEqual([]);
    expect(departments.filter((d) => !campusIds.has(d.campusId))).toEqual([]);
    expect(departments.filter((d) => d.group === '骨科').length).toBeGreaterThanOrEqual(3);
  });

  it('has valid doctors in existing departments, all four titles, and fees read from the title map', () => {
    // Prepare
    const departmentIds = new Set(DEMO_DATA.departments.map((d) => d.id));
    const doctors = DEMO_DATA.doctors;
    // Act
    const parsed = doctors.map((d) => doctorSchema.safeParse(d));
    const titles = new Set(doctors.map((d) => d.title));
    // Assess
    expect(parsed.filter((p) => !p.success)).toEqual([]);
    expect(duplicates(doctors.map((d) => d.id))).toEqual([]);
    expect(doctors.filter((d) => !departmentIds.has(d.departmentId))).toEqual([]);
    expect([...titles].sort()).toEqual([...doctorTitleSchema.options].sort());
    expect(doctors.filter((d) => d.feeFen !== DEMO_FEE_FEN_BY_TITLE[d.title])).toEqual([]);
    expect(DEMO_FEE_FEN_BY_TITLE).toEqual({
      chief_physician: 5000,
      associate_chief_physician: 3000,
      attending_physician: 1500,
      resident_physician: 1000,
    });
  });

  it('staffs every department with 3-4 doctors, one of them able to take alliance consultations', () => {
    // Prepare
    const seniorTitles = ['chief_physician', 'associate_chief_physician'];
    // Act
    const understaffed = DEMO_DATA.departments.filter((dept) => {
      const staff = DEMO_DATA.doctors.filter((d) => d.departmentId === dept.id);
      return staff.length < 3 || staff.length > 4 || !staff.some((d) => seniorTitles.includes(d.title));
    });
    // Assess
    expect(understaffed.map((d) => d.id)).toEqual([]);
  });

  it('has valid weekly templates for existing doctors, one per doctor and half day, some on Saturday', () => {
    // Prepare
    const doctorIds = new Set(DEMO_DATA.doctors.map((d) => d.id));
    const templates = DEMO_DATA.templates;
    // Act
    const parsed = templates.map((t) => clinicTemplateSchema.safeParse(t));
    const keys = templates.map((t) => `${t.doctorId}/${t.weekday}/${t.period}`);
    const withoutClinic = DEMO_DATA.doctors.filter((d) => !templates.some((t) => t.doctorId === d.id));
    // Assess
    expect(parsed.filter((p) => !p.success)).toEqual([]);
    expect(templates.filter((t) => !doctorIds.has(t.doctorId))).toEqual([]);
    expect(duplicates(keys)).toEqual([]);
    expect(withoutClinic).toEqual([]);
    expect(templates.filter((t) => t.capacity < 20 || t.capacity > 40)).toEqual([]);
    expect(templates.filter((t) => t.slotMinutes !== 20 && t.slotMinutes !== 30)).toEqual([]);
    expect(templates.some((t) => t.weekday === 6)).toBe(true);
    expect(new Set(templates.map((t) => t.period))).toEqual(new Set(['am', 'pm']));
  });

  it('lists the alliance members from the Liaocheng annex, each slip number the first listed contact', () => {
    // Prepare
    const institutions = DEMO_DATA.allianceInstitutions;
    const memberBranchIds = new Set(
      DEMO_DATA.guideBranches.filter((b) => b.kind === 'alliance_member').map((b) => b.id),
    );
    // Act
    const parsed = institutions.map((i) => allianceInstitutionSchema.safeParse(i));
    // Assess
    expect(parsed.filter((p) => !p.success)).toEqual([]);
    expect(institutions).toHaveLength(7);
    expect(duplicates(institutions.map((i) => i.id))).toEqual([]);
    expect(institutions.filter((i) => !memberBranchIds.has(i.id))).toEqual([]);
    expect(institutions.filter((i) => i.referralPhone !== i.referralContacts?.[0]?.number)).toEqual([]);
    expect(institutions.find((i) => i.id === 'lc-gaotang-qingping')?.referralPhone).toBeUndefined();
    expect(referralCentreSchema.safeParse(DEMO_DATA.referralCentre).success).toBe(true);
  });
});

describe('every phone in the demo data', () => {
  it('looks like a Chinese landline with area code, a mobile number or a listed service number', () => {
    // Prepare
    const phones: PhoneContact[] = [
      ...DEMO_DATA.guideServices.flatMap((s) => s.phones),
      ...DEMO_DATA.guideBranches.flatMap((b) => b.phones),
      ...DEMO_DATA.allianceInstitutions.flatMap((i) => i.referralContacts ?? []),
      ...DEMO_DATA.referralCentre.phones,
    ];
    // Act
    const malformed = phones.filter((p) => !looksLikeChinesePhone(p));
    // Assess
    expect(phones.length).toBeGreaterThan(30);
    expect(malformed).toEqual([]);
  });
});
