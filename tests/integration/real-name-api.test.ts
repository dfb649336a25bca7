import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  identityClaimResultSchema,
  patientSchema,
  type AppointmentView,
  type IdentityClaimResult,
  type Patient,
} from '@jiuyi/shared';
import { createHttpRealNameVerifier } from '../../functions/src/adapters/real-name/http-real-name';
import {
  startFakeRealNameServer,
  type FakeRealNameServer,
} from '../../functions/src/local/fake-real-name/fake-real-name-server';
import { recheckRealNames } from '../../functions/src/use-cases/patients/recheck-real-names';
import type { ErrorBody } from '../support/appointment-fixtures';
import { makeSession } from '../support/clinic-fixtures';
import {
  acceptedRegionCodes,
  ISSUED_COUNTY_CODES,
  residentIdCandidates,
} from '../support/document-candidates';
import { call, devToken } from '../support/http';
import { makeResidentId } from '../support/identities';
import { inboxOf } from '../support/patient-reads';
import { startTestApi, type TestApi } from '../support/test-stack';

jest.setTimeout(60_000);

// Monday 13 October 2025, 09:00 Shanghai.
const NOW = new Date('2025-10-13T01:00:00Z');
const APP_CODE = 'test-appcode-0123456789abcdef';
let api: TestApi;
let service: FakeRealNameServer;

beforeAll(async () => {
  service = await startFakeRealNameServer({ appCode: APP_CODE });
  // The production adapter, against a real (fake) service: outages are real refused connections.
  api = await startTestApi({
    now: () => NOW,
    realName: createHttpRealNameVerifier({
      baseUrl: service.url,
      appCode: () => Promise.resolve(APP_CODE),
      timeoutMs: 1000,
    }),
  });
});
afterAll(async () => {
  await api.stop();
  await service.stop();
});
afterEach(() => service.setDown(false));

let sequence = 100;
/** A fictional person the service knows (region 210214, used by no other test). */
function person(name: string, birth = '19860412') {
  sequence += 1;
  const idNumber = makeResidentId('210214', birth, String(sequence));
  service.register(idNumber, name);
  return { name, idType: 'resident_id', idNumber, phone: '13800001111', relation: 'self' };
}

const addPatient = (token: string, body: Record<string, unknown>) =>
  call<Patient & ErrorBody>(api.url, 'POST', '/v1/patients', { token, body });
const listPatients = async (token: string) =>
  (await call<{ items: Patient[] }>(api.url, 'GET', '/v1/patients', { token })).body.items;
const desk = (token: string, action: 'lookup' | 'release' | 'verify', body: Record<string, unknown>) =>
  call<IdentityClaimResult & ErrorBody>(api.url, 'POST', `/v1/identity-claims/${action}`, { token, body });
const document = (p: { idType: string; idNumber: string }) => ({ idType: p.idType, idNumber: p.idNumber });
/** A passport profile: no online service can check it. */
const passportOf = (name: string, idNumber: string) => ({
  name,
  idType: 'passport',
  idNumber,
  phone: '13800002222',
  relation: 'self',
});

