import type { Locator, Page } from 'playwright-core';

/**
 * Helpers that act on the app the way a user does: by role and accessible name. Names are
 * the English UI's unless a test switches the language itself.
 */

/** The board canvas (React Flow's pane region). */
export function canvas(page: Page): Locator {
  return page.getByRole('application', { name: 'Board canvas' });
}

/** Waits until the start screen is shown. */
export async function waitForStartScreen(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'New board' }).waitFor();
}

/**
 * Creates a new board from the start screen and waits for its canvas. `template` is the
 * visible name of the template button, default "Blank board".
 */
export async function newBoard(page: Page, template = 'Blank board'): Promise<string> {
  await waitForStartScreen(page);
  await page.getByRole('button', { name: new RegExp(`^${template}`) }).click();
  await canvas(page).waitFor();
  await page.waitForURL(/#\/board\/[0-9A-Za-z_-]+$/);
  return boardIdOf(page);
}

/** The id of the open board, from the URL (`#/board/<id>`). */
export function boardIdOf(page: Page): string {
  const match = /#\/board\/([0-9A-Za-z_-]+)$/.exec(page.url());
  if (!match) throw new Error(`no board open at ${page.url()}`);
  return match[1]!;
}

/** Clicks the canvas at a point given relative to the canvas' top-left corner. */
export async function clickCanvas(page: Page, x: number, y: number): Promise<void> {
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error('canvas not visible');
  await page.mouse.click(box.x + x, box.y + y);
}

/** Picks a tool from the toolbar by its accessible name (e.g. "Sticky note"). */
export async function chooseTool(page: Page, name: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name, exact: true }).click();
}

/**
 * Adds an element with a creation tool at a canvas point and, for stickies and text, types
 * its text and leaves editing. Returns the element's node locator.
 */
export async function addElement(
  page: Page,
  tool: string,
  at: { x: number; y: number },
  text?: string,
): Promise<void> {
  await chooseTool(page, tool);
  await clickCanvas(page, at.x, at.y);
  if (text !== undefined) {
    const editor = page.locator('textarea.cx-text--editing');
    await editor.waitFor();
    await editor.fill(text);
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });
  }
}

/** A node on the canvas by its accessible name (e.g. "Sticky note: Hello"). */
export function node(page: Page, name: string | RegExp): Locator {
  return canvas(page).getByRole('group', { name });
}

