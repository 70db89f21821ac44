import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserApp, canvas, MOD, newBoard, saveScreenshot, writeClipboard } from './support';

/**
 * Journey maps duplicated (Ctrl+D) and copied/pasted (Ctrl+C/V) with their content, within a
 * board and into another board, and new maps placed where they overlap nothing: the built web
 * app served by the real sync server, in Debian's Chromium, driven by keyboard and toolbar.
 */

const app = browserApp();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The journey map nodes on the canvas. */
function maps(page: Page): Locator {
  return canvas(page).locator('.react-flow__node-journey');
}

/** Boxes of all journey map nodes, in page coordinates. */
async function mapBoxes(page: Page): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const map of await maps(page).all()) {
    const box = await map.boundingBox();
    if (!box) throw new Error('a journey map is not rendered');
    boxes.push(box);
  }
  return boxes;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when no two of the boxes overlap. */
function apart(boxes: Box[]): boolean {
  return boxes.every((a, i) => boxes.every((b, j) => i === j || !overlap(a, b)));
}

/** Creates a map of the given kind from the toolbar's journey picker. */
async function createMap(page: Page, choice: string): Promise<void> {
  await page.getByRole('button', { name: 'Journey map', exact: true }).click();
  await page.getByRole('menuitem', { name: choice }).click();
}

async function fitToScreen(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit to screen' }).click();
}

/** Adds a card to a cell through its "Add card" button and types its text. */
async function addCard(frame: Locator, stage: string, lane: string, text: string): Promise<void> {
  await frame.getByRole('button', { name: `Add card: ${stage} · ${lane}` }).click();
  const editor = frame.getByRole('textbox', { name: 'Card text' });
  await editor.fill(text);
  await editor.press('Enter');
  await editor.waitFor({ state: 'detached' });
}

/** Texts of the cards of one cell of a map. */
function cellTexts(frame: Locator, stage: string, lane: string): Promise<string[]> {
  return frame
    .getByRole('list', { name: `${stage} · ${lane}`, exact: true })
    .locator('[data-card-id] .jm-card-text')
    .allInnerTexts();
}

/** Selects everything on the board from the keyboard (focus first leaves any field). */
async function selectAll(page: Page): Promise<void> {
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press(`${MOD}+a`);
}

/** Back to 100 % zoom, where every map draws its cards (the rest follow within a moment). */
async function zoomTo100(page: Page): Promise<void> {
  await page.getByRole('button', { name: /reset to 100%/ }).click();
}

describe('journey map copies', () => {
  it('duplicates a map with its content beside the original, and pastes it into another board', async () => {
    const { page, problems } = await app.open('', { viewport: { width: 1800, height: 1100 } });
    await newBoard(page);
    await createMap(page, 'Full CJM (all lanes)');
    const original = page.getByRole('region', { name: 'CJM: Customer journey map' });
    await original.waitFor();
    await original.getByRole('textbox', { name: 'Journey map title' }).fill('Online order');
    await original.getByRole('textbox', { name: 'Journey map title' }).press('Enter');
    const frame = page.getByRole('region', { name: 'CJM: Online order' });
    await addCard(frame, 'Awareness', 'Touchpoints / channels', 'Search ad');
    await addCard(frame, 'Awareness', 'Touchpoints / channels', 'Friend');
    await frame.getByRole('slider', { name: 'Emotion at Decision, As is' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        frame.getByRole('slider', { name: 'Emotion at Decision, As is' }).getAttribute('aria-valuenow'),
      )
      .toBe('-0.5');

    // Ctrl+D: a second map with the same content, in free space, selected.
    await selectAll(page);
    await expect.poll(() => canvas(page).locator('.react-flow__node-journey.selected').count()).toBe(1);
    await page.keyboard.press(`${MOD}+d`);
    await expect.poll(() => maps(page).count()).toBe(2);
    await fitToScreen(page);
    await expect.poll(async () => apart(await mapBoxes(page))).toBe(true);
    const copies = page.getByRole('region', { name: 'CJM: Online order' });
    await expect.poll(() => copies.count()).toBe(2);
    // The copy is the selected one; it holds the cards in order and the emotion score.
    const copy = canvas(page).locator('.react-flow__node-journey.selected').getByRole('region');
    await expect.poll(() => canvas(page).locator('.react-flow__node-journey.selected').count()).toBe(1);
    await zoomTo100(page);
    await expect
      .poll(() => cellTexts(copy, 'Awareness', 'Touchpoints / channels'))
      .toEqual(['Search ad', 'Friend']);
    expect(
      await copy.getByRole('slider', { name: 'Emotion at Decision, As is' }).getAttribute('aria-valuenow'),
    ).toBe('-0.5');
    await saveScreenshot(page, 'journey-copy-duplicated');

    // One undo step takes the whole copy away.
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => maps(page).count()).toBe(1);

    // Copy, then paste on the same board: lands in free space too.
    await selectAll(page);
    await page.keyboard.press(`${MOD}+c`);
    await page.keyboard.press(`${MOD}+v`);
    await expect.poll(() => maps(page).count()).toBe(2);
    await fitToScreen(page);
    await expect.poll(async () => apart(await mapBoxes(page))).toBe(true);

    // Into another board (same tab): the map arrives with its cards.
    await page.getByRole('button', { name: 'All boards' }).click();
    await newBoard(page);
    await page.keyboard.press(`${MOD}+v`);
    await expect.poll(() => maps(page).count()).toBe(1);
    const pasted = page.getByRole('region', { name: 'CJM: Online order' });
    await expect
      .poll(() => cellTexts(pasted, 'Awareness', 'Touchpoints / channels'))
      .toEqual(['Search ad', 'Friend']);
    expect(
      await pasted.getByRole('slider', { name: 'Emotion at Decision, As is' }).getAttribute('aria-valuenow'),
    ).toBe('-0.5');

    // A forged map (a card on a stage the map does not have) is refused whole, with a message.
    // The copy made above is still on the clipboard.
    const payload = JSON.parse(String(await page.evaluate('navigator.clipboard.readText()'))) as {
      frames: { record: { cells: Record<string, { stageId: string }[]> } }[];
    };
    const cells = Object.values(payload.frames[0]!.record.cells);
    cells[0]![0]!.stageId = 'no-such-stage';
    await writeClipboard(page, JSON.stringify(payload));
    await page.keyboard.press(`${MOD}+v`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('nothing was pasted');
    expect(await maps(page).count()).toBe(1);
    expect(problems.errors).toEqual([]);
  });

  it('places a new map beside the maps already on the board, never on them', async () => {
    const { page, problems } = await app.open('', { viewport: { width: 1400, height: 900 } });
    await newBoard(page);
    await createMap(page, 'Reverse CJM (from the end goal back)');
    await expect.poll(() => maps(page).count()).toBe(1);
    // Same view, same preset: it used to land exactly on the first one.
    await createMap(page, 'Reverse CJM (from the end goal back)');
    await expect.poll(() => maps(page).count()).toBe(2);
    await createMap(page, 'Light CJM: steps + barriers and pains');
    await expect.poll(() => maps(page).count()).toBe(3);
    await fitToScreen(page);
    await expect.poll(async () => apart(await mapBoxes(page))).toBe(true);
    // The newest map is selected.
    await expect.poll(() => canvas(page).locator('.react-flow__node-journey.selected').count()).toBe(1);
    await saveScreenshot(page, 'journey-copy-placement');
    expect(problems.errors).toEqual([]);
  });
});
