import type { Page } from 'playwright-core';
import { openPhoneBrowser, screenshot, webUrl } from '../support/browser';
import { makeResidentId, withWrongCheckDigit } from '../support/identities';

jest.setTimeout(120_000);

let browser: Awaited<ReturnType<typeof openPhoneBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openPhoneBrowser();
  page = browser.page;
});
afterAll(async () => browser.close());

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`).first();
/** Taro H5 wraps each input in a taro-input-core host that carries the data-testid. */
const inputOf = (id: string) =>
  page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first();

// A fictional person no other e2e test registers: Dalian Zhongshan district, born 1952-03-14.
const validId = makeResidentId('210202', '19520314', '517');
const wrongId = withWrongCheckDigit(validId);

describe('就诊人 profiles in the H5 app (headless Chromium)', () => {
  it('opens 就诊人管理 from the home page and shows the empty state', async () => {
    // Act
    await page.goto(`${webUrl()}/`);
    await byTestId('entry-patients').click({ timeout: 30_000 });
    // Assess
    await byTestId('state-empty').waitFor({ timeout: 15_000 });
    await expect(byTestId('page-patients').textContent()).resolves.toContain('还没有就诊人');
    await expect(byTestId('patient-limit').textContent()).resolves.toContain('最多添加 5 位');
    await screenshot(page, 'patients-empty');
  });

  it('shows the check-digit message inline and creates nothing for a wrong resident ID', async () => {
    // Prepare
    await byTestId('add-patient').click();
    await inputOf('name-input').waitFor({ timeout: 15_000 });
    await inputOf('name-input').fill('王秀兰');
    // Act: type the wrong number, then move on to the phone field
    await inputOf('id-number-input').fill(wrongId);
    await inputOf('phone-input').click();
    // Assess
    await byTestId('error-idNumber').waitFor({ timeout: 10_000 });
    await expect(byTestId('error-idNumber').textContent()).resolves.toContain('校验位');
    // Submitting anyway stays on the form with the message and the other missing fields flagged
    await inputOf('phone-input').fill('13912345678');
    await byTestId('patient-submit').click();
    await byTestId('error-relation').waitFor({ timeout: 10_000 });
    await expect(byTestId('error-idNumber').textContent()).resolves.toContain('校验位');
    await expect(page.locator('[data-testid="page-patient-form"]').isVisible()).resolves.toBe(true);
    await screenshot(page, 'patient-form-check-digit');
  });

  it('adds the profile once the number is fixed and lists it masked', async () => {
    // Prepare
    await inputOf('id-number-input').fill(validId);
    await byTestId('relation-family').click();
    await expect(page.locator('[data-testid="error-idNumber"]').count()).resolves.toBe(0);
    // Act
    await byTestId('patient-submit').click();
    // Assess: back on the list with exactly one profile, so the wrong number created nothing
    const card = page.locator('[data-testid^="patient-card-"]');
    await card.first().waitFor({ timeout: 15_000 });
    await expect(card.count()).resolves.toBe(1);
    const text = (await card.first().textContent()) ?? '';
    expect(text).toContain('王秀兰');
    expect(text).toContain('家人');
    expect(text).not.toContain(validId);
    expect(text).not.toContain('13912345678');
    const masked = (await card.first().locator('[data-testid="patient-id-number"]').textContent()) ?? '';
    // Only the last 4: the address code and the birth date stay hidden.
    expect(masked).toMatch(/^\*{14}\d{3}[\dX]$/);
    expect(masked.slice(-4)).toBe(validId.slice(-4));
    expect(text).not.toContain('1952');
    expect(text).not.toContain('0314');
    await expect(card.first().locator('[data-testid="patient-real-name"]').textContent()).resolves.toBe(
      '已实名',
    );
    await screenshot(page, 'patients-list');
  });

  it('edits the phone while the verified name and the document stay read-only and masked', async () => {
    // Prepare
    await page.locator('[data-testid^="patient-edit-"]').first().click();
    await byTestId('fixed-document').waitFor({ timeout: 15_000 });
    // Assess the read-only document and the locked, verified name
    const fixed = (await byTestId('fixed-document').textContent()) ?? '';
    expect(fixed).toContain('证件信息不可修改，如需更换请新增就诊人');
    expect(fixed).not.toContain(validId);
    await expect(page.locator('[data-testid="id-number-input"]').count()).resolves.toBe(0);
    await expect(inputOf('name-input').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'patient-form-edit');
    // Act
    await inputOf('phone-input').fill('13812345678');
    await byTestId('patient-submit').click();
    // Assess
    await page
      .locator('[data-testid="patient-phone"]', { hasText: '138****5678' })
      .waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-testid^="patient-card-"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="patient-name"]').first().textContent()).resolves.toBe('王秀兰');
  });

  it('asks before deleting, keeps the profile on 不删除 and removes it on 删除', async () => {
    // Act: open the dialog and decline
    await page.locator('[data-testid^="patient-delete-"]').first().click();
    const dialog = page.locator('.taro-modal__content');
    await dialog.waitFor({ timeout: 10_000 });
    await expect(dialog.textContent()).resolves.toContain('王秀兰');
    await screenshot(page, 'patient-delete-confirm');
    await page.locator('.taro-model__cancel').click();
    await expect(page.locator('[data-testid^="patient-card-"]').count()).resolves.toBe(1);
    // Act: delete for real
    await page.locator('[data-testid^="patient-delete-"]').first().click();
    await page.locator('.taro-model__confirm').click();
    // Assess
    await byTestId('state-empty').waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-testid^="patient-card-"]').count()).resolves.toBe(0);
  });

  it('offers the persona switcher on the local stack and opens the expert home', async () => {
    // Prepare
    await page.goto(`${webUrl()}/`);
    await byTestId('entry-persona').click({ timeout: 30_000 });
    await byTestId('persona-referral_centre').waitFor({ timeout: 15_000 });
    await screenshot(page, 'persona');
    // Act
    await byTestId('persona-expert').click();
    // Assess
    await byTestId('page-doctor-home').waitFor({ timeout: 15_000 });
    await expect(byTestId('page-doctor-home').textContent()).resolves.toContain('医生工作台');
  });
});
