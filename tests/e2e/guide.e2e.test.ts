import type { Page } from 'playwright-core';
import { openPhoneBrowser, screenshot, webUrl } from '../support/browser';

jest.setTimeout(90_000);

let browser: Awaited<ReturnType<typeof openPhoneBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openPhoneBrowser();
  page = browser.page;
});
afterAll(async () => browser.close());

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`).first();

describe('the service guide in the H5 app (headless Chromium)', () => {
  it('shows the eleven service entries on the home page', async () => {
    // Act
    await page.goto(`${webUrl()}/`);
    await byTestId('service-registration').waitFor({ timeout: 30_000 });
    // Assess
    const entries = await page.locator('[data-testid^="service-"]').count();
    expect(entries).toBeGreaterThanOrEqual(11);
    await expect(page.textContent('body')).resolves.toContain('挂号服务');
    await screenshot(page, 'home');
  });

  it('searches the guide and finds records copy', async () => {
    // Prepare
    await page.goto(`${webUrl()}/#/pages/guide/index`);
    const input = page
      .locator('[data-testid="search-input"] input, input[data-testid="search-input"]')
      .first();
    await input.waitFor({ timeout: 30_000 });
    // Act
    await input.fill('复印');
    await byTestId('search-submit').click();
    // Assess
    await byTestId('service-records-copy').waitFor({ timeout: 15_000 });
    await expect(byTestId('result-count').textContent()).resolves.toMatch(/\d/);
    await screenshot(page, 'guide-search');
  });

  it('opens a service with its documents and a tap-to-call phone', async () => {
    // Act
    await byTestId('service-records-copy').click();
    await byTestId('detail-name').waitFor({ timeout: 15_000 });
    // Assess
    await expect(byTestId('detail-name').textContent()).resolves.toContain('病案');
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('需提供');
    expect(body).toMatch(/0411-\d{8}/);
    await screenshot(page, 'guide-detail');
  });

  it('says so when nothing matches', async () => {
    await page.goto('about:blank');
    await page.goto(`${webUrl()}/#/pages/guide/index`);
    const input = page
      .locator('[data-testid="search-input"] input, input[data-testid="search-input"]')
      .first();
    await input.waitFor({ timeout: 30_000 });
    await input.fill('火星旅行');
    await byTestId('search-submit').click();
    await byTestId('state-empty').waitFor({ timeout: 15_000 });
    await expect(byTestId('state-empty').textContent()).resolves.toContain('未找到');
  });
});
