import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT } from '../../support/build';

/** Debian's Chromium; override with CXBOARD_CHROMIUM for another build. */
export const CHROMIUM_PATH = process.env.CXBOARD_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = `${ROOT}test-results/screenshots`;

/** Launches headless Chromium the way every e2e test and benchmark here does. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface AppPageOptions {
  /** Browser UI language (navigator.languages), e.g. 'en-US' (default) or 'ru-RU'. */
  locale?: string;
  viewport?: { width: number; height: number };
  /** Reuse a context (same origin storage: IndexedDB, localStorage, clipboard). */
  context?: BrowserContext;
}

/** Page errors and console errors seen on a page, for tests to assert there were none. */
export interface PageProblems {
  errors: string[];
}

/**
 * Opens the app at `url` in a new page (in a new context unless one is given), with the
 * clipboard permitted so copy/paste works headless. Collects uncaught errors and console
 * errors in the returned `problems`.
 */
export async function openApp(
  browser: Browser,
  url: string,
  options: AppPageOptions = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context =
    options.context ??
    (await browser.newContext({
      locale: options.locale ?? 'en-US',
      viewport: options.viewport ?? { width: 1400, height: 900 },
    }));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { context, page, problems };
}

/** Saves a full-page screenshot as a test artifact: test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name.replace(/[^\w.-]+/g, '-')}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