/** Centre of a locator's box, in page coordinates. */
export async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with the mouse from one page point to another in small steps (React Flow needs moves). */
export async function dragBetween(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 12,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/**
 * The canvas viewport's CSS transform (React Flow's `.react-flow__viewport`): it changes with
 * every pan and zoom, so it is the signal that the view moved.
 */
export function viewportTransform(page: Page): Promise<string> {
  return page
    .locator('.react-flow__viewport')
    .evaluate((el) => (el as { style: { transform: string } }).style.transform);
}

/**
 * Waits until the view has stopped moving, counted in animation frames: the transform changed
 * from `from` and then stayed the same for 3 frames, or (when it never changed: nothing to
 * move) stayed the same for 15 frames, far longer than an animation takes to start.
 * Returns the settled transform.
 */
export function viewportSettled(page: Page, from: string): Promise<string> {
  return page.locator('.react-flow__viewport').evaluate(
    (el, before) =>
      new Promise<string>((resolve) => {
        const read = () => (el as { style: { transform: string } }).style.transform;
        let last = read();
        let moved = last !== before;
        let still = 0;
        const tick = () => {
          const now = read();
          if (now !== last) {
            moved = true;
            still = 0;
            last = now;
          } else still++;
          if (still >= (moved ? 3 : 15)) resolve(now);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    from,
  );
}

/** Clicks "Fit to screen" (named `name` in another language) and waits until the animated fit has finished. */
export async function fitToScreen(page: Page, name = 'Fit to screen'): Promise<void> {
  const before = await viewportTransform(page);
  await page.getByRole('button', { name }).click();
  await viewportSettled(page, before);
}

/**
 * Pans the canvas with the wheel, as a user would, until `target` is near the middle of the
 * window: clear of the toolbars and the minimap that float over the canvas.
 */
export async function bringToMiddle(page: Page, target: Locator): Promise<void> {
  const viewport = page.viewportSize()!;
  for (let attempt = 0; attempt < 4; attempt++) {
    const box = await target.boundingBox();
    if (!box) throw new Error('target not rendered');
    const dx = box.x + box.width / 2 - viewport.width / 2;
    const dy = box.y + box.height / 2 - viewport.height / 2;
    if (Math.abs(dx) < viewport.width / 4 && Math.abs(dy) < viewport.height / 4) return;
    const at = await wheelSpot(page);
    await page.mouse.move(at.x, at.y);
    const before = await viewportTransform(page);
    await page.mouse.wheel(dx, dy);
    await viewportSettled(page, before);
  }
}

/**
 * A point near the middle of the window where the wheel pans the canvas: not over a control
 * that keeps the wheel to itself (React Flow's `nowheel`, e.g. a text field).
 */
async function wheelSpot(page: Page): Promise<{ x: number; y: number }> {
  const viewport = page.viewportSize()!;
  return page.evaluate(
    ({ width, height }) => {
      const doc = (
        globalThis as unknown as {
          document: { elementFromPoint(x: number, y: number): { closest(s: string): unknown } | null };
        }
      ).document;
      for (let ring = 0; ring < 8; ring++)
        for (const [fx, fy] of [
          [0, 0],
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
          [1, 1],
          [-1, -1],
          [1, -1],
          [-1, 1],
        ]) {
          const x = width / 2 + fx! * ring * 60;
          const y = height / 2 + fy! * ring * 60;
          const el = doc.elementFromPoint(x, y);
          if (el?.closest('.react-flow') && !el.closest('.nowheel')) return { x, y };
        }
      return { x: width / 2, y: height / 2 };
    },
    { width: viewport.width, height: viewport.height },
  );
}

/** Brings a control into the middle of the window, then clicks it. */
export async function press(page: Page, target: Locator): Promise<void> {
  await bringToMiddle(page, target);
  await target.click();
}

/**
 * Waits until every change made so far to the open board is committed to this browser's
 * IndexedDB (the app's local store, database `cxboard-board-<id>`, see
 * src-renderer/sync/localPersistence.ts): read-write transactions on a store complete in the
 * order they were created, and the store writes each update in the same tick it happens, so
 * an empty one created now completes after all of them.
 */
export async function localChangesSaved(page: Page): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(new Error(`cannot open ${name}`));
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction(['updates'], 'readwrite');
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(new Error(`write to ${name} failed`));
        };
      }),
    `cxboard-board-${boardIdOf(page)}`,
  );
}

/** The modifier for shortcuts (Ctrl here; the app also accepts Meta). */
export const MOD = 'Control';

// Browser globals used by the functions below, which run inside the page (page.evaluate).
// The test tsconfig has no DOM library, so only what is used is declared, in this module.
declare const document: {
  documentElement: { lang: string };
  body: { innerText: string };
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }>;
};
declare const navigator: { clipboard: { writeText(text: string): Promise<void> } };
declare function getComputedStyle(element: unknown): Record<string, string>;
declare function requestAnimationFrame(callback: () => void): number;
interface IdbTransaction {
  oncomplete: () => void;
  onerror: () => void;
}
declare const indexedDB: {
  open(name: string): {
    result: { transaction(stores: string[], mode: 'readwrite'): IdbTransaction; close(): void };
    onsuccess: () => void;
    onerror: () => void;
  };
};

/** The page's `<html lang>`. */
export function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** Puts text on the system clipboard, as another app would. */
export async function writeClipboard(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
}

/** A computed CSS property of the first element of a locator (e.g. 'backgroundColor'). */
export function computedStyle(locator: Locator, property: string): Promise<string> {
  return locator.first().evaluate((el, prop) => getComputedStyle(el)[prop] ?? '', property);
}

/**
 * Strings that look like untranslated i18n keys ("canvas.zoom.in") in the visible text or in
 * accessible names, titles and placeholders: a missing translation shows up as its key.
 */
export function untranslatedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const key = /\b[a-z][a-zA-Z]+(\.[a-zA-Z-]+){1,5}\b/g;
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a user reads.
    const texts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) texts.push(el.getAttribute(name) ?? '');
    }
    return texts.flatMap((text) => text.match(key) ?? []).filter((match) => !match.endsWith('cxboard'));
  });
}