describe('real-name verification (实名核验) of new profiles', () => {
  it('refuses a name that does not match the number, and stores nothing', async () => {
    // Prepare
    const token = await devToken(api.url, 'rn-mismatch', 'patient');
    const real = person('赵真名');
    // Act
    const res = await addPatient(token, { ...real, name: '钱冒名' });
    // Assess
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('REAL_NAME_MISMATCH');
    expect(res.body.error.message).toContain('姓名与证件号码不一致');
    expect(await listPatients(token)).toHaveLength(0);
    const ok = await addPatient(token, real);
    expect(ok.status).toBe(201);
    expect(ok.body.realNameStatus).toBe('verified');
  });

  it('service down: the profile is saved pending, and the scheduled re-check verifies it', async () => {
    // Prepare
    const token = await devToken(api.url, 'rn-down', 'patient');
    const input = person('孙待核');
    service.setDown(true);
    // Act
    const created = await addPatient(token, input);
    service.setDown(false);
    const early = await recheckRealNames(api.deps, new Date(NOW.getTime() + 60_000));
    const later = await recheckRealNames(api.deps, new Date(NOW.getTime() + 6 * 60_000));
    // Assess
    expect(created.status).toBe(201);
    expect(created.body.realNameStatus).toBe('pending');
    expect(early.verified).toBe(0);
    expect(later.verified).toBe(1);
    expect((await listPatients(token))[0]?.realNameStatus).toBe('verified');
    const staff = await devToken(api.url, 'rn-down-staff', 'outpatient_staff');
    const claim = identityClaimResultSchema.parse(
      (await desk(staff, 'lookup', { document: document(input) })).body,
    );
    expect(claim.claim?.realNameStatus).toBe('verified');
    expect(claim.history.map((h) => h.action)).toEqual(['verified_by_service']);
  });

  it('a service still down at the re-check keeps the profile pending and tries again later', async () => {
    const token = await devToken(api.url, 'rn-still-down', 'patient');
    service.setDown(true);
    const created = await addPatient(token, person('周再试'));
    const summary = await recheckRealNames(api.deps, new Date(NOW.getTime() + 6 * 60_000));
    expect(created.body.realNameStatus).toBe('pending');
    expect(summary.stillPending).toBeGreaterThanOrEqual(1);
    expect((await listPatients(token))[0]?.realNameStatus).toBe('pending');
  });

  it('passports cannot be checked online: saved desk_required, and the desk verifies them (audited)', async () => {
    // Prepare
    const token = await devToken(api.url, 'rn-passport', 'patient');
    const staff = await devToken(api.url, 'rn-passport-staff', 'outpatient_staff');
    const passport = passportOf('MARIE CURIE', 'E87654321');
    // Act
    const created = await addPatient(token, passport);
    const verified = await desk(staff, 'verify', {
      document: document(passport),
      patientId: created.body.id,
      reason: '护照原件核对一致',
    });
    // Assess
    expect(created.status).toBe(201);
    expect(created.body.realNameStatus).toBe('desk_required');
    expect(service.requests).not.toContain('E87654321');
    expect(verified.status).toBe(200);
    expect(verified.body.claim?.realNameStatus).toBe('verified');
    expect(verified.body.history[0]).toMatchObject({
      action: 'verified_at_desk',
      reason: '护照原件核对一致',
    });
    expect((await listPatients(token))[0]?.realNameStatus).toBe('verified');
  });
});

