import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { ExportFormat } from '../../shared/export';

/**
 * The drawing formats (png, svg, pdf, pptx) on the command line: the board is drawn by the
 * app itself, so they run the built renderer in headless Chromium (playwright-core, the
 * browser the e2e tests use) and call its `window.cxHeadlessExport`
 * (src-renderer/export/headless.ts), the same code as the Export dialog. The app's files are
 * served to the page from `out/renderer` by request interception: no port is opened.
 */

/** Formats drawn by the browser engine. */
export const BROWSER_FORMATS: readonly ExportFormat[] = ['png', 'svg', 'pdf', 'pptx'];

/** Chromium to use: $CXBOARD_CHROMIUM, else Debian's. */
export const CHROMIUM_PATH = process.env.CXBOARD_CHROMIUM ?? '/usr/bin/chromium';

/** What to draw (the page-side `ExportScope`). */
export type BrowserScope =
  | { kind: 'board' }
  | { kind: 'frame'; id: string }
  | { kind: 'selection'; ids: string[] };

export interface BrowserExportRequest {
  boardBytes: Uint8Array;
  scope: BrowserScope;
  format: ExportFormat;
  options: Record<string, unknown>;
  language: string;
  redactAllQuotes: boolean;
}

/** A refusal to print as is (exit code 1): no Chromium, no build. */
export class BrowserUnavailableError extends Error {}

/** The repository root: from the working folder up to the package.json of cx-board. */
function repositoryRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'cx-board') return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

const ORIGIN = 'http://cxboard.export';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A headless Chromium with the built app, for one or more drawing exports. */
export interface ExportBrowser {
  run(request: BrowserExportRequest): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Starts Chromium for drawing exports; refuses with a clear message when it or the build is missing. */
export async function openExportBrowser(): Promise<ExportBrowser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new BrowserUnavailableError(
      `PNG, SVG, PDF and PPTX export from the command line draws the board with Chromium, which was not found at ${CHROMIUM_PATH}. Install it (Debian: apt-get install chromium) or set CXBOARD_CHROMIUM to a Chromium or Chrome executable. (xlsx, csv and md need no browser.)`,
    );
  const rendererDir = join(repositoryRoot(), 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new BrowserUnavailableError(
      `PNG, SVG, PDF and PPTX export draws the board with the built app, and ${rendererDir} has no build: run \`npm run build:renderer\` (or \`npm run build\`) first.`,
    );
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const run = async (request: BrowserExportRequest): Promise<Uint8Array> => {
    const context = await browser.newContext({ locale: request.language === 'ru' ? 'ru-RU' : 'en-US' });
    try {
      await context.route(`${ORIGIN}/**`, async (route) => {
        const path = normalize(
          join(rendererDir, decodeURIComponent(new URL(route.request().url()).pathname)),
        );
        if (!path.startsWith(rendererDir + sep)) return route.fulfill({ status: 403 });
        try {
          const body = await readFile(path);
          await route.fulfill({
            status: 200,
            body,
            contentType: TYPES[extname(path)] ?? 'application/octet-stream',
          });
        } catch {
          await route.fulfill({ status: 404 });
        }
      });
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/index.html#/headless-export`);
      await page.waitForFunction(() => 'cxHeadlessExport' in globalThis);
      const base64 = await page.evaluate(
        (req) =>
          (globalThis as unknown as { cxHeadlessExport(r: unknown): Promise<string> }).cxHeadlessExport(req),
        {
          board: Buffer.from(request.boardBytes).toString('base64'),
          scope: request.scope,
          format: request.format,
          options: request.options,
          language: request.language,
          redactAllQuotes: request.redactAllQuotes,
        },
      );
      return new Uint8Array(Buffer.from(base64, 'base64'));
    } finally {
      await context.close();
    }
  };
  return { run, close: () => browser.close() };
}

/** Runs one drawing export in its own headless Chromium and returns the file's bytes. */
export async function exportInBrowser(request: BrowserExportRequest): Promise<Uint8Array> {
  const browser = await openExportBrowser();
  try {
    return await browser.run(request);
  } finally {
    await browser.close();
  }
}
