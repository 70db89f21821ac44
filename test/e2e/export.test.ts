import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBoardFile } from '../../shared/board/file';
import { buildExportBoard, EXPORT_FIXTURE } from '../fixtures/exportBoard';
import { browserApp, canvas, type PageProblems, waitForStartScreen } from './support';

const app = browserApp();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxboard-export-e2e-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.sequential('export a frame from the Export dialog', () => {
  let page: Page;
  let problems: PageProblems;

  it('opens the fixture board', async () => {
    const file = join(dir, 'fixture.cxboard');
    writeFileSync(file, serializeBoardFile(buildExportBoard().board));
    ({ page, problems } = await app.open());
    await waitForStartScreen(page);
    await page.getByLabel('Import a .cxboard file').setInputFiles(file);
    await canvas(page).waitFor();
    await expect.poll(() => canvas(page).locator('.react-flow__node-journey').count()).toBe(2);
  });

  it('exports the first journey map as a PNG at 2× on white', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'A frame' }).check();
    await dialog
      .getByRole('combobox', { name: 'Frame' })
      .selectOption({ label: `Journey map: ${EXPORT_FIXTURE.journeyTitle}` });
    await dialog.getByRole('combobox', { name: 'File format' }).selectOption({ label: 'PNG picture' });
    await dialog.getByRole('combobox', { name: 'Size' }).selectOption({ label: '2×' });
    const downloadPromise = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const path = join(dir, 'frame.png');
    await download.saveAs(path);
    const bytes = readFileSync(path);
    const { width, height } = pngSize(bytes);
    const frame = await canvas(page).locator('.react-flow__node-journey').first().boundingBox();
    expect(frame).not.toBeNull();
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(200);
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('exports the same frame as a PDF whose text holds the stages and not the redacted quote', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'A frame' }).check();
    await dialog
      .getByRole('combobox', { name: 'Frame' })
      .selectOption({ label: `Journey map: ${EXPORT_FIXTURE.journeyTitle}` });
    await dialog.getByRole('combobox', { name: 'File format' }).selectOption({ label: 'PDF document' });
    const downloadPromise = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = join(dir, 'frame.pdf');
    await download.saveAs(path);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    for (const stage of EXPORT_FIXTURE.stages) expect(text).toContain(stage);
    expect(text).toContain(EXPORT_FIXTURE.quotes[0]!.split(' ')[0]);
    expect(text).not.toContain('Иванов');
    expect(problems.errors).toEqual([]);
  });
});
