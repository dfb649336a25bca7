import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { addDays, checkBookable, shanghaiDate } from '@jiuyi/shared';
import type { Department, Patient, SessionView } from '@jiuyi/shared';
import { openPhoneBrowser, screenshot, webUrl } from '../support/browser';
import { e2eNow } from '../support/e2e-clock';
import { call } from '../support/http';
import { makeResidentId } from '../support/identities';

jest.setTimeout(180_000);

function apiUrl(): string {
  const url = process.env.JIUYI_E2E_API_URL;
  if (!url) throw new Error('JIUYI_E2E_API_URL is not set: run through the e2e jest project');
  return url;
}

// Fictional identities no other e2e test uses: region 210212, a birth year per run.
const runTag = Math.floor(Math.random() * 1_000_000);
let identitySeq = 0;
function newIdentity(name: string) {
  identitySeq += 1;
  return {
    name,
    idType: 'resident_id',
    idNumber: makeResidentId('210212', `19${50 + (runTag % 40)}0308`, String(identitySeq).padStart(3, '0')),
    phone: `137${String(runTag).padStart(6, '0').slice(-6)}${String(identitySeq).padStart(2, '0')}`,
    relation: 'self',
  };
}

async function signIn(code: string): Promise<string> {
  const res = await call<{ token: string }>(apiUrl(), 'POST', '/v1/auth/wechat', { body: { code } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

async function addPatient(token: string, name: string): Promise<Patient & { rawIdNumber: string }> {
  const identity = newIdentity(name);
  const res = await call<Patient>(apiUrl(), 'POST', '/v1/patients', { token, body: identity });
  if (res.status !== 201) throw new Error(`add patient failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, rawIdNumber: identity.idNumber };
}

async function sessionsFrom(departmentId: string, days: number): Promise<SessionView[]> {
  const today = shanghaiDate(e2eNow());
  const query = `departmentId=${departmentId}&from=${addDays(today, 1)}&to=${addDays(today, days)}`;
  const res = await call<{ items: SessionView[] }>(apiUrl(), 'GET', `/v1/sessions?${query}`);
  return res.body.items.filter((s) => s.status === 'open');
}

/** The clinic-doctor persona's catalogue doctor and department (pages/persona). */
const CLINIC_DOCTOR_ID = 'doc-spine-01';
const CLINIC_DEPARTMENT_ID = 'dept-ortho-spine';

let browser: Awaited<ReturnType<typeof openPhoneBrowser>>;
let page: Page;

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`).first();
const inputOf = (id: string) =>
  page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first();

/** Signs in as a demo persona through the local stage's switcher, landing on that role's home. */
async function becomePersona(role: string, home: string): Promise<void> {
  await page.goto(`${webUrl()}/#/pages/persona/index`);
  await byTestId(`persona-${role}`).click({ timeout: 30_000 });
  await byTestId(home).waitFor({ timeout: 30_000 });
}

/** Becomes the patient whose H5 demo code is `code` (the app signs in with it on the next load). */
async function becomePatient(code: string): Promise<void> {
  // Taro's H5 storage keeps each value as {"data": …}.
  const stored = JSON.stringify(JSON.stringify({ data: code }));
  await page.evaluate(`localStorage.clear(); localStorage.setItem('jiuyi.h5DemoCode', ${stored});`);
}

beforeAll(async () => {
  browser = await openPhoneBrowser();
  page = browser.page;
});
afterAll(async () => browser?.close());

describe('staff and doctor pages in the H5 app (headless Chromium)', () => {
  it('lets 门诊部 suspend a session that has a booking and shows each patient’s arrangement', async () => {
    // Prepare: a booking in a department the booking test does not use (it books in the first four)
    const departments = (await call<{ items: Department[] }>(apiUrl(), 'GET', '/v1/departments')).body.items;
    let department: Department | undefined;
    let session: SessionView | undefined;
    for (const candidate of [...departments].reverse()) {
      if (candidate.id === CLINIC_DEPARTMENT_ID) continue;
      const open = (await sessionsFrom(candidate.id, 6)).filter(
        (s) =>
          s.slots.some((slot) => slot.remainingOnline > 0) &&
          checkBookable(s.date, s.period, s.doctor.title, e2eNow()) === 'open',
      );
      if (open[0]) {
        department = candidate;
        session = open[0];
        break;
      }
    }
    if (!department || !session) throw new Error('no bookable session to suspend');
    const token = await signIn(`h5-demo-staff-patient-${runTag}`);
    const patient = await addPatient(token, '孙立华');
    const slot = session.slots.find((s) => s.remainingOnline > 0);
    const booked = await call<{ id: string }>(apiUrl(), 'POST', '/v1/appointments', {
      token,
      body: { slotId: slot?.id, patientId: patient.id },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(booked.status).toBe(201);

    // Act: 门诊部 → 出诊停诊 → department → session → reason → confirm
    await becomePersona('outpatient_staff', 'page-staff-home');
    await byTestId('staff-suspend').waitFor({ timeout: 15_000 });
    await screenshot(page, 'staff-1-home');
    await byTestId('staff-suspend').click();
    await byTestId(`staff-dept-${department.id}`).click({ timeout: 15_000 });
    await byTestId(`staff-session-${session.id}`).click({ timeout: 15_000 });
    await inputOf('suspend-reason').fill('医生临时外出会诊', { timeout: 15_000 });
    await byTestId('suspend-submit').click();
    await page.locator('.taro-modal__content').waitFor({ timeout: 10_000 });
    await screenshot(page, 'staff-2-suspend-confirm');
    await page.locator('.taro-model__confirm').click();

    // Assess: the displaced patient is listed with their arrangement
    await byTestId(`offer-${booked.body.id}`).waitFor({ timeout: 15_000 });
    await expect(byTestId('suspension-outcomes').textContent()).resolves.toContain('孙立华');
    await expect(byTestId(`offer-${booked.body.id}`).textContent()).resolves.toMatch(/替诊|补诊|退号/);
    await screenshot(page, 'staff-3-suspended');
    const stored = await call<{ suspensionOffer?: { state: string } }>(
      apiUrl(),
      'GET',
      `/v1/appointments/${booked.body.id}`,
      { token },
    );
    expect(stored.body.suspensionOffer?.state).toBe('offered');
  });

  it('lets a clinic doctor add an extra number for a registered patient and shows the audit list', async () => {
    // Prepare: a patient registered in the mini-program, and the doctor's next open session
    const token = await signIn(`h5-demo-extra-patient-${runTag}`);
    const patient = await addPatient(token, '钱玉兰');
    const [session] = (await sessionsFrom(CLINIC_DEPARTMENT_ID, 6)).filter(
      (s) => s.doctor.id === CLINIC_DOCTOR_ID,
    );
    if (!session) throw new Error(`${CLINIC_DOCTOR_ID} has no open session in the coming week`);

    // Act: 门诊医生 → 我的出诊 → session → ID document + reason → confirm
    await becomePersona('clinic_doctor', 'page-doctor-home');
    await byTestId('doctor-sessions').click({ timeout: 15_000 });
    await byTestId(`doctor-session-${session.id}`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'doctor-1-sessions');
    await byTestId(`doctor-session-${session.id}`).click();
    await byTestId('extra-number-left').waitFor({ timeout: 15_000 });
    await expect(byTestId('extra-number-left').textContent()).resolves.toContain('已加 0 个');
    await inputOf('id-number').fill(patient.rawIdNumber);
    await inputOf('extra-number-reason').fill('术后复查需当天就诊');
    await byTestId('extra-number-submit').click();
    await page.locator('.taro-modal__content').waitFor({ timeout: 10_000 });
    await page.locator('.taro-model__confirm').click();

    // Assess: the success line, the count and the audit entry
    await byTestId('extra-number-added').waitFor({ timeout: 15_000 });
    await page
      .locator('[data-testid="extra-number-left"]', { hasText: '已加 1 个' })
      .waitFor({ timeout: 15_000 });
    await expect(byTestId('extra-number-log').textContent()).resolves.toContain('钱玉兰');
    await screenshot(page, 'doctor-2-extra-number');
    const appointments = await call<{ items: { sessionId: string; status: string }[] }>(
      apiUrl(),
      'GET',
      '/v1/appointments',
      { token },
    );
    expect(appointments.body.items.filter((a) => a.sessionId === session.id)).toHaveLength(1);
  });

  it('lets a clinic doctor book the patient in front of them into a follow-up session', async () => {
    // Prepare: a registered patient and the department's sessions (any doctor, released or not)
    const token = await signIn(`h5-demo-clinic-patient-${runTag}`);
    const patient = await addPatient(token, '吴建平');
    const [session] = (await sessionsFrom(CLINIC_DEPARTMENT_ID, 13)).filter((s) => s.slots.length > 0);
    if (!session) throw new Error('no open session in the clinic department');
    const slot = session.slots[0];

    // Act: 诊间预约 → ID document → 复诊 → session → slot → confirm
    await page.goto(`${webUrl()}/#/subpackages/doctor/home/index`);
    await byTestId('doctor-clinic-booking').click({ timeout: 30_000 });
    await inputOf('id-number').fill(patient.rawIdNumber, { timeout: 30_000 });
    await byTestId('clinic-kind-follow_up').click();
    await byTestId(`clinic-session-${session.id}`).click({ timeout: 15_000 });
    await byTestId(`clinic-slot-${slot?.id}`).click({ timeout: 15_000 });
    await screenshot(page, 'doctor-3-clinic-booking');
    await byTestId('clinic-booking-submit').click();
    await page.locator('.taro-modal__content').waitFor({ timeout: 10_000 });
    await page.locator('.taro-model__confirm').click();

    // Assess
    await byTestId('clinic-booking-done').waitFor({ timeout: 15_000 });
    await expect(byTestId('clinic-booking-done').textContent()).resolves.toContain('吴建平');
    await screenshot(page, 'doctor-4-clinic-booked');
    const appointments = await call<{ items: { slotId: string }[] }>(apiUrl(), 'GET', '/v1/appointments', {
      token,
    });
    expect(appointments.body.items.map((a) => a.slotId)).toContain(slot?.id);
  });

  it('shows the desk the server’s message when a check-in code is not valid', async () => {
    // Act
    await becomePersona('outpatient_staff', 'page-staff-home');
    await byTestId('staff-desk-check-in').click({ timeout: 15_000 });
    await byTestId('check-in-submit').click({ timeout: 15_000 });
    await byTestId('error-token').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="check-in-token"] textarea').fill('not-a-real-token');
    await inputOf('id-number').fill(makeResidentId('210212', '19700101', '999'));
    await byTestId('check-in-submit').click();

    // Assess
    await byTestId('check-in-error').waitFor({ timeout: 15_000 });
    await expect(byTestId('check-in-error').textContent()).resolves.toContain('签到码无效或已过期');
    await screenshot(page, 'staff-4-check-in-invalid');
  });

  it('lets 门诊部 look up who registered an ID and release the claim with a reason', async () => {
    // Prepare: someone registered this number in the mini-program
    const token = await signIn(`h5-demo-claim-${runTag}`);
    const patient = await addPatient(token, '冯立新');

    // Act: 工作台 → 证件登记核验 → number → 查询 → reason → 解除登记 → confirm
    await becomePersona('outpatient_staff', 'page-staff-home');
    await byTestId('staff-identity-claims').click({ timeout: 15_000 });
    await inputOf('id-number').fill(patient.rawIdNumber, { timeout: 30_000 });
    await byTestId('identity-claim-search').click();
    await byTestId('identity-claim-holder').waitFor({ timeout: 15_000 });
    const holder = (await byTestId('identity-claim-holder').textContent()) ?? '';
    expect(holder).toContain('冯立新');
    expect(holder).toContain('已实名');
    expect(holder).not.toContain(patient.rawIdNumber);
    await screenshot(page, 'staff-5-identity-claim');
    await inputOf('identity-claim-reason').fill('本人持身份证原件到窗口，称未登记此就诊人');
    await byTestId('identity-claim-release').click();
    await page.locator('.taro-modal__content').waitFor({ timeout: 10_000 });
    await page.locator('.taro-model__confirm').click();

    // Assess: the claim is gone, the history says why, and the profile is revoked
    await byTestId('identity-claim-free').waitFor({ timeout: 15_000 });
    await expect(byTestId('identity-claim-history').textContent()).resolves.toContain('服务台解除登记');
    await screenshot(page, 'staff-6-identity-claim-released');
    const listed = await call<{ items: Patient[] }>(apiUrl(), 'GET', '/v1/patients', { token });
    expect(listed.body.items.find((p) => p.id === patient.id)?.realNameStatus).toBe('revoked');
  });

  it('lets 门诊部 refund a paid registration with a reason after a confirm dialog', async () => {
    // Prepare: a patient books and pays through the sandbox pay page
    const code = `h5-demo-refund-${runTag}`;
    const token = await signIn(code);
    const patient = await addPatient(token, '郑海燕');
    const departments = (await call<{ items: Department[] }>(apiUrl(), 'GET', '/v1/departments')).body.items;
    let slotId: string | undefined;
    for (const candidate of [...departments].reverse()) {
      const [session] = (await sessionsFrom(candidate.id, 6)).filter(
        (s) =>
          s.slots.some((slot) => slot.remainingOnline > 0 && slot.feeFen > 0) &&
          checkBookable(s.date, s.period, s.doctor.title, e2eNow()) === 'open',
      );
      slotId = session?.slots.find((slot) => slot.remainingOnline > 0)?.id;
      if (slotId) break;
    }
    if (!slotId) throw new Error('no paid session to book');
    const held = await call<{ id: string }>(apiUrl(), 'POST', '/v1/appointments', {
      token,
      body: { slotId, patientId: patient.id },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(held.status).toBe(201);
    await becomePatient(code);
    await page.goto(`${webUrl()}/#/pages/appointment-detail/index?id=${held.body.id}`);
    await page.reload();
    await byTestId('pay-button').click({ timeout: 30_000 });
    await page.locator('#sandbox-pay').click({ timeout: 15_000 });
    await page
      .locator('[data-testid="sandbox-result"]', { hasText: '支付成功' })
      .waitFor({ timeout: 30_000 });
    const payment = await call<{ id: string }>(apiUrl(), 'GET', `/v1/appointments/${held.body.id}/payment`, {
      token,
    });

    // Act: 门诊部 → 支付管理 → the payment → reason → confirm
    await becomePersona('outpatient_staff', 'page-staff-home');
    await byTestId('staff-payments').click({ timeout: 15_000 });
    await byTestId(`refund-open-${payment.body.id}`).click({ timeout: 15_000 });
    await inputOf('refund-reason').fill('患者要求退号');
    await byTestId('refund-submit').click();
    await page.locator('.taro-modal__content').waitFor({ timeout: 10_000 });
    await expect(page.locator('.taro-modal__content').textContent()).resolves.toContain('原路退回');
    await screenshot(page, 'staff-8-refund-confirm');
    await page.locator('.taro-model__confirm').click();

    // Assess: the card lists the refund with its reason; the server recorded it
    await page
      .locator(`[data-testid="payment-${payment.body.id}"]`, { hasText: '患者要求退号' })
      .waitFor({ timeout: 15_000 });
    await screenshot(page, 'staff-9-refunded');
    const after = await call<{ refunds: { reason: string }[] }>(
      apiUrl(),
      'GET',
      `/v1/appointments/${held.body.id}/payment`,
      { token },
    );
    expect(after.body.refunds.map((r) => r.reason)).toContain('患者要求退号');
  });

  it('shows 门诊部 the day’s statement and downloads it as CSV', async () => {
    // Act
    await page.goto(`${webUrl()}/#/subpackages/staff/home/index`);
    await byTestId('staff-statements').click({ timeout: 30_000 });
    await byTestId('statement-detail').waitFor({ timeout: 15_000 });
    await byTestId('statement-overview').waitFor({ timeout: 15_000 });
    await screenshot(page, 'staff-5-statement');
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('csv-download').click()]);

    // Assess
    expect(download.suggestedFilename()).toBe(`statement-${shanghaiDate(e2eNow())}.csv`);
    const path = await download.path();
    expect(readFileSync(path, 'utf8').split('\n')[0]?.length).toBeGreaterThan(0);
    await expect(byTestId('statement-net').textContent()).resolves.toContain('¥');
  });

  it('lets an admin edit a doctor’s weekly templates with the validation message next to the field', async () => {
    // Act: 管理员 → 排班模板 → department → doctor; an invalid capacity first
    await becomePersona('admin', 'page-staff-home');
    await byTestId('staff-templates').click({ timeout: 15_000 });
    await byTestId(`template-dept-${CLINIC_DEPARTMENT_ID}`).click({ timeout: 15_000 });
    await byTestId(`template-doctor-${CLINIC_DOCTOR_ID}`).click({ timeout: 15_000 });
    await byTestId('template-row-0').waitFor({ timeout: 15_000 });
    const original = await inputOf('template-capacity-0').inputValue();
    await inputOf('template-capacity-0').fill('0');
    await byTestId('template-save').click();

    // Assess: the message sits under the field; a valid value saves
    await byTestId('template-error-0-capacity').waitFor({ timeout: 10_000 });
    await byTestId('template-row-0').scrollIntoViewIfNeeded();
    await expect(byTestId('template-error-0-capacity').textContent()).resolves.toContain('至少 1 个号');
    await screenshot(page, 'staff-6-template-invalid');
    await inputOf('template-capacity-0').fill(original);
    await byTestId('template-save').click();
    await byTestId('template-saved').waitFor({ timeout: 15_000 });
    await screenshot(page, 'staff-7-template-saved');
  });

  it('lets an admin disable a staff account with a reason, and the account is refused afterwards', async () => {
    // Prepare: a records-room account to manage
    const staff = await call<{ token: string; account: { id: string } }>(apiUrl(), 'POST', '/v1/auth/dev', {
      body: { openid: `e2e-records-${runTag}`, role: 'records_staff' },
    });
    // Act: 管理员 → 工作人员账号 → the account → 停用 with a reason
    await becomePersona('admin', 'page-staff-home');
    await byTestId('staff-admin-accounts').click({ timeout: 15_000 });
    await byTestId(`account-${staff.body.account.id}`).click({ timeout: 15_000 });
    await byTestId('account-action-disable').click({ timeout: 15_000 });
    await inputOf('account-reason').fill('离职');
    await screenshot(page, 'staff-8-account-disable');
    await byTestId('account-save').click();
    // Assess
    await byTestId('account-saved').waitFor({ timeout: 15_000 });
    await expect(byTestId('account-saved').textContent()).resolves.toContain('已停用');
    await screenshot(page, 'staff-9-account-disabled');
    const relogin = await call<{ error: { code: string } }>(apiUrl(), 'POST', '/v1/auth/dev', {
      body: { openid: `e2e-records-${runTag}`, role: 'records_staff' },
    });
    expect(relogin.body.error.code).toBe('ACCOUNT_DISABLED');
  });

  it('warns records staff and admins about next year’s holidays until an admin confirms them', async () => {
    // Prepare: the set clock reads 7 December 2026, and 2027 has no arrangement yet.
    const textareaOf = (id: string) =>
      page.locator(`[data-testid="${id}"] textarea, textarea[data-testid="${id}"]`).first();

    // Act / Assess: records staff see the warning (here in large-text mode) without an edit button.
    await page.goto(`${webUrl()}/`);
    await page.evaluate(`localStorage.setItem('jiuyi.largeText', '{"data":true}')`);
    await becomePersona('records_staff', 'page-staff-home');
    await page.reload();
    await byTestId('calendar-warning').waitFor({ timeout: 30_000 });
    await expect(page.locator('.page--large').count()).resolves.toBeGreaterThan(0);
    await expect(byTestId('calendar-warning').textContent()).resolves.toContain('2027年');
    await expect(page.locator('[data-testid="calendar-warning-open"]').count()).resolves.toBe(0);
    await screenshot(page, 'staff-calendar-1-warning-records');
    await page.evaluate(`localStorage.removeItem('jiuyi.largeText')`);
    await page.reload();

    // Act: the admin opens the year from the banner; a day both off and worked is refused first.
    await becomePersona('admin', 'page-staff-home');
    await byTestId('calendar-warning-open').click({ timeout: 15_000 });
    await byTestId('calendar-editor').waitFor({ timeout: 15_000 });
    await byTestId('calendar-fixed').click();
    await textareaOf('calendar-holidays').fill(
      `${await textareaOf('calendar-holidays').inputValue()}\n2027-02-06~2027-02-11`,
    );
    await textareaOf('calendar-workdays').fill('2027-02-06');
    await byTestId('calendar-confirm').click();
    await byTestId('calendar-form-error').waitFor({ timeout: 15_000 });
    await expect(byTestId('calendar-form-error').textContent()).resolves.toContain('2027-02-06');
    await screenshot(page, 'staff-calendar-2-refused');
    await textareaOf('calendar-workdays').fill('2027-02-20');
    await byTestId('calendar-confirm').click();

    // Assess: confirmed, audited, and the warning is gone from the home page.
    await byTestId('calendar-history').waitFor({ timeout: 15_000 });
    await expect(byTestId('calendar-year-state').textContent()).resolves.toContain('已确认');
    await screenshot(page, 'staff-calendar-3-confirmed');
    await becomePersona('admin', 'page-staff-home');
    await byTestId('staff-calendar').waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-testid="calendar-warning"]').count()).resolves.toBe(0);
  });

  it('shows a patient their outpatient bills page with the patient chosen and nothing to pay yet', async () => {
    // Prepare: a patient without a visit yet (bills need a visit that has begun)
    const code = `h5-demo-bills-${runTag}`;
    await addPatient(await signIn(code), '周文静');
    await becomePatient(code);

    // Act
    await page.goto(`${webUrl()}/#/pages/index/index`);
    await page.reload();
    await byTestId('entry-bills').click({ timeout: 30_000 });

    // Assess
    await byTestId('bills-unpaid-section').waitFor({ timeout: 15_000 });
    await expect(
      page.locator('[role="radio"][aria-checked="true"]').first().textContent(),
    ).resolves.toContain('周文静');
    await expect(byTestId('bills-unpaid-section').textContent()).resolves.toContain('没有待缴费的项目');
    await screenshot(page, 'bills-1-empty');
  });
});
