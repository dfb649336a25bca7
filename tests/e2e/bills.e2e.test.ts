import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { BillListResponse } from '@jiuyi/shared';
import { startWebServer } from '../../functions/src/local/web-server';
import { openPhoneBrowser, screenshot } from '../support/browser';
import { listBills, patientWithVisit, startBillStack } from '../support/bill-fixtures';
import type { BillStack } from '../support/bill-fixtures';
import { findFreePort } from '../support/ports';

jest.setTimeout(180_000);

/**
 * Bills exist only after a visit has begun, so this test runs its own API on a clock set to the
 * morning of a visit (bill-fixtures), with its own web server for the same H5 build.
 */
let stack: BillStack;
let web: Server;
let webUrl: string;
let browser: Awaited<ReturnType<typeof openPhoneBrowser>>;
let page: Page;
let visit: Awaited<ReturnType<typeof patientWithVisit>>;

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`).first();

beforeAll(async () => {
  stack = await startBillStack();
  visit = await patientWithVisit(stack, 'e2e-bills');
  const port = await findFreePort();
  web = await startWebServer({
    port,
    root: join(resolve(__dirname, '../..'), 'miniprogram', 'dist-h5'),
    apiPort: Number(new URL(stack.api.url).port),
  });
  webUrl = `http://127.0.0.1:${port}`;
  browser = await openPhoneBrowser();
  page = browser.page;
  // Taro's H5 storage keeps each value as {"data": …}: start signed in as the visit's account.
  const token = JSON.stringify(JSON.stringify({ data: visit.token }));
  await browser.context.addInitScript({
    content: `if (!localStorage.getItem('jiuyi.token')) localStorage.setItem('jiuyi.token', ${token});`,
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (web ? web.close(() => done(undefined)) : done(undefined)));
  await stack?.stop();
});

describe('门诊缴费 in the H5 app (headless Chromium)', () => {
  it('pays some of the unpaid items through the sandbox pay page and lists them as paid', async () => {
    // Prepare
    const before = (await listBills(stack, visit.token, visit.patientId)).body as BillListResponse;
    const items = before.unpaid.flatMap((o) => o.items);
    const [left, ...paid] = items;
    if (!left || paid.length === 0) throw new Error('the demo HIS gave fewer than two unpaid items');
    await page.goto(`${webUrl}/#/pages/bills/index?patientId=${visit.patientId}`);
    await byTestId('bill-pay').waitFor({ timeout: 30_000 });
    await expect(byTestId('bill-total').textContent()).resolves.toContain(
      `¥${(before.unpaidTotalFen / 100).toFixed(2)}`,
    );

    // Act: untick one item, pay the rest on the sandbox page
    await byTestId(`bill-item-${left.id}`).click();
    const paidFen = paid.reduce((sum, i) => sum + i.lineTotalFen, 0);
    await expect(byTestId('bill-pay').textContent()).resolves.toContain(`¥${(paidFen / 100).toFixed(2)}`);
    await screenshot(page, 'bills-2-selected');
    await byTestId('bill-pay').click();
    await page.locator('#sandbox-pay').click({ timeout: 15_000 });

    // Assess: back on the page, the paid items sit under 已缴费 and only the unticked one is left
    await page
      .locator('[data-testid="bill-paid-banner"]', { hasText: '缴费成功' })
      .waitFor({ timeout: 30_000 });
    await byTestId(`bill-item-${left.id}`).waitFor({ timeout: 15_000 });
    await expect(byTestId('bills-unpaid').textContent()).resolves.toContain('全选（1 项）');
    for (const item of paid) await expect(byTestId('bills-paid').textContent()).resolves.toContain(item.name);
    await screenshot(page, 'bills-3-paid');
    const after = (await listBills(stack, visit.token, visit.patientId)).body as BillListResponse;
    expect(after.unpaid.flatMap((o) => o.items).map((i) => i.id)).toEqual([left.id]);
  });

  it('asks back a paid item that was never executed, after a reason and a confirm dialog', async () => {
    // Prepare: a paid item not yet executed
    const bills = (await listBills(stack, visit.token, visit.patientId)).body as BillListResponse;
    const item = bills.paid.flatMap((o) => o.items).find((i) => i.status === 'paid' && !i.executed);
    if (!item) throw new Error('no refundable item');

    // Act
    await byTestId(`bill-item-${item.id}`).click();
    await page.locator('[data-testid="bill-refund-reason"] input').fill('检查已取消');
    await byTestId('bill-refund-submit').click();
    await page.locator('.taro-modal__content').waitFor({ timeout: 10_000 });
    await expect(page.locator('.taro-modal__content').textContent()).resolves.toContain(
      `¥${(item.lineTotalFen / 100).toFixed(2)}`,
    );
    await page.locator('.taro-model__confirm').click();

    // Assess
    await page
      .locator(`[data-testid="bill-item-${item.id}"]`, { hasText: '已退费' })
      .waitFor({ timeout: 30_000 });
    await byTestId(`bill-item-${item.id}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'bills-4-refunded');
    const after = (await listBills(stack, visit.token, visit.patientId)).body as BillListResponse;
    const stored = after.paid.flatMap((o) => o.items).find((i) => i.id === item.id);
    expect(stored?.status).toBe('refunded');
  });
});
