import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addElement, canvas, launchBrowser, node } from './support';
import { type DesktopHarness, startDesktopApp } from './support/desktopBridge';

/**
 * Hosting a workshop and joining it, as two people with the desktop app do: each app is
 * the real main process in this process (the host's with its real embedded sync server on
 * loopback) with its window in its own Chromium context. The participant joins by the code
 * and the host address the host's dialog shows.
 */
let browser: Browser;
let folder: string;
let host: DesktopHarness;
let guest: DesktopHarness;
let hostPage: Page;
let guestPage: Page;
let code: string;
let address: string;

beforeAll(async () => {
  browser = await launchBrowser();
  folder = await mkdtemp(join(tmpdir(), 'cx-desktop-workshop-'));
});
afterAll(async () => {
  await guest?.close();
  await host?.close();
  await browser?.close();
  await rm(folder, { recursive: true, force: true });
});

function hostDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Host a workshop' });
}

describe('desktop workshop (real embedded server, two app windows)', () => {
  it('the host starts a workshop for the board on this computer and gets a join code', async () => {
    host = await startDesktopApp(browser, { userData: join(folder, 'host') });
    hostPage = (await host.window()).page;
    await hostPage.getByRole('button', { name: 'New board file' }).click();
    await addElement(hostPage, 'Sticky note', { x: 300, y: 250 }, 'Host idea');

    await hostPage.getByRole('button', { name: 'Host a workshop' }).click();
    const dialog = hostDialog(hostPage);
    const network = dialog.getByLabel('Network connection');
    const loopback = await network.locator('option', { hasText: 'This computer only' }).first().textContent();
    await network.selectOption({ label: loopback! });
    await dialog.getByRole('button', { name: 'Start the workshop' }).click();

    const shownCode = dialog.locator('output[aria-label="Join code"]');
    await shownCode.waitFor();
    code = (await shownCode.textContent())!;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    address = await dialog.getByRole('textbox', { name: 'Host address' }).inputValue();
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(await dialog.getByRole('textbox', { name: 'Join link' }).inputValue()).toContain(
      code.replace('-', ''),
    );
    // The host's own window is connected to the room and listed first.
    await dialog.getByText('1 person here').waitFor();
    await dialog.getByRole('listitem').filter({ hasText: 'Host' }).waitFor();
  });

  it('a participant joins by code and host address and sees the host’s board', async () => {
    guest = await startDesktopApp(browser, { userData: join(folder, 'guest') });
    guestPage = (await guest.window()).page;
    await guestPage.getByRole('button', { name: 'Join a workshop…' }).click();
    const dialog = guestPage.getByRole('dialog', { name: 'Join a workshop' });
    await dialog.getByLabel('Join link or code').fill(code.toLowerCase());
    await dialog.getByLabel('Host address (when you have only the code)').fill(address);
    await dialog.getByLabel('Your name').fill('Dana');
    await dialog.getByRole('button', { name: 'Join' }).click();

    await node(guestPage, 'Sticky note: Host idea').waitFor();
    await expect
      .poll(() => guestPage.locator('.cx-desktop-bar__state').textContent())
      .toMatch(/live workshop$/);
    await guestPage.getByRole('button', { name: 'Save a copy…' }).waitFor();
  });

  it('the host sees who joined', async () => {
    const dialog = hostDialog(hostPage);
    await dialog.getByText('2 people here').waitFor();
    await dialog.getByRole('listitem').filter({ hasText: 'Dana' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await hostPage.getByRole('button', { name: 'Hosting: 2 people' }).waitFor();
  });

  it('edits travel both ways while the host’s board stays the host’s file', async () => {
    await addElement(hostPage, 'Sticky note', { x: 550, y: 250 }, 'Added by the host');
    await node(guestPage, 'Sticky note: Added by the host').waitFor();

    await addElement(guestPage, 'Sticky note', { x: 300, y: 450 }, 'Added by Dana');
    await node(hostPage, 'Sticky note: Added by Dana').waitFor();
    await expect
      .poll(() => hostPage.locator('.cx-desktop-bar__state').textContent())
      .toBe('Untitled — unsaved changes');
    expect(host.pageErrors).toEqual([]);
    expect(guest.pageErrors).toEqual([]);
  });

  it('a wrong code is refused with a message before anything connects', async () => {
    const other = await startDesktopApp(browser, { userData: join(folder, 'other') });
    try {
      const page = (await other.window()).page;
      await page.getByRole('button', { name: 'Join a workshop…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Join a workshop' });
      const wrong = `${code.startsWith('A') ? 'B' : 'A'}${code.slice(1)}`;
      await dialog.getByLabel('Join link or code').fill(wrong);
      await dialog.getByLabel('Host address (when you have only the code)').fill(address);
      await dialog.getByRole('button', { name: 'Join' }).click();
      await dialog
        .getByRole('alert')
        .filter({ hasText: 'This join code is unknown or the workshop has ended.' })
        .waitFor();
      await expect(canvas(page).count()).resolves.toBe(0);
    } finally {
      await other.close();
    }
  });

  it('stopping the workshop ends it for the host', async () => {
    await hostPage.getByRole('button', { name: 'Hosting: 2 people' }).click();
    const dialog = hostDialog(hostPage);
    await dialog.getByRole('button', { name: 'Stop the workshop' }).click();
    await dialog.getByRole('button', { name: 'Start the workshop' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await hostPage.getByRole('button', { name: 'Host a workshop' }).waitFor();
  });
});
