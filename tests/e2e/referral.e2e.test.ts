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

// A fictional identity no other e2e test uses: region 210213, a birth date per run.
const runTag = Math.floor(Math.random() * 1_000_000);

async function registeredPatient(name: string): Promise<Patient & { rawIdNumber: string }> {
  const signIn = await call<{ token: string }>(apiUrl(), 'POST', '/v1/auth/wechat', {
    body: { code: `h5-demo-referral-patient-${runTag}` },
  });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status}`);
  const idNumber = makeResidentId(
    '210213',
    `19${50 + (runTag % 40)}0412`,
    String(runTag % 1000).padStart(3, '0'),
  );
  const res = await call<Patient>(apiUrl(), 'POST', '/v1/patients', {
    token: signIn.body.token,
    body: {
      name,
      idType: 'resident_id',
      idNumber,
      phone: `136${String(runTag).padStart(8, '0').slice(-8)}`,
      relation: 'self',
    },
  });
  if (res.status !== 201) throw new Error(`add patient failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, rawIdNumber: idNumber };
}

/**
 * A session with referral numbers left, as late as possible (the 7th day is not yet released online
 * before 08:00) and away from the departments the other e2e tests book and suspend in.
 */
async function referralSession(): Promise<{ department: Department; session: SessionView }> {
  const departments = (await call<{ items: Department[] }>(apiUrl(), 'GET', '/v1/departments')).body.items;
  const today = shanghaiDate(e2eNow());
  for (const department of departments.slice(4, -1)) {
    const query = `departmentId=${department.id}&from=${today}&to=${addDays(today, 7)}`;
    const sessions = (await call<{ items: SessionView[] }>(apiUrl(), 'GET', `/v1/sessions?${query}`)).body
      .items;
    const session = sessions
      .filter(
        (s) =>
          s.status === 'open' &&
          s.date > today &&
          checkBookable(s.date, s.period, s.doctor.title, e2eNow()) !== 'closed' &&
          s.slots.some((slot) => slot.remainingReferral > 0),
      )
      .sort((a, b) => b.date.localeCompare(a.date))[0];
    if (session) return { department, session };
  }
  throw new Error('no session with referral numbers left');
}

let browser: Awaited<ReturnType<typeof openPhoneBrowser>>;
let page: Page;

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`).first();
const inputOf = (id: string) =>
  page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first();

beforeAll(async () => {
  browser = await openPhoneBrowser();
  page = browser.page;
});
afterAll(async () => browser?.close());

describe('referral booking in the H5 app (headless Chromium)', () => {
  it('lets an alliance doctor book a referral number for a registered patient and lists it', async () => {
    // Prepare: a patient registered in the mini-program, and a session with referral numbers left
    const patient = await registeredPatient('冯秀英');
    const { department, session } = await referralSession();
    const slot = session.slots.find((s) => s.remainingReferral > 0);

    // Act: 医联体医生 → 转诊预约 → ID document → department → session → slot → reason → confirm
    await page.goto(`${webUrl()}/#/pages/persona/index`);
    await byTestId('persona-alliance_doctor').click({ timeout: 30_000 });
    await byTestId('page-doctor-home').waitFor({ timeout: 30_000 });
    await byTestId('doctor-referral-booking').waitFor({ timeout: 15_000 });
    await screenshot(page, 'referral-1-home');
    await byTestId('doctor-referral-booking').click();
    await inputOf('id-number').fill(patient.rawIdNumber, { timeout: 30_000 });
    await byTestId(`referral-dept-${department.id}`).click({ timeout: 15_000 });
    await byTestId(`referral-session-${session.id}`).click({ timeout: 15_000 });
    await byTestId(`referral-slot-${slot?.id}`).click({ timeout: 15_000 });
    await inputOf('referral-reason').fill('社区首诊，需上级医院专科评估');
    await screenshot(page, 'referral-2-form');
    await byTestId('referral-booking-submit').click();
    await page.locator('.taro-modal__content').waitFor({ timeout: 10_000 });
    await page.locator('.taro-model__confirm').click();

    // Assess: the result, then the doctor's list with the surname only
    await byTestId('referral-booking-done').waitFor({ timeout: 15_000 });
    // The answer names the patient by surname only, as the list does.
    const done = (await byTestId('referral-booking-done').textContent()) ?? '';
    expect(done).toContain('冯**');
    expect(done).not.toContain('冯秀英');
    await screenshot(page, 'referral-3-booked');
    await byTestId('referral-booking-list').click();
    await byTestId('referral-list').waitFor({ timeout: 15_000 });
    const listed = await byTestId('referral-list').textContent();
    expect(listed).toContain('冯**');
    expect(listed).not.toContain('冯秀英');
    expect(listed).toContain('社区首诊，需上级医院专科评估');
    await screenshot(page, 'referral-4-list');
    const after = await call<{ items: SessionView[] }>(
      apiUrl(),
      'GET',
      `/v1/sessions?departmentId=${department.id}&from=${session.date}&to=${session.date}`,
    );
    const slotAfter = after.body.items.find((s) => s.id === session.id)?.slots.find((s) => s.id === slot?.id);
    expect(slotAfter?.remainingReferral).toBe((slot?.remainingReferral ?? 0) - 1);
  });
});
