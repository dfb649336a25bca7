import type { Page } from 'playwright-core';
import { addDays, checkBookable, shanghaiDate } from '@jiuyi/shared';
import type { Department, Patient, SessionView } from '@jiuyi/shared';
import { openPhoneBrowser, screenshot, webUrl } from '../support/browser';
import { e2eNow } from '../support/e2e-clock';
import { call, devToken } from '../support/http';
import { makeResidentId } from '../support/identities';

jest.setTimeout(180_000);

const HOME_TO_BOOKED_TAP_LIMIT = 5;

function apiUrl(): string {
  const url = process.env.JIUYI_E2E_API_URL;
  if (!url) throw new Error('JIUYI_E2E_API_URL is not set: run through the e2e jest project');
  return url;
}

// Fictional identities no other e2e test uses: region 210211, a birth year per run.
const runTag = Math.floor(Math.random() * 1_000_000);
let identitySeq = 0;
const NAMES = ['王秀英', '张建国', '刘淑珍', '陈志强', '杨桂兰', '赵德明', '黄玉梅', '周永福'];
function newIdentity(relation: 'self' | 'family') {
  identitySeq += 1;
  return {
    name: relation === 'self' ? '李桂芳' : (NAMES[identitySeq % NAMES.length] ?? '王秀英'),
    idType: 'resident_id',
    idNumber: makeResidentId('210211', `19${40 + (runTag % 40)}0512`, String(identitySeq).padStart(3, '0')),
    phone: `139${String(runTag).padStart(6, '0').slice(-6)}${String(identitySeq).padStart(2, '0')}`,
    relation,
  };
}

