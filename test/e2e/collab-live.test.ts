import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addElement,
  boardIdOf,
  canvas,
  newBoard,
  node,
  type PageProblems,
  saveScreenshot,
  browserApp,
} from './support';

/**
 * Two people on one board, each in their own browser context (separate storage, as two
 * computers): the share link, live edits, cursors, selections, follow, and an offline
 * period on one side with edits on both, merged when it comes back.
 */

const app = browserApp();

/** The connection badge, whose accessible name carries the state ("Connection: Live"). */
function badge(page: Page) {
  return page.getByRole('button', { name: /^Connection: / });
}

async function expectStatus(page: Page, status: string, timeout = 5000) {
  await badge(page)
    .and(page.getByRole('button', { name: `Connection: ${status}` }))
    .waitFor({ timeout });
}

async function setName(page: Page, name: string) {
  await page.getByRole('button', { name: /^Your name and colour/ }).click();
  const dialog = page.getByRole('dialog', { name: 'How others see you' });
  await dialog.getByRole('textbox', { name: 'Display name' }).fill(name);
  await dialog.getByRole('radio', { name: 'Teal' }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: `Your name and colour: ${name}` }).waitFor();
}

/** Milliseconds until `locator` has at least one match. */
async function timeUntilVisible(locator: Locator, since: number) {
  await locator.first().waitFor({ state: 'attached', timeout: 5000 });
  return Date.now() - since;
}

/** Hovers the canvas at a point relative to its top-left corner, in small steps. */
async function hoverCanvas(page: Page, x: number, y: number) {
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error('canvas not visible');
  await page.mouse.move(box.x + x, box.y + y, { steps: 5 });
}

