import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support';
import { type DesktopHarness, startDesktopApp } from './support/desktopBridge';

/**
 * Saving an export in the desktop app: the real main process (IPC router, the `export:save`
 * handler, atomic write) in this process, its window in Chromium with the built preload, a
 * real folder. Only the native Save dialog is answered by the test. The page sends bytes,
 * a file name and a format through `window.cxDesktop.saveExport`, exactly as the export UI
 * does; the folder comes from the dialog alone.
 */
let browser: Browser;
let folder: string;
let app: DesktopHarness;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  folder = await mkdtemp(join(tmpdir(), 'cx-desktop-export-'));
  app = await startDesktopApp(browser, { userData: join(folder, 'profile'), locale: 'ru-RU' });
  page = (await app.window()).page;
  // The start screen is enough: saving an export needs the window, not a board.
  await page.getByRole('button', { name: 'Новая доска-файл' }).waitFor();
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Calls the preload's saveExport from the page with `request` (bytes given as numbers). */
function saveExportFromPage(request: { bytes: number[]; suggestedName: string; format: string }) {
  return page.evaluate(async (r) => {
    const api = (globalThis as unknown as { cxDesktop: { saveExport(x: unknown): Promise<unknown> } })
      .cxDesktop;
    try {
      return await api.saveExport({ ...r, bytes: new Uint8Array(r.bytes) });
    } catch (error) {
      return { thrown: (error as Error).message };
    }
  }, request);
}

const CSV = [...new TextEncoder().encode('\uFEFFЭтап;Боль\r\nОнбординг;5\r\n')];

describe('desktop export saving (real main process, Chromium window)', () => {
  it('shows the Save dialog in the UI language with the suggested name, and writes the file there', async () => {
    const target = join(folder, 'Матрица ИИ.csv');
    const asked = app.dialogs.expectSave(target);
    const result = await saveExportFromPage({ bytes: CSV, suggestedName: 'Матрица ИИ.csv', format: 'csv' });
    expect(await asked).toMatchObject({ kind: 'save', title: 'Экспорт', defaultPath: 'Матрица ИИ.csv' });
    expect(result).toEqual({ status: 'saved', name: 'Матрица ИИ.csv' });
    expect([...new Uint8Array(await readFile(target))]).toEqual(CSV);
  });

  it('cancelling the dialog writes nothing', async () => {
    const before = await readdir(folder);
    const asked = app.dialogs.expectSave(null);
    const result = await saveExportFromPage({ bytes: CSV, suggestedName: 'Отмена.csv', format: 'csv' });
    await asked;
    expect(result).toEqual({ status: 'cancelled' });
    expect(await readdir(folder)).toEqual(before);
  });

  it('refuses a path, a wrong extension or bytes of another format before any dialog opens', async () => {
    const before = await readdir(folder);
    const attempts = [
      { bytes: CSV, suggestedName: '../../escape.csv', format: 'csv' },
      { bytes: CSV, suggestedName: join(folder, 'abs.csv'), format: 'csv' },
      { bytes: CSV, suggestedName: 'matrix.sh', format: 'csv' },
      { bytes: [0x4d, 0x5a, 0x90, 0], suggestedName: 'matrix.xlsx', format: 'xlsx' },
      { bytes: CSV, suggestedName: 'matrix.exe', format: 'exe' },
    ];
    for (const attempt of attempts) {
      const result = (await saveExportFromPage(attempt)) as { thrown?: string };
      expect(result.thrown, JSON.stringify(attempt.suggestedName)).toMatch(/argument|invalid/i);
    }
    expect(app.dialogs.unexpected).toEqual([]);
    expect(await readdir(folder)).toEqual(before);
  });
});
