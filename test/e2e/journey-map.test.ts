import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  bringToMiddle,
  centerOf,
  MOD,
  newBoard,
  type PageProblems,
  saveScreenshot,
  browserApp,
  fitToScreen,
  localChangesSaved,
  press,
} from './support';

/**
 * A journey map built the way a facilitator builds one: from the toolbar, on the canvas,
 * in the built web app served by the real sync server, in Debian's Chromium. Controls are
 * found by role and accessible name (English UI).
 */

const app = browserApp();

/** Adds a card to a cell through its "Add card" button and types its text. */
async function addCard(frame: Locator, stage: string, lane: string, text: string): Promise<void> {
  await press(frame.page(), frame.getByRole('button', { name: `Add card: ${stage} · ${lane}` }));
  const editor = frame.getByRole('textbox', { name: 'Card text' });
  await editor.waitFor();
  await editor.fill(text);
  await editor.press('Enter');
  await editor.waitFor({ state: 'detached' });
}

/** The texts of the cards in one cell, in order. */
function cellTexts(frame: Locator, stage: string, lane: string): Promise<string[]> {
  return frame
    .getByRole('list', { name: `${stage} · ${lane}`, exact: true })
    .locator('[data-card-id] .jm-card-text')
    .allInnerTexts();
}

/** Page y of an emotion score inside the emotion chart (band: 18 px margins in a 184 px lane). */
async function emotionY(chart: Locator, value: number): Promise<number> {
  const box = await chart.boundingBox();
  if (!box) throw new Error('emotion chart not visible');
  const scale = box.height / 184;
  return box.y + (18 + ((2 - value) / 4) * (184 - 36)) * scale;
}