/** React Flow's viewport transform of a page (translate + scale), as numbers. */
async function viewportOf(page: Page) {
  const transform = await page.locator('.react-flow__viewport').getAttribute('style');
  const match = /translate\(([-\d.]+)px, ?([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(transform ?? '');
  if (!match) throw new Error(`no viewport transform in ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

function realProblems(problems: PageProblems) {
  // A socket cut by the offline switch may be reported by Chromium itself; that is the test's doing.
  return problems.errors.filter(
    (e) => !/WebSocket|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e),
  );
}

type Opened = Awaited<ReturnType<typeof app.open>>;

describe('two people on one board', () => {
  // Each story in steps; each step starts where the previous one ended.
  describe.sequential('sharing a link, live edits, presence, follow, and an offline period', () => {
    let anna: Opened;
    let boris: Opened;
    let boardId: string;
    let link: string;

    afterAll(async () => {
      await anna?.context.close();
      await boris?.context.close();
    });

    it('Anna shares her board: Share connects at once and gives a link she can copy', async () => {
      // Anna makes a board and shares it: served by the sync server, Share connects at once.
      anna = await app.open();
      await newBoard(anna.page);
      boardId = boardIdOf(anna.page);
      await addElement(anna.page, 'Sticky note', { x: 300, y: 250 }, 'Made before sharing');
      await anna.page.getByRole('button', { name: 'Share / connect' }).click();
      const liveDialog = anna.page.getByRole('dialog', { name: 'Live board' });
      await liveDialog.waitFor();
      await expectStatus(anna.page, 'Live');
      link = await liveDialog.getByRole('textbox', { name: 'Link to this live board' }).inputValue();
      expect(link).toBe(`${app.url}#/board/${boardId}?server=${encodeURIComponent(app.syncUrl)}`);
      await liveDialog.getByRole('button', { name: 'Copy link' }).click();
      await liveDialog.getByText('Link copied.').waitFor();
      await saveScreenshot(anna.page, 'collab-share-dialog');
      await liveDialog.getByRole('button', { name: 'Close' }).click();
      await setName(anna.page, 'Anna');
    });

    it('Boris opens the link in his own browser: the board appears live, and each can follow the other', async () => {
      boris = await app.open(link);
      await canvas(boris.page).waitFor();
      await boris.page.waitForURL(new RegExp(`#/board/${boardId}$`));
      await expectStatus(boris.page, 'Live');
      await node(boris.page, 'Sticky note: Made before sharing').waitFor();
      await setName(boris.page, 'Boris');
      await anna.page.getByRole('button', { name: 'Follow Boris' }).waitFor();
      await boris.page.getByRole('button', { name: 'Follow Anna' }).waitFor();
    });

    it('edits cross within a second, both ways', async () => {
      let since = Date.now();
      await addElement(anna.page, 'Sticky note', { x: 650, y: 250 }, 'From Anna');
      const annaToBoris = await timeUntilVisible(node(boris.page, 'Sticky note: From Anna'), since);
      since = Date.now();
      await addElement(boris.page, 'Sticky note', { x: 650, y: 550 }, 'From Boris');
      const borisToAnna = await timeUntilVisible(node(anna.page, 'Sticky note: From Boris'), since);
      console.log(`edit propagation: Anna→Boris ${annaToBoris} ms, Boris→Anna ${borisToAnna} ms`);
      expect(annaToBoris).toBeLessThan(1000);
      expect(borisToAnna).toBeLessThan(1000);
    });

    it('Boris’s pointer shows on Anna’s canvas with his name within a second', async () => {
      await hoverCanvas(boris.page, 500, 400);
      const since = Date.now();
      await hoverCanvas(boris.page, 520, 420);
      const cursorDelay = await timeUntilVisible(
        anna.page.locator('[data-testid="remote-cursor"][data-name="Boris"]'),
        since,
      );
      console.log(`cursor propagation: ${cursorDelay} ms`);
      expect(cursorDelay).toBeLessThan(1000);
      await expect
        .poll(() => anna.page.locator('[data-testid="remote-cursor"]').getByText('Boris').isVisible())
        .toBe(true);
    });

    it('what Boris selects is outlined on Anna’s screen', async () => {
      await node(boris.page, 'Sticky note: From Anna').click();
      await anna.page.locator('[data-testid="remote-selection"]').waitFor({ timeout: 2000 });
      await expect
        .poll(() =>
          anna.page.locator('[data-testid="remote-selection"]').getByText('Selected by Boris').count(),
        )
        .toBe(1);
      await saveScreenshot(anna.page, 'collab-cursor-and-selection');
    });

    it('Anna follows Boris: her view goes where his goes, and any key gives her view back', async () => {
      await anna.page.getByRole('button', { name: 'Follow Boris' }).click();
      await anna.page.getByText('Following Boris’s view').waitFor();
      await hoverCanvas(boris.page, 600, 400);
      await boris.page.mouse.wheel(0, 600);
      await expect
        .poll(async () => {
          const [a, b] = [await viewportOf(anna.page), await viewportOf(boris.page)];
          return Math.abs(a.y - b.y) < 2 && Math.abs(a.x - b.x) < 2 && a.zoom === b.zoom;
        })
        .toBe(true);
      await saveScreenshot(anna.page, 'collab-following');
      // Any key gives Anna her view back.
      await canvas(anna.page).focus();
      await anna.page.keyboard.press('Shift');
      await anna.page.getByText('Following Boris’s view').waitFor({ state: 'detached' });
      expect(await anna.page.getByRole('button', { name: 'Follow Boris' }).getAttribute('aria-pressed')).toBe(
        'false',
      );
    });

    it('while Boris is offline both keep editing, and nothing crosses', async () => {
      await boris.context.setOffline(true);
      await expectStatus(boris.page, 'Offline');
      await addElement(boris.page, 'Sticky note', { x: 300, y: 550 }, 'Boris offline');
      await addElement(anna.page, 'Sticky note', { x: 950, y: 250 }, 'Anna meanwhile');
      await node(anna.page, 'Sticky note: From Boris').dblclick();
      const editor = anna.page.locator('textarea.cx-text--editing');
      await editor.fill('From Boris, edited by Anna');
      await editor.press('Escape');
      await saveScreenshot(boris.page, 'collab-offline');
      expect(await node(anna.page, 'Sticky note: Boris offline').count()).toBe(0);
      expect(await node(boris.page, 'Sticky note: Anna meanwhile').count()).toBe(0);
    });

    it('back online, both sides get everything', async () => {
      await boris.context.setOffline(false);
      await expectStatus(boris.page, 'Live', 10_000);
      for (const page of [anna.page, boris.page]) {
        for (const text of [
          'Made before sharing',
          'From Anna',
          'From Boris, edited by Anna',
          'Boris offline',
          'Anna meanwhile',
        ]) {
          await node(page, `Sticky note: ${text}`).waitFor({ timeout: 5000 });
        }
      }
      await saveScreenshot(anna.page, 'collab-merged-anna');
      await saveScreenshot(boris.page, 'collab-merged-boris');
    });

    it('Boris’s copy is on his device: after a reload he is on the board, live again', async () => {
      await boris.page.reload();
      await expectStatus(boris.page, 'Live', 10_000);
      await node(boris.page, 'Sticky note: Anna meanwhile').waitFor();
    });

    it('shows no page or console errors on either side', () => {
      expect(realProblems(anna.problems)).toEqual([]);
      expect(realProblems(boris.problems)).toEqual([]);
    });
  });

  describe.sequential('connecting through the dialog, in Russian', () => {
    let page: Page;
    let problems: PageProblems;
    let context: BrowserContext;
    let boardId: string;

    afterAll(async () => {
      await context?.close();
    });

    it('shares a new board: the live dialog opens, connected', async () => {
      ({ page, problems, context } = await app.open('', { locale: 'ru-RU' }));
      await page.getByRole('heading', { name: 'Новая доска' }).waitFor();
      await page.getByRole('button', { name: /^Пустая доска/ }).click();
      await page.getByRole('application').waitFor();
      await page.waitForURL(/#\/board\/[0-9A-Za-z_-]+$/);
      boardId = boardIdOf(page);

      await page.getByRole('button', { name: 'Поделиться / подключиться' }).click();
      const live = page.getByRole('dialog', { name: 'Общая доска' });
      await live.waitFor();
      await page.getByRole('button', { name: 'Соединение: В сети' }).waitFor();
    });

    it('refuses a non-websocket address and a token this server did not sign, and says why', async () => {
      const live = page.getByRole('dialog', { name: 'Общая доска' });
      await live.getByRole('button', { name: 'Подключиться к другому серверу…' }).click();
      const form = page.getByRole('dialog', { name: 'Подключение к серверу' });
      expect(await form.getByRole('textbox', { name: 'Комната' }).inputValue()).toBe(boardId);
      expect(await form.getByRole('textbox', { name: 'Адрес сервера' }).inputValue()).toBe(app.syncUrl);
      await form.getByRole('textbox', { name: 'Адрес сервера' }).fill('ftp://nowhere');
      await form.getByRole('button', { name: 'Подключиться' }).click();
      await form.getByRole('alert').filter({ hasText: 'ws://' }).waitFor();
      await form.getByRole('textbox', { name: 'Адрес сервера' }).fill(app.url);
      await form.getByRole('textbox', { name: /^Токен доступа/ }).fill('cxb1.not-a-real.token');
      await form.getByRole('button', { name: 'Подключиться' }).click();
      await page.getByRole('button', { name: 'Соединение: Доступ запрещён' }).waitFor();
      await page
        .getByRole('dialog', { name: 'Общая доска' })
        .getByText(/Токен доступа/)
        .waitFor();
      await saveScreenshot(page, 'collab-refused-ru');
    });

    it('is live again without the bad token (anonymous access on this loopback server)', async () => {
      await page.getByRole('button', { name: 'Подключиться к другому серверу…' }).click();
      const again = page.getByRole('dialog', { name: 'Подключение к серверу' });
      await again.getByRole('textbox', { name: /^Токен доступа/ }).fill('');
      await again.getByRole('button', { name: 'Подключиться' }).click();
      await page.getByRole('button', { name: 'Соединение: В сети' }).waitFor();
    });

    it('disconnects on purpose: not live, and not reconnected by a reload', async () => {
      await page.getByRole('button', { name: 'Отключиться' }).click();
      await page.getByRole('button', { name: 'Поделиться / подключиться' }).waitFor();
      await page.reload();
      await page.getByRole('application').waitFor();
      await page.getByRole('button', { name: 'Поделиться / подключиться' }).waitFor();
      expect(await page.getByRole('button', { name: /^Соединение:/ }).count()).toBe(0);
    });

    it('shows no page or console errors', () => {
      expect(realProblems(problems)).toEqual([]);
    });
  });
});
