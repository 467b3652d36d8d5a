import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; the test run's global set-up installs it when missing (support/chromium). */
import { CHROMIUM } from '../support/chromium';

export { CHROMIUM };
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium, headless, with a fresh profile that is removed again on close. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'ledger-dashboard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Danish date fields (dd.mm.åååå), as the alliance's users see them.
      '--lang=da-DK',
    ],
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** How many times the dashboard has finished drawing a page (body[data-renders]). */
export async function renders(page: Page): Promise<number> {
  return Number((await page.getAttribute('body', 'data-renders')) ?? 0);
}

/** Waits until the dashboard has finished drawing `name` (its render counter moved past `after`). */
export async function rendered(page: Page, name: string, after = 0): Promise<number> {
  // A function, not a string: the dashboard's content security policy forbids eval.
  await page.waitForFunction(
    ([expected, previous]) => {
      const { dataset } = (globalThis as unknown as InPage).document.body;
      return dataset.page === expected && Number(dataset.renders ?? 0) > previous;
    },
    [name, after] as const,
  );
  return renders(page);
}

/**
 * The page's globals, for functions that run in the page (the tests' TypeScript has no DOM):
 * `(globalThis as unknown as InPage).document`. A type only: such functions are sent to the
 * browser as source and cannot call anything of this file.
 */
export interface InPage {
  document: {
    body: { dataset: Record<string, string | undefined> };
    querySelector(selector: string): { value?: string } | null;
  };
}

/** The numbers a chart on screen plots (window.__ledgerDashboard, set by apps/dashboard). */
export async function chartData(page: Page, chart: string): Promise<Array<Array<number | null>>> {
  return page.evaluate((name) => {
    const hooks = (
      globalThis as unknown as {
        __ledgerDashboard?: {
          charts: Record<string, { data: { datasets: Array<{ data: Array<number | null> }> } }>;
        };
      }
    ).__ledgerDashboard;
    const found = hooks?.charts[name];
    return found ? found.data.datasets.map((d) => [...d.data]) : [];
  }, chart);
}

/** "1.234" (da-DK) as 1234. */
export function danishNumber(text: string | null): number {
  return Number((text ?? '').replace(/\./g, '').replace(/\s/g, '').replace(',', '.'));
}