describe('an unverified claim never blocks a verified one', () => {
  it('A claims while the service is down; B adds verified: B takes the identity, A is revoked and told, audited', async () => {
    // Prepare: the squatter A registers the number under another name while the service is down.
    const squatter = await devToken(api.url, 'rn-squatter', 'patient');
    const owner = await devToken(api.url, 'rn-owner', 'patient');
    const third = await devToken(api.url, 'rn-third', 'patient');
    const real = person('吴本人');
    service.setDown(true);
    const squatted = await addPatient(squatter, { ...real, name: '郑冒用', relation: 'other' });
    const blockedWhileDown = await addPatient(third, real);
    service.setDown(false);
    // Act
    const taken = await addPatient(owner, real);
    // Assess
    expect(squatted.body.realNameStatus).toBe('pending');
    expect(blockedWhileDown.status).toBe(409);
    expect(blockedWhileDown.body.error.code).toBe('IDENTITY_ALREADY_REGISTERED');
    expect(taken.status).toBe(201);
    expect(taken.body.realNameStatus).toBe('verified');
    const [lost] = await listPatients(squatter);
    expect(lost?.realNameStatus).toBe('revoked');
    const [told] = await inboxOf(api.url, squatter);
    expect(told?.kind).toBe('identity_claim');
    expect(told?.body).toContain('郑冒用');
    expect(told?.body).not.toContain(real.idNumber);
    const staff = await devToken(api.url, 'rn-takeover-staff', 'outpatient_staff');
    const claim = identityClaimResultSchema.parse(
      (await desk(staff, 'lookup', { document: document(real) })).body,
    );
    expect(claim.claim?.patientId).toBe(taken.body.id);
    expect(claim.history).toEqual([
      expect.objectContaining({ action: 'taken_over', patientId: squatted.body.id }),
    ]);
    // The revoked profile cannot book any more, and its owner can still delete it.
    const booking = await call<ErrorBody>(api.url, 'POST', '/v1/appointments', {
      token: squatter,
      body: { slotId: 'any-slot', patientId: squatted.body.id },
      headers: { 'idempotency-key': '4a1c6e7e-1a8b-4a53-9a53-7f3c4a0d9e11' },
    });
    expect(booking.body.error.code).toBe('PATIENT_IDENTITY_REVOKED');
    expect(
      (await call(api.url, 'DELETE', `/v1/patients/${squatted.body.id}`, { token: squatter })).status,
    ).toBe(204);
    expect((await listPatients(owner))[0]?.id).toBe(taken.body.id);
  });

  it('a verified claim is never taken: a second verified add gets 409', async () => {
    const first = await devToken(api.url, 'rn-verified-1', 'patient');
    const second = await devToken(api.url, 'rn-verified-2', 'patient');
    const real = person('冯已核');
    expect((await addPatient(first, real)).status).toBe(201);
    const again = await addPatient(second, real);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('IDENTITY_ALREADY_REGISTERED');
  });

  it('two verified adds racing for one unverified claim: exactly one takes it', async () => {
    const squatter = await devToken(api.url, 'rn-race-squatter', 'patient');
    const racers = await Promise.all(
      ['rn-race-a', 'rn-race-b', 'rn-race-c'].map((o) => devToken(api.url, o, 'patient')),
    );
    const real = person('陈竞争');
    service.setDown(true);
    await addPatient(squatter, { ...real, name: '卫抢注' });
    service.setDown(false);
    const answers = await Promise.all(racers.map((token) => addPatient(token, real)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    const scan = await api.deps.table.doc.send(
      new ScanCommand({
        TableName: api.deps.table.name,
        FilterExpression: '#type = :audit',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':audit': 'identity_audit' },
      }),
    );
    const squatterId = (await listPatients(squatter))[0]?.id;
    expect(
      scan.Items?.filter((i) => (i.entry as { patientId: string }).patientId === squatterId),
    ).toHaveLength(1);
  });
});

describe('desk release of a claim (outpatient staff, audited)', () => {
  it('staff see the claim, release it with a reason; the account is told and the identity is free again', async () => {
    // Prepare
    const squatter = await devToken(api.url, 'rn-desk-squatter', 'patient');
    const holder = await devToken(api.url, 'rn-desk-holder', 'patient');
    const staff = await devToken(api.url, 'rn-desk-staff', 'outpatient_staff');
    const passport = passportOf('JOHN DOE', 'G12398765');
    const squatted = await addPatient(squatter, { ...passport, name: 'JANE ROE' });
    // Act
    const seen = await desk(staff, 'lookup', { document: document(passport) });
    const stale = await desk(staff, 'release', {
      document: document(passport),
      patientId: '00000000-0000-4000-8000-000000000000',
      reason: '本人持护照到窗口',
    });
    const released = await desk(staff, 'release', {
      document: document(passport),
      patientId: squatted.body.id,
      reason: '本人持护照到窗口，登记人姓名不符',
    });
    const reAdded = await addPatient(holder, passport);
    // Assess
    expect(seen.status).toBe(200);
    expect(seen.body.claim).toMatchObject({
      patientId: squatted.body.id,
      patientName: 'JANE ROE',
      realNameStatus: 'desk_required',
    });
    expect(seen.body.claim?.idNumberMasked).toBe('*******65');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('IDENTITY_CLAIM_CHANGED');
    expect(released.status).toBe(200);
    expect(released.body.claim).toBeUndefined();
    const me = await call<{ account: { id: string } }>(api.url, 'GET', '/v1/me', { token: staff });
    expect(released.body.history[0]).toMatchObject({
      action: 'released_at_desk',
      patientId: squatted.body.id,
      byAccountId: me.body.account.id,
      reason: '本人持护照到窗口，登记人姓名不符',
    });
    expect((await listPatients(squatter))[0]?.realNameStatus).toBe('revoked');
    expect((await inboxOf(api.url, squatter))[0]?.title).toBe('就诊人证件登记已解除');
    expect(reAdded.status).toBe(201);
  });

  it('patients and doctors get 403 from every desk route', async () => {
    const body = {
      document: { idType: 'passport', idNumber: 'G12398765' },
      patientId: 'x',
      reason: '试图解除',
    };
    for (const [openid, role] of [
      ['rn-403-patient', 'patient'],
      ['rn-403-doctor', 'clinic_doctor'],
    ] as const) {
      const token = await devToken(api.url, openid, role);
      for (const action of ['lookup', 'release', 'verify'] as const) {
        const res = await desk(token, action, action === 'lookup' ? { document: body.document } : body);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
  });
});

describe('doctor-made bookings go only to a verified holder', () => {
  it('in-clinic booking for an ID whose holder is unverified is refused with PATIENT_NOT_VERIFIED', async () => {
    // Prepare
    const { slotIds } = await makeSession(api.deps, {
      doctorId: 'rn-doctor',
      departmentId: 'dept-rn',
      date: '2025-10-14',
      online: 2,
      onSite: 2,
    });
    const doctor = await devToken(api.url, 'rn-doctor-account', 'clinic_doctor', { doctorId: 'rn-doctor' });
    const squatter = await devToken(api.url, 'rn-clinic-squatter', 'patient');
    const owner = await devToken(api.url, 'rn-clinic-owner', 'patient');
    const real = person('褚就诊');
    service.setDown(true);
    await addPatient(squatter, { ...real, name: '蒋冒领' });
    service.setDown(false);
    const body = { patient: document(real), slotId: slotIds[0], kind: 'follow_up' };
    // Act
    const refused = await call<ErrorBody>(api.url, 'POST', '/v1/clinic-bookings', { token: doctor, body });
    await addPatient(owner, real);
    const booked = await call<AppointmentView>(api.url, 'POST', '/v1/clinic-bookings', {
      token: doctor,
      body,
    });
    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PATIENT_NOT_VERIFIED');
    expect(refused.body.error.message).toContain('实名核验');
    expect(booked.status).toBe(201);
    const ownerPatients = await listPatients(owner);
    expect(booked.body.patientId).toBe(ownerPatients[0]?.id);
  });
});

describe('identity-add attempts per account per day', () => {
  it('the 11th attempt of the day is refused, counting attempts that hit 409, even when sent concurrently', async () => {
    // Prepare: someone holds a verified identity; a prober tries it over and over.
    const holder = await devToken(api.url, 'rn-limit-holder', 'patient');
    const prober = await devToken(api.url, 'rn-limit-prober', 'patient');
    const held = person('沈持有');
    await addPatient(holder, held);
    // Act
    const probes = await Promise.all(Array.from({ length: 12 }, () => addPatient(prober, held)));
    const fresh = await addPatient(prober, person('韩新号'));
    const nextDay = await recheckLimitNextDay(prober);
    // Assess
    expect(
      probes
        .filter((r) => r.status === 409)
        .every((r) => r.body.error.code === 'IDENTITY_ALREADY_REGISTERED'),
    ).toBe(true);
    expect(probes.filter((r) => r.status === 409)).toHaveLength(10);
    expect(probes.filter((r) => r.status === 429).map((r) => r.body.error.code)).toEqual([
      'IDENTITY_ADD_LIMIT_REACHED',
      'IDENTITY_ADD_LIMIT_REACHED',
    ]);
    expect(fresh.status).toBe(429);
    expect(fresh.body.error.message).toContain('明天');
    expect(nextDay).toBe(201);
  });
});

/** The same account the next Shanghai day, through the use case with a later clock. */
async function recheckLimitNextDay(token: string): Promise<number> {
  const previous = api.deps.now;
  api.deps.now = () => new Date(NOW.getTime() + 86_400_000);
  try {
    return (await addPatient(token, person('杨次日'))).status;
  } finally {
    api.deps.now = previous;
  }
}

describe('masks that mask', () => {
  it('a real profile response leaves at least a million candidate ID numbers', async () => {
    // Prepare
    const token = await devToken(api.url, 'rn-mask', 'patient');
    const input = person('秦掩码', '19860412');
    // Act
    const res = await addPatient(token, input);
    const listed = await listPatients(token);
    // Assess
    const view = patientSchema.parse(res.body);
    const candidates = residentIdCandidates(view.idNumberMasked, { sex: view.sex }, '2025-10-13');
    // Against only the address codes actually issued, not every digit string our validator accepts.
    const againstIssuedCodes = (candidates * ISSUED_COUNTY_CODES) / acceptedRegionCodes();
    expect(againstIssuedCodes).toBeGreaterThanOrEqual(1_000_000);
    expect(residentIdCandidates(listed[0]!.idNumberMasked, { sex: listed[0]!.sex }, '2025-10-13')).toBe(
      candidates,
    );
    expect(JSON.stringify(res.body)).not.toContain('1986');
    expect(JSON.stringify(res.body)).not.toContain('0412');
    // Why the birth year is not shown: beside the last 4 it would leave only about 10^5 real numbers.
    const withYear = residentIdCandidates(
      view.idNumberMasked,
      { birthYear: 1986, sex: view.sex },
      '2025-10-13',
    );
    expect((withYear * ISSUED_COUNTY_CODES) / acceptedRegionCodes()).toBeLessThan(1_000_000);
    // The counter itself: the old view (first 3 + last 4 + birth date + sex) left about 91.
    const old = `${input.idNumber.slice(0, 3)}${'*'.repeat(11)}${input.idNumber.slice(-4)}`;
    expect(residentIdCandidates(old, { birthDate: '1986-04-12', sex: view.sex }, '2025-10-13')).toBeLessThan(
      100,
    );
  });

  it('birth date and sex are sealed at rest like the number', async () => {
    const token = await devToken(api.url, 'rn-sealed', 'patient');
    const input = person('尤密封', '19770921');
    await addPatient(token, input);
    const scan = await api.deps.table.doc.send(new ScanCommand({ TableName: api.deps.table.name }));
    const mine = scan.Items?.find((i) => (i.data as { name?: string } | undefined)?.name === '尤密封');
    const dump = JSON.stringify(mine);
    expect(mine).toBeDefined();
    expect(dump).not.toContain('1977-09-21');
    expect(dump).not.toContain('19770921');
    expect(dump).not.toMatch(/"sex"|"birthDate"|female|"male"/);
  });
});
