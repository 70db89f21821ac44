import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBoardFile } from '../../shared/board/file';

/**
 * The desktop app end to end, through Playwright's Electron driver: start on an empty
 * profile, create a board, save it, quit, and open the file again as the OS would (a
 * double click passes the path on the command line).
 *
 * It needs the Electron binary. Where it is missing (it cannot be downloaded everywhere,
 * e.g. on this project's CI) the test is reported as skipped, with the reason printed.
 */
const root = process.cwd();

function findElectron(): { executable: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { missing: 'the optional "electron" package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'the "electron" package is installed without its binary' };
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? { executable } : { missing: `no Electron binary at ${executable}` };
}

const electron = findElectron();
const skipReason = 'missing' in electron ? electron.missing : null;
if (skipReason) {
  console.warn(
    `[electron-app e2e] SKIPPED: ${skipReason}. Install it where the Electron download host is reachable ` +
      '(`npm install electron`, or set ELECTRON_MIRROR) to run this test.',
  );
}

describe('desktop app (Electron)', () => {
  let profile: string;
  let boards: string;

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'cx-electron-profile-'));
    boards = await mkdtemp(join(tmpdir(), 'cx-electron-boards-'));
  });
  afterAll(async () => {
    await rm(profile, { recursive: true, force: true });
    await rm(boards, { recursive: true, force: true });
  });

  async function launch(extraArgs: string[] = []): Promise<{ app: ElectronApplication; page: Page }> {
    if (!('executable' in electron)) throw new Error('unreachable: skipped without the binary');
    if (!existsSync(join(root, 'out/main/main.js'))) throw new Error('Run `npm run build:app` first.');
    const app = await _electron.launch({
      executablePath: electron.executable,
      args: ['.', `--user-data-dir=${profile}`, '--no-sandbox', '--lang=en-US', ...extraArgs],
      cwd: root,
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { app, page };
  }

  it.skipIf(skipReason !== null)(
    `creates a board, saves it and opens it again${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      const target = join(boards, 'Workshop board.cxboard');
      const first = await launch();
      // The Save dialog is native (outside the page): answer it in the main process.
      await first.app.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
      }, target);

      // The page runs sandboxed, without Node, and sees only the preload's API.
      expect(await first.page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(
        await first.page.evaluate(
          () => Object.keys((globalThis as { cxDesktop?: object }).cxDesktop ?? {}).length,
        ),
      ).toBeGreaterThan(10);

      await first.page.getByRole('button', { name: 'New board file' }).click();
      await first.page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => existsSync(target)).toBe(true);
      await expect.poll(() => first.page.title()).toBe('Workshop board.cxboard — CX Board');

      const saved = parseBoardFile(new Uint8Array(await readFile(target)));
      expect(saved.ok).toBe(true);
      await first.app.close();

      // Opening the file from the OS (command line, as a double click does).
      const second = await launch([target]);
      await expect
        .poll(() => second.page.title(), { timeout: 15_000 })
        .toBe('Workshop board.cxboard — CX Board');
      await second.page.getByText('Workshop board.cxboard — saved').waitFor();
      // Recent boards remember it.
      const recent = JSON.parse(await readFile(join(profile, 'recent.json'), 'utf8'));
      expect(recent.entries[0].path).toBe(target);
      await second.app.close();
    },
  );
});