/** Signs in as the H5 app would with `code` (the local stage maps a code to one openid). */
async function signIn(code: string): Promise<string> {
  const res = await call<{ token: string }>(apiUrl(), 'POST', '/v1/auth/wechat', { body: { code } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

async function addPatient(token: string, relation: 'self' | 'family'): Promise<Patient> {
  const res = await call<Patient>(apiUrl(), 'POST', '/v1/patients', { token, body: newIdentity(relation) });
  if (res.status !== 201) throw new Error(`add patient failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const remaining = (s: SessionView) => s.slots.reduce((n, slot) => n + slot.remainingOnline, 0);

/** Sessions open for booking now, from tomorrow (today's may pass a cut-off while the test runs). */
async function bookableSessions(departmentId: string): Promise<SessionView[]> {
  const today = shanghaiDate(e2eNow());
  const query = `departmentId=${departmentId}&from=${addDays(today, 1)}&to=${addDays(today, 6)}`;
  const res = await call<{ items: SessionView[] }>(apiUrl(), 'GET', `/v1/sessions?${query}`);
  return res.body.items.filter(
    (s) =>
      s.status === 'open' &&
      remaining(s) > 0 &&
      checkBookable(s.date, s.period, s.doctor.title, e2eNow()) === 'open',
  );
}

/** Books every online number left in `session`, five patients per account (the profile limit). */
async function fillSession(session: SessionView): Promise<void> {
  const slots = session.slots.flatMap((slot) => Array.from({ length: slot.remainingOnline }, () => slot.id));
  for (let start = 0; start < slots.length; start += 5) {
    const token = await signIn(`h5-demo-filler-${runTag}-${start}`);
    for (const slotId of slots.slice(start, start + 5)) {
      const patient = await addPatient(token, 'family');
      const res = await call(apiUrl(), 'POST', '/v1/appointments', {
        token,
        body: { slotId, patientId: patient.id },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      if (res.status !== 201) throw new Error(`filling failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
}

let browser: Awaited<ReturnType<typeof openPhoneBrowser>>;
let page: Page;
let patient: Patient;
let department: Department;
let target: SessionView;
let appointmentId: string;
let paidId: string;

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`).first();

beforeAll(async () => {
  // A returning patient: this browser's account already has a 本人 profile.
  const code = `h5-demo-booking-${runTag}`;
  patient = await addPatient(await signIn(code), 'self');
  // The home shortcuts show the first departments; book in the first of them with numbers open.
  const departments = (await call<{ items: Department[] }>(apiUrl(), 'GET', '/v1/departments')).body.items;
  for (const candidate of departments.slice(0, 4)) {
    const [first] = await bookableSessions(candidate.id);
    if (first) {
      department = candidate;
      target = first;
      break;
    }
  }
  if (!target) throw new Error('no bookable session among the home shortcut departments');

  browser = await openPhoneBrowser();
  page = browser.page;
  // Taro's H5 storage keeps each value as {"data": …}; the app signs in with this code.
  const stored = JSON.stringify(JSON.stringify({ data: code }));
  await browser.context.addInitScript({ content: `localStorage.setItem('jiuyi.h5DemoCode', ${stored});` });
});
afterAll(async () => browser?.close());

describe('booking a number in the H5 app (headless Chromium)', () => {
  it('books from the home page in at most 5 taps and shows the confirmation', async () => {
    // Prepare
    await page.goto(`${webUrl()}/`);
    await byTestId(`quick-dept-${department.id}`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'booking-1-home');
    let taps = 0;
    const tap = async (testId: string) => {
      taps += 1;
      await byTestId(testId).click({ timeout: 15_000 });
    };
    const slot = target.slots.find((s) => s.remainingOnline > 0);
    if (!slot) throw new Error('the chosen session has no slot left');

    // Act: shortcut → grid cell → slot → patient → 确认预约
    await tap(`quick-dept-${department.id}`);
    await byTestId(`cell-${target.id}`).waitFor({ timeout: 15_000 });
    await screenshot(page, 'booking-2-grid');
    await tap(`cell-${target.id}`);
    await byTestId(`slot-${slot.id}`).waitFor({ timeout: 15_000 });
    await screenshot(page, 'booking-3-slots');
    await tap(`slot-${slot.id}`);
    await byTestId(`choose-patient-${patient.id}`).waitFor({ timeout: 15_000 });
    await screenshot(page, 'booking-4-patient');
    await tap(`choose-patient-${patient.id}`);
    await byTestId('confirm-booking').waitFor({ timeout: 15_000 });
    await expect(byTestId('confirm-details').textContent()).resolves.toContain(target.doctor.name);
    await screenshot(page, 'booking-5-confirm');
    await tap('confirm-booking');

    // Assess
    await page
      .locator('[data-testid="booking-result"], [data-testid="booking-error"]')
      .first()
      .waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-testid="booking-error"]').count()).resolves.toBe(0);
    expect(taps).toBeLessThanOrEqual(HOME_TO_BOOKED_TAP_LIMIT);
    console.log(`taps from home to booked: ${taps}`);
    const details = (await byTestId('confirmation').textContent()) ?? '';
    expect(details).toContain(department.name);
    expect(details).toContain(target.doctor.name);
    expect(details).toMatch(/主任医师|副主任医师|主治医师|住院医师/);
    expect(details).toContain(`${slot.start.slice(11, 16)}–${slot.end.slice(11, 16)}`);
    expect(details).toContain(`¥${(slot.feeFen / 100).toFixed(2)}`);
    expect(details).toContain('取消');
    expect(details).toContain('爽约');
    await expect(byTestId('status-tag').textContent()).resolves.toBe('待支付');
    await expect(byTestId('hold-countdown').textContent()).resolves.toMatch(/保留 \d\d:\d\d/);
    appointmentId = decodeURIComponent(/[?&]id=([^&]+)/.exec(page.url())?.[1] ?? '');
    expect(appointmentId).toMatch(/^[0-9a-f-]{36}$/);
    await screenshot(page, 'booking-6-result');
  });

  it('lists the booking in 我的预约 as 待支付 with its hold countdown', async () => {
    // Act
    await byTestId('open-my-appointments').click();
    const card = byTestId(`appointment-${appointmentId}`);
    await card.waitFor({ timeout: 15_000 });
    // Assess
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('待支付');
    expect(text).toContain(target.doctor.name);
    expect(text).toMatch(/请在 \d\d:\d\d 内支付/);
    await screenshot(page, 'booking-7-my-appointments');
  });

  it('shows the booking message in 消息中心 and opens the appointment from it', async () => {
    // Prepare: the booking wrote its message in the same transaction
    await page.goto(`${webUrl()}/`);
    await byTestId('entry-messages-badge').waitFor({ timeout: 30_000 });
    const before = Number(await byTestId('entry-messages-badge').textContent());
    expect(before).toBeGreaterThanOrEqual(1);
    // Act
    await byTestId('entry-messages').click();
    const unread = page.locator('[data-testid^="message-"][data-unread="1"]').first();
    await unread.waitFor({ timeout: 15_000 });
    await expect(unread.textContent()).resolves.toContain('预约');
    await screenshot(page, 'booking-8-messages');
    await unread.click();
    // Assess: the message leads to the appointment, and it is no longer unread
    await byTestId('confirmation').waitFor({ timeout: 15_000 });
    await expect(byTestId('confirmation').textContent()).resolves.toContain(target.doctor.name);
    const token = await signIn(`h5-demo-booking-${runTag}`);
    const after = await call<{ unreadCount: number }>(apiUrl(), 'GET', '/v1/messages', { token });
    expect(after.body.unreadCount).toBe(before - 1);
  });

  it('cancels after a confirm dialog and shows 已取消', async () => {
    // Act: decline first, then cancel for real
    await byTestId('cancel-appointment').click({ timeout: 15_000 });
    const dialog = page.locator('.taro-modal__content');
    await dialog.waitFor({ timeout: 10_000 });
    await expect(dialog.textContent()).resolves.toContain(target.doctor.name);
    await screenshot(page, 'booking-9-cancel-confirm');
    await page.locator('.taro-model__cancel').click();
    await expect(byTestId('status-tag').textContent()).resolves.toBe('待支付');
    await byTestId('cancel-appointment').click();
    await page.locator('.taro-model__confirm').click();
    // Assess
    await page.locator('[data-testid="status-tag"]', { hasText: '已取消' }).waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-testid="cancel-appointment"]').count()).resolves.toBe(0);
    const token = await signIn(`h5-demo-booking-${runTag}`);
    const stored = await call<{ status: string }>(apiUrl(), 'GET', `/v1/appointments/${appointmentId}`, {
      token,
    });
    expect(stored.body.status).toBe('cancelled');
    await screenshot(page, 'booking-10-cancelled');
  });

  it('pays through the sandbox pay page and shows the receipt and the check-in code', async () => {
    // Prepare: a new hold for the same patient
    const token = await signIn(`h5-demo-booking-${runTag}`);
    const slot = target.slots.find((s) => s.remainingOnline > 0);
    const held = await call<{ id: string }>(apiUrl(), 'POST', '/v1/appointments', {
      token,
      body: { slotId: slot?.id, patientId: patient.id },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(held.status).toBe(201);
    paidId = held.body.id;
    // What the weapp's subscribe prompt records on acceptance (H5 has no prompt).
    const accepted = await call(apiUrl(), 'POST', '/v1/message-subscriptions', {
      token,
      body: { accepted: ['payment_succeeded'] },
    });
    expect(accepted.status).toBe(200);
    await page.goto(`${webUrl()}/#/pages/appointment-detail/index?id=${paidId}`);
    // Act
    await byTestId('pay-button').click({ timeout: 30_000 });
    await page.locator('#sandbox-pay').waitFor({ timeout: 15_000 });
    await screenshot(page, 'booking-11-sandbox-pay');
    await page.locator('#sandbox-pay').click();
    // Assess
    await page
      .locator('[data-testid="sandbox-result"]', { hasText: '支付成功' })
      .waitFor({ timeout: 30_000 });
    await expect(byTestId('status-tag').textContent()).resolves.toBe('已预约');
    await byTestId('receipt').waitFor({ timeout: 15_000 });
    await expect(byTestId('receipt').textContent()).resolves.toContain(
      `¥${((slot?.feeFen ?? 0) / 100).toFixed(2)}`,
    );
    await byTestId('check-in-qr').waitFor({ timeout: 15_000 });
    await screenshot(page, 'booking-12-paid');
    const stored = await call<{ status: string }>(apiUrl(), 'GET', `/v1/appointments/${paidId}`, { token });
    expect(stored.body.status).toBe('booked');
  });

  it('says the fee goes back when a paid booking is cancelled', async () => {
    // Act
    await byTestId('cancel-appointment').click({ timeout: 15_000 });
    const dialog = page.locator('.taro-modal__content');
    await dialog.waitFor({ timeout: 10_000 });
    await expect(dialog.textContent()).resolves.toContain('原路退回');
    await page.locator('.taro-model__confirm').click();
    // Assess
    await page.locator('[data-testid="status-tag"]', { hasText: '已取消' }).waitFor({ timeout: 15_000 });
    await byTestId('refund-note').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="refund"]').first().waitFor({ timeout: 15_000 });
    await expect(byTestId('refund').textContent()).resolves.toMatch(/退款|已退款/);
    await byTestId('receipt').scrollIntoViewIfNeeded();
    await screenshot(page, 'booking-13-refund');
  });

  it('lists on 演示：已发送消息 what the local recorder sent instead of WeChat and SMS', async () => {
    // Prepare: the log only grows, so the page shows at least what the API lists now
    const sent = await call<{ items: { id: string }[] }>(apiUrl(), 'GET', '/v1/dev/sent-messages');
    expect(sent.status).toBe(200);
    // Act
    await page.goto(`${webUrl()}/`);
    await byTestId('entry-sent-messages').click({ timeout: 30_000 });
    await page
      .locator('[data-testid="page-sent-messages"] [data-testid^="sent-"], [data-testid="state-empty"]')
      .first()
      .waitFor({ timeout: 15_000 });
    // Assess
    const rows = await page.locator('[data-testid^="sent-"]').count();
    expect(rows).toBeGreaterThanOrEqual(sent.body.items.length);
    await expect(page.locator('[data-testid="state-empty"]').count()).resolves.toBe(rows === 0 ? 1 : 0);
    await screenshot(page, 'booking-14-sent-messages');
  });

  it('shows a full session as 约满 in the grid and offers 候补 on its slots page', async () => {
    // Prepare: another session of the department, every online number taken
    const [full] = (await bookableSessions(department.id)).filter((s) => s.id !== target.id);
    if (!full) throw new Error('no second bookable session to fill');
    await fillSession(full);
    // Act
    await page.goto(`${webUrl()}/#/pages/schedule/index?departmentId=${department.id}`);
    const cell = byTestId(`cell-${full.id}`);
    await cell.waitFor({ timeout: 30_000 });
    // Assess
    await expect(cell.getAttribute('data-state')).resolves.toBe('full');
    await expect(cell.textContent()).resolves.toContain('约满');
    await cell.scrollIntoViewIfNeeded();
    await screenshot(page, 'booking-15-grid-full');
    await cell.click();
    await byTestId('session-full').waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-testid^="slot-"][data-remaining="0"]').count()).resolves.toBe(
      full.slots.length,
    );
    await screenshot(page, 'booking-16-slots-full');
  });

  it('joins the 候补 queue of the full session and lists it in 我的候补', async () => {
    // Act: 加入候补 on the full session's slots page, then choose the patient
    await byTestId('join-waitlist').click({ timeout: 15_000 });
    await byTestId(`choose-patient-${patient.id}`).click({ timeout: 15_000 });
    // Assess
    const entry = page.locator('[data-testid^="waitlist-"][data-status="waiting"]').first();
    await entry.waitFor({ timeout: 15_000 });
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain('候补中');
    expect(text).toContain(patient.name);
    expect(text).toMatch(/排第 1 位/);
    await screenshot(page, 'booking-17-waitlist');
  });

  it('lets the 门诊部 suspend a session and the patient choose 退号 from the offer', async () => {
    // Prepare: the patient holds a number in another session of the department
    const [session] = (await bookableSessions(department.id)).filter((s) => s.id !== target.id);
    if (!session) throw new Error('no session left to suspend');
    const slot = session.slots.find((s) => s.remainingOnline > 0);
    const patientToken = await signIn(`h5-demo-booking-${runTag}`);
    const held = await call<{ id: string }>(apiUrl(), 'POST', '/v1/appointments', {
      token: patientToken,
      body: { slotId: slot?.id, patientId: patient.id },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(held.status).toBe(201);
    const staffToken = await devToken(apiUrl(), `demo-outpatient-staff-${runTag}`, 'outpatient_staff');
    await page.evaluate(
      `localStorage.setItem('jiuyi.token', ${JSON.stringify(JSON.stringify({ data: staffToken }))}); localStorage.removeItem('jiuyi.refreshToken');`,
    );
    // Act: staff suspend it with a reason
    await page.goto(`${webUrl()}/#/subpackages/staff/home/index`);
    await page.reload();
    await byTestId('staff-suspend').click({ timeout: 30_000 });
    await byTestId(`staff-dept-${department.id}`).click({ timeout: 15_000 });
    await byTestId(`staff-session-${session.id}`).click({ timeout: 15_000 });
    await page.locator('[data-testid="suspend-reason"] input').fill('医生临时外出会诊');
    await byTestId('suspend-submit').click();
    await page.locator('.taro-model__confirm').click();
    // Assess: the displaced booking has an offer, then the patient answers it
    await byTestId(`offer-${held.body.id}`).waitFor({ timeout: 15_000 });
    await expect(byTestId(`offer-${held.body.id}`).textContent()).resolves.toContain(patient.name);
    await screenshot(page, 'booking-18-staff-suspended');
    await page.evaluate(`localStorage.removeItem('jiuyi.token')`);
    await page.goto(`${webUrl()}/#/pages/appointment-detail/index?id=${held.body.id}`);
    await page.reload();
    await byTestId('suspension-offer').waitFor({ timeout: 30_000 });
    await screenshot(page, 'booking-19-suspension-offer');
    await byTestId('suspension-cancel').click();
    await page.locator('.taro-model__confirm').click();
    await byTestId('suspension-resolved').waitFor({ timeout: 15_000 });
    await expect(byTestId('suspension-resolved').textContent()).resolves.toContain('退号');
    await expect(byTestId('status-tag').textContent()).resolves.toBe('已取消');
  });

  it('lays out home, the grid and the confirm page in 大字模式', async () => {
    // Prepare
    await page.evaluate(`localStorage.setItem('jiuyi.largeText', '{"data":true}')`);
    const [open] = await bookableSessions(department.id);
    if (!open) throw new Error('no bookable session left');
    const slot = open.slots.find((s) => s.remainingOnline > 0);
    // Act
    await page.goto(`${webUrl()}/#/pages/schedule/index?departmentId=${department.id}`);
    await page.reload();
    await byTestId(`cell-${open.id}`).waitFor({ timeout: 30_000 });
    // Assess
    await expect(page.locator('.page--large').count()).resolves.toBeGreaterThan(0);
    await page.goto(`${webUrl()}/`);
    await byTestId(`quick-dept-${department.id}`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'booking-21-home-large');
    await page.goto(`${webUrl()}/#/pages/schedule/index?departmentId=${department.id}`);
    await byTestId(`cell-${open.id}`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'booking-22-grid-large');
    const query = `departmentId=${department.id}&date=${open.date}&sessionId=${open.id}&slotId=${slot?.id ?? ''}&patientId=${patient.id}`;
    await page.goto(`${webUrl()}/#/pages/booking-confirm/index?${query}`);
    await byTestId('confirm-booking').waitFor({ timeout: 30_000 });
    await expect(byTestId('confirm-patient').textContent()).resolves.toContain(patient.name);
    await screenshot(page, 'booking-23-confirm-large');
    await page.evaluate(`localStorage.removeItem('jiuyi.largeText')`);
  });
});
