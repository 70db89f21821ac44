import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBoardFile } from '../../shared/board/file';
import { validBoard } from '../../src-main/test-support/boards';
import enFile from '../../src-renderer/i18n/locales/en.json';
import { addElement, canvas, launchBrowser, node } from './support';
import { type DesktopHarness, startDesktopApp, type TestWindow, waitForFile } from './support/desktopBridge';

/**
 * The desktop app's board files as a person uses them: the real main process (sessions,
 * file service, recovery store, recent list) in this process, its window in Chromium, real
 * files in a temporary folder. Only the native Open/Save/"Save changes?" dialogs are
 * answered by the test (support/desktopBridge.ts). The steps build on each other.
 */
let browser: Browser;
let folder: string;
let profile: string;
let journeyPath: string;
let app: DesktopHarness | null = null;
let win: TestWindow;

beforeAll(async () => {
  browser = await launchBrowser();
  folder = await mkdtemp(join(tmpdir(), 'cx-desktop-files-'));
  profile = join(folder, 'profile');
  await mkdir(join(folder, 'boards'));
  journeyPath = join(folder, 'boards', 'Journey.cxboard');
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Starts a fresh app on the same profile (the previous one must be closed or crashed). */
async function launch(): Promise<Page> {
  app = await startDesktopApp(browser, { userData: profile });
  win = await app.window();
  return win.page;
}

/** The save state in the board's top bar, e.g. "Journey.cxboard — saved". */
function saveState(page: Page) {
  return page.locator('.cx-desktop-bar__state');
}

/** The texts of a board file's elements, read through the codec. */
function textsOf(bytes: Uint8Array): string {
  const loaded = parseBoardFile(bytes);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const snapshot = JSON.stringify(loaded.board.snapshot());
  loaded.board.destroy();
  return snapshot;
}

async function fileText(path: string): Promise<string> {
  return textsOf(new Uint8Array(await readFile(path)));
}

describe('desktop board files (real main process, Chromium window)', () => {
  it('starts on the start screen with the board-files section and no recent boards', async () => {
    const page = await launch();
    await page.getByRole('heading', { name: 'Board files' }).waitFor();
    await page.getByText('Boards you open or save appear here.').waitFor();
    expect(win.title()).toBe('CX Board');
  });

  it('New board file → edit: the board is untitled with unsaved changes', async () => {
    const page = win.page;
    await page.getByRole('button', { name: 'New board file' }).click();
    await canvas(page).waitFor();
    await addElement(page, 'Sticky note', { x: 300, y: 250 }, 'Interview five customers');
    await node(page, 'Sticky note: Interview five customers').waitFor();
    await expect.poll(() => saveState(page).textContent()).toBe('Untitled — unsaved changes');
  });

  it('Save As (File menu) writes a real file with the board and binds the window to it', async () => {
    const page = win.page;
    const asked = app!.dialogs.expectSave(journeyPath);
    app!.clickMenu('File', 'Save As…');
    expect(await asked).toMatchObject({
      kind: 'save',
      title: 'Save the board',
      defaultPath: 'Untitled.cxboard',
    });
    await expect.poll(() => saveState(page).textContent()).toBe('Journey.cxboard — saved');
    expect(win.title()).toBe('Journey.cxboard — CX Board');
    expect(await fileText(journeyPath)).toContain('Interview five customers');
  });

  it('autosave writes the recovery file, never the board file', async () => {
    const page = win.page;
    const saved = await readFile(journeyPath);
    await addElement(page, 'Sticky note', { x: 520, y: 250 }, 'Call the bank');
    await expect.poll(() => saveState(page).textContent()).toBe('Journey.cxboard — unsaved changes');
    const recovery = await waitForFile(join(profile, 'recovery'), /\.cxboard$/, (bytes) =>
      textsOf(bytes).includes('Call the bank'),
    );
    expect(textsOf(recovery)).toContain('Interview five customers');
    expect(win.title()).toBe('Journey.cxboard ● — CX Board');
    expect(await readFile(journeyPath)).toEqual(saved);
  });

  it('after a crash, the next start reopens the autosaved work, bound to its file and unsaved', async () => {
    await app!.crash();
    const page = await launch();
    await page.getByText('Unsaved work on “Journey.cxboard” was recovered').waitFor();
    await node(page, 'Sticky note: Call the bank').waitFor();
    await node(page, 'Sticky note: Interview five customers').waitFor();
    await expect.poll(() => saveState(page).textContent()).toBe('Journey.cxboard — unsaved changes');
    expect(await fileText(journeyPath)).not.toContain('Call the bank');
  });

  it('Save writes the recovered work to the file and clears the recovery entry', async () => {
    const page = win.page;
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => saveState(page).textContent()).toBe('Journey.cxboard — saved');
    expect(await fileText(journeyPath)).toContain('Call the bank');
    await waitForFile(join(profile, 'recovery'), /\.cxboard$/, null);
  });

  it('closing the window with unsaved changes asks; Cancel keeps it open, Don’t Save closes it', async () => {
    const page = win.page;
    await addElement(page, 'Sticky note', { x: 300, y: 450 }, 'Not kept');
    await expect.poll(() => saveState(page).textContent()).toBe('Journey.cxboard — unsaved changes');

    const first = app!.dialogs.expectMessage('Cancel');
    win.requestClose();
    expect(await first).toMatchObject({
      message: 'Do you want to save the changes to “Journey.cxboard”?',
      buttons: ['Save', 'Don’t Save', 'Cancel'],
    });
    // Still open and editable after Cancel: the same window answers the second close.
    await node(page, 'Sticky note: Not kept').click();
    expect(app!.windows()).toHaveLength(1);

    const second = app!.dialogs.expectMessage('Don’t Save');
    win.requestClose();
    await second;
    await win.closed;
    expect(app!.windows()).toHaveLength(0);
    expect(await fileText(journeyPath)).not.toContain('Not kept');
    await waitForFile(join(profile, 'recovery'), /\.cxboard$/, null);
    expect(app!.dialogs.unexpected).toEqual([]);
    await app!.close();
    app = null;
  });

  it('the recent boards list on the next start reopens the file with its content', async () => {
    const page = await launch();
    await page.getByRole('button', { name: 'Open Journey.cxboard' }).click();
    await node(page, 'Sticky note: Call the bank').waitFor();
    await expect.poll(() => saveState(page).textContent()).toBe('Journey.cxboard — saved');
  });

  it('Open a board file… opens the file chosen in the Open dialog', async () => {
    const page = win.page;
    const otherPath = join(folder, 'boards', 'Other.cxboard');
    await writeFile(otherPath, validBoard('Other plan'));
    app!.clickMenu('File', 'Close Board');
    const asked = app!.dialogs.expectOpen(otherPath);
    await page.getByRole('button', { name: 'Open a board file…' }).click();
    expect(await asked).toMatchObject({ kind: 'open', title: 'Open a board' });
    await expect.poll(() => saveState(page).textContent()).toBe('Other.cxboard — saved');
    await canvas(page).waitFor();
    expect(win.title()).toBe('Other.cxboard — CX Board');
  });

  it('a damaged file is refused with its message and left byte for byte as it was', async () => {
    const page = win.page;
    app!.clickMenu('File', 'Close Board');
    await page.getByRole('heading', { name: 'Board files' }).waitFor();
    const damagedPath = join(folder, 'boards', 'Damaged.cxboard');
    await copyFile(join('test', 'fixtures', 'boards', 'truncated.cxboard'), damagedPath);
    const before = await readFile(damagedPath);
    const refusal = parseBoardFile(new Uint8Array(before));
    if (refusal.ok) throw new Error('the fixture should be refused');
    const message = (enFile.file.error as Record<string, string>)[refusal.error.code];
    expect(message).toBeDefined();

    const asked = app!.dialogs.expectOpen(damagedPath);
    await page.getByRole('button', { name: 'Open a board file…' }).click();
    await asked;
    await page.getByRole('alert').filter({ hasText: message! }).waitFor();
    await page.getByRole('heading', { name: 'Board files' }).waitFor();
    expect(await readFile(damagedPath)).toEqual(before);
    // The refused file did not enter the recent list; the good ones are there.
    await expect
      .poll(() => page.locator('.cx-desktop-recent__name').allTextContents())
      .toEqual(['Other.cxboard', 'Journey.cxboard']);
    expect(app!.pageErrors).toEqual([]);
  });
});
