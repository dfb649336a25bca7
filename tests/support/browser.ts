import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { e2eClockSet, e2eNow } from './e2e-clock';

export const ARTIFACTS = resolve(__dirname, '../e2e/artifacts');

/**
 * Debian's Chromium, headless, with a fresh profile and the flags this machine's closed network needs;
 * in the e2e project its pages run on the stack's set clock.
 */
export async function openPhoneBrowser(): Promise<{
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'jiuyi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // The H5 app reads the same set clock as the stack (it then runs on in real time).
  if (e2eClockSet()) await context.clock.install({ time: e2eNow() });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under the git-ignored artifacts folder. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Taro H5 slides a new page in; let the transition finish so the picture shows the page itself.
  await page.waitForTimeout(600);
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** The e2e stack's web URL, set by the e2e global setup. */
export function webUrl(): string {
  const url = process.env.JIUYI_E2E_WEB_URL;
  if (!url) throw new Error('JIUYI_E2E_WEB_URL is not set: run through the e2e jest project');
  return url;
}