// One story in steps, as a facilitator builds a map; each step starts where the previous one ended.
describe.sequential('journey map frame', () => {
  let page: Page;
  let problems: PageProblems;
  let frame: Locator;
  let chart: Locator;

  /** The titles of all stages, in order. */
  const stageTitles = async () =>
    Promise.all(
      (await frame.getByRole('textbox', { name: /^Stage \d+ title$/ }).all()).map((field) =>
        field.inputValue(),
      ),
    );

  it('is created from the toolbar’s preset picker, retitled and given a segment', async () => {
    ({ page, problems } = await app.open('', {
      viewport: { width: 1800, height: 1100 },
    }));
    await newBoard(page);

    // Create a full CJM from the toolbar's preset picker.
    await page.getByRole('button', { name: 'Journey map', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Full CJM (all lanes)' }).click();
    frame = page.getByRole('region', { name: 'CJM: Customer journey map' });
    await frame.waitFor();
    await fitToScreen(page);

    // Retitle it and set the segment.
    const title = frame.getByRole('textbox', { name: 'Journey map title' });
    await title.fill('Online order');
    await title.press('Enter');
    frame = page.getByRole('region', { name: 'CJM: Online order' });
    await frame.getByRole('textbox', { name: 'Segment' }).fill('Busy parents');
    await frame.getByRole('textbox', { name: 'Segment' }).press('Enter');
  });

  it('gets three stages at the end, each title field focused as it appears', async () => {
    // Add three stages at the end; each new title field takes focus with its default selected.
    for (const stage of ['Search', 'Compare', 'Pay']) {
      // The frame grows to the right with every stage: bring the button into view first.
      await press(page, frame.getByRole('button', { name: 'Add stage', exact: true }));
      const field = frame.getByRole('textbox', { name: /^Stage \d+ title$/ }).last();
      await expect.poll(() => field.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await page.keyboard.type(stage);
      await page.keyboard.press('Enter');
    }
    expect((await stageTitles()).slice(-3)).toEqual(['Search', 'Compare', 'Pay']);
    await fitToScreen(page);
  });

  it('takes cards in cells, and a card dragged to another cell lands above the one there', async () => {
    // Cards in cells.
    await addCard(frame, 'Search', 'Customer steps', 'Looks for a shop');
    await addCard(frame, 'Search', 'Customer steps', 'Reads reviews');
    await addCard(frame, 'Compare', 'Barriers and pains', 'Prices differ between sites');
    expect(await cellTexts(frame, 'Search', 'Customer steps')).toEqual(['Looks for a shop', 'Reads reviews']);

    // Drag a card to another cell, above the card already there.
    const card = frame.locator('[data-card-id]', { hasText: 'Reads reviews' });
    const target = frame.getByRole('list', { name: 'Compare · Barriers and pains', exact: true });
    await card.dragTo(target, { targetPosition: { x: 20, y: 4 } });
    await expect
      .poll(() => cellTexts(frame, 'Compare', 'Barriers and pains'))
      .toEqual(['Reads reviews', 'Prices differ between sites']);
    expect(await cellTexts(frame, 'Search', 'Customer steps')).toEqual(['Looks for a shop']);
  });

  it('sets as-is emotions by dragging a point and by clicking a stage’s column', async () => {
    // Emotions, as-is: drag the Search point up to +1.5, click Compare's column at −1.
    chart = frame.getByRole('group', { name: 'Emotion curve' });
    const searchAsIs = frame.getByRole('slider', { name: 'Emotion at Search, As is' });
    await bringToMiddle(page, searchAsIs);
    const from = await centerOf(searchAsIs);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, (from.y + (await emotionY(chart, 1.5))) / 2, { steps: 4 });
    await page.mouse.move(from.x, await emotionY(chart, 1.5), { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => searchAsIs.getAttribute('aria-valuenow')).toBe('1.5');
    const compareAsIs = frame.getByRole('slider', { name: 'Emotion at Compare, As is' });
    await page.mouse.click((await centerOf(compareAsIs)).x, await emotionY(chart, -1));
    await expect.poll(() => compareAsIs.getAttribute('aria-valuenow')).toBe('-1');
  });

  it('shows the to-be series and sets it from the keyboard and by clicking', async () => {
    // Emotions, to-be: show the series, then set Search from the keyboard.
    await press(page, frame.getByRole('button', { name: 'Show to-be' }));
    await frame
      .getByRole('group', { name: 'Series set by clicking' })
      .getByRole('radio', { name: 'To be' })
      .check();
    const searchToBe = frame.getByRole('slider', { name: 'Emotion at Search, To be' });
    await searchToBe.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(() => searchToBe.getAttribute('aria-valuenow')).toBe('2');
    const payToBe = frame.getByRole('slider', { name: 'Emotion at Pay, To be' });
    await bringToMiddle(page, payToBe);
    await page.mouse.click((await centerOf(payToBe)).x, await emotionY(chart, 0.5));
    await expect.poll(() => payToBe.getAttribute('aria-valuenow')).toBe('0.5');
  });

  it('gets a moment of truth on the last stage, with target and current', async () => {
    // A moment of truth on the last stage, with target vs current.
    await press(page, frame.getByRole('button', { name: 'Add moment of truth: Pay' }));
    const dialog = frame.getByRole('dialog', { name: 'Moment of truth' });
    await dialog.getByRole('textbox', { name: /^Target/ }).fill('Sure the order arrives tomorrow');
    await dialog.getByRole('textbox', { name: /^Target/ }).press('Tab');
    await dialog.getByRole('textbox', { name: /^Current/ }).fill('Unsure when it arrives');
    await dialog.getByRole('textbox', { name: /^Current/ }).press('Tab');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const moment = frame.getByRole('button', {
      name: 'UMOT. Target: Sure the order arrives tomorrow. Current: Unsure when it arrives',
    });
    await moment.waitFor();
  });

  it('redacts a customer quote on export, and undo/redo take the redaction back and forth', async () => {
    // A customer quote, redacted on export.
    await addCard(frame, 'Pay', 'Customer quotes', 'I never know where my parcel is');
    const redact = frame.getByRole('button', { name: 'Redact on export: I never know where my parcel is' });
    await press(page, redact);
    await expect.poll(() => redact.getAttribute('aria-pressed')).toBe('true');
    await saveScreenshot(page, 'journey-map-built');

    // Undo and redo the last change (the redaction) with the usual shortcuts.
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => redact.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press(`${MOD}+Shift+z`);
    await expect.poll(() => redact.getAttribute('aria-pressed')).toBe('true');
  });

  it('is all still there after a reload', async () => {
    // Reload: everything is still there (the board persists in IndexedDB).
    await localChangesSaved(page);
    await page.reload();
    frame = page.getByRole('region', { name: 'CJM: Online order' });
    await frame.waitFor();
    await fitToScreen(page);
    expect((await stageTitles()).slice(-3)).toEqual(['Search', 'Compare', 'Pay']);
    expect(await frame.getByRole('textbox', { name: 'Segment' }).inputValue()).toBe('Busy parents');
    expect(await cellTexts(frame, 'Search', 'Customer steps')).toEqual(['Looks for a shop']);
    expect(await cellTexts(frame, 'Compare', 'Barriers and pains')).toEqual([
      'Reads reviews',
      'Prices differ between sites',
    ]);
    expect(
      await frame.getByRole('slider', { name: 'Emotion at Search, As is' }).getAttribute('aria-valuenow'),
    ).toBe('1.5');
    expect(
      await frame.getByRole('slider', { name: 'Emotion at Compare, As is' }).getAttribute('aria-valuenow'),
    ).toBe('-1');
    // The to-be series has values, so it is shown by default after a reload.
    expect(
      await frame.getByRole('slider', { name: 'Emotion at Search, To be' }).getAttribute('aria-valuenow'),
    ).toBe('2');
    expect(
      await frame.getByRole('slider', { name: 'Emotion at Pay, To be' }).getAttribute('aria-valuenow'),
    ).toBe('0.5');
    await frame
      .getByRole('button', {
        name: 'UMOT. Target: Sure the order arrives tomorrow. Current: Unsure when it arrives',
      })
      .waitFor();
    expect(
      await frame
        .getByRole('button', { name: 'Redact on export: I never know where my parcel is' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    // Redacted quotes are drawn blurred on the canvas too (while not hovered or focused).
    const quote = frame.locator('[data-card-id]', { hasText: 'I never know where my parcel is' });
    expect(
      await quote
        .locator('.jm-card-text')
        .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).filter),
    ).toMatch(/blur/);
    await saveScreenshot(page, 'journey-map-after-reload');
  });

  it('shows no page or console errors', () => {
    expect(problems.errors).toEqual([]);
  });
});
