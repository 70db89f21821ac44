import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  canvas,
  newBoard,
  node,
  type PageProblems,
  saveScreenshot,
  browserApp,
  waitForStartScreen,
} from './support';

const app = browserApp();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxboard-start-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// One story in steps; each step starts where the previous one ended.
describe.sequential('start screen', () => {
  let page: Page;
  let problems: PageProblems;
  let exported: string;

  it('shows no boards at first', async () => {
    ({ page, problems } = await app.open());
    await waitForStartScreen(page);
    expect(await page.getByText('No boards yet').count()).toBe(1);
  });

  it('opens a journey template as a board with a journey map, which takes a title and a sticky', async () => {
    await newBoard(page, 'Customer journey map');
    await expect.poll(() => canvas(page).locator('.react-flow__node-journey').count()).toBe(1);
    await page.getByRole('textbox', { name: 'Board title' }).fill('Onboarding');
    await page.keyboard.press('Enter');
    // From the keyboard, a creation tool places its element in the middle of the view.
    await page
      .getByRole('toolbar', { name: 'Tools' })
      .getByRole('button', { name: 'Sticky note' })
      .press('Enter');
    await page.getByRole('textbox', { name: 'Sticky note text' }).fill('Exported note');
    await page.keyboard.press('Escape');
    await node(page, 'Sticky note: Exported note').waitFor();
  });

  it('exports the board as a .cxboard file named after it', async () => {
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .cxboard' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('Onboarding.cxboard');
    exported = join(dir, 'exported.cxboard');
    await download.saveAs(exported);
    expect(JSON.parse(readFileSync(exported, 'utf8')).format).toBe('cxboard');
  });

  it('lists the board on the start screen and renames it there', async () => {
    await page.getByRole('button', { name: 'All boards' }).click();
    await page.getByRole('button', { name: 'Open Onboarding' }).waitFor();
    await page.getByRole('button', { name: 'Rename Onboarding' }).click();
    await page.getByRole('textbox', { name: 'New title' }).fill('Onboarding v2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Open Onboarding v2' }).waitFor();
  });

  it('refuses a bad file with a clear message and adds nothing', async () => {
    const bad = join(dir, 'bad.cxboard');
    writeFileSync(bad, '{"format":"cxboard","formatVersion":1,"schemaVersion":1,"ydoc":');
    await page.getByLabel('Import a .cxboard file').setInputFiles(bad);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('not a board file');
    expect(await page.getByRole('listitem').count()).toBe(1);
    const notBoard = join(dir, 'notes.cxboard');
    writeFileSync(notBoard, JSON.stringify({ hello: 'world' }));
    await page.getByLabel('Import a .cxboard file').setInputFiles(notBoard);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('not a CX board file');
  });

  it('imports the exported file as a new board with its content', async () => {
    await page.getByLabel('Import a .cxboard file').setInputFiles(exported);
    await canvas(page).waitFor();
    await node(page, 'Sticky note: Exported note').waitFor();
    expect(await canvas(page).locator('.react-flow__node-journey').count()).toBe(1);
    await page.getByRole('button', { name: 'All boards' }).click();
    await expect.poll(() => page.getByRole('listitem').count()).toBe(2);
    await saveScreenshot(page, 'start-screen');
  });

  it('asks before deleting: Cancel keeps the board, Delete board removes it', async () => {
    await page.getByRole('button', { name: 'Delete Onboarding v2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this board?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('button', { name: 'Open Onboarding v2' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete Onboarding v2' }).click();
    await dialog.getByRole('button', { name: 'Delete board' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Open Onboarding v2' }).count()).toBe(0);
    expect(await page.getByRole('listitem').count()).toBe(1);
  });

  it('keeps the list as it is after a reload', async () => {
    await page.reload();
    await waitForStartScreen(page);
    await expect.poll(() => page.getByRole('listitem').count()).toBe(1);
  });

  it('shows no page or console errors', () => {
    expect(problems.errors).toEqual([]);
  });
});
