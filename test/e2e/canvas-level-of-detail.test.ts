import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addElement, canvas, newBoard, node, browserApp } from './support';

/**
 * Level of detail as a user meets it: zoomed far out, journey maps and stickies are drawn
 * as pictures (the names stay for screen readers); zoomed back in, every control returns;
 * a field being edited while zooming out keeps its draft. Built web app, real server,
 * Debian's Chromium.
 */

const app = browserApp();

async function zoomPercent(page: Page): Promise<number> {
  const label = await page.getByRole('button', { name: /^Zoom \d+%/ }).getAttribute('aria-label');
  return Number(/Zoom (\d+)%/.exec(label ?? '')?.[1]);
}

/** Ctrl+wheel over the middle of the canvas, one notch at a time, until the zoom is past `percent`. */
async function wheelZoomTo(page: Page, percent: number): Promise<void> {
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const zoomingOut = (await zoomPercent(page)) > percent;
  await page.keyboard.down('Control');
  for (let i = 0; i < 60; i++) {
    const now = await zoomPercent(page);
    if (zoomingOut ? now < percent : now > percent) break;
    await page.mouse.wheel(0, zoomingOut ? 100 : -100);
  }
  await page.keyboard.up('Control');
  const reached = await zoomPercent(page);
  expect(zoomingOut ? reached < percent : reached > percent, `zoom ${reached}% for ${percent}%`).toBe(true);
}

describe('canvas level of detail', () => {
  it('draws journey maps and stickies as pictures far out, brings controls back, keeps a draft', async () => {
    const { page, problems } = await app.open('', { viewport: { width: 1400, height: 900 } });
    await newBoard(page);
    await addElement(page, 'Sticky note', { x: 300, y: 300 }, 'Call the shop');
    await page.getByRole('button', { name: 'Journey map', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Full CJM (all lanes)' }).click();
    const frame = page.getByRole('region', { name: 'CJM: Customer journey map' });
    await frame.waitFor();
    const addCards = frame.getByRole('button', { name: /^Add card: / });
    expect(await addCards.count()).toBeGreaterThan(0);
    const sticky = node(page, 'Sticky note: Call the shop');
    await expect.poll(() => sticky.textContent()).toContain('Call the shop');

    // Far out: the frame is one picture with its name, no controls; the sticky a plain box.
    await wheelZoomTo(page, 25);
    await expect.poll(() => addCards.count()).toBe(0);
    expect(await frame.getByRole('textbox').count()).toBe(0);
    expect(await frame.locator('svg[aria-hidden="true"] text').first().textContent()).toBe(
      'Customer journey map',
    );
    await expect.poll(() => sticky.textContent()).toBe('');
    expect(await sticky.count()).toBe(1); // still named for screen readers

    // Back in: everything returns (parts switch progressively, nearest first).
    await wheelZoomTo(page, 60);
    await expect.poll(() => addCards.count()).toBeGreaterThan(0);
    await expect.poll(() => sticky.textContent()).toContain('Call the shop');

    // A title being typed while zooming out keeps its controls and its draft.
    const title = frame.getByRole('textbox', { name: 'Journey map title' });
    await title.click();
    await title.fill('Weekend order');
    await wheelZoomTo(page, 25);
    expect(await title.inputValue()).toBe('Weekend order');
    await title.press('Enter');
    const renamed = page.getByRole('region', { name: 'CJM: Weekend order' });
    await renamed.waitFor();
    // Focus has left the frame: now it turns into its picture too.
    await expect.poll(() => renamed.getByRole('textbox').count()).toBe(0);

    expect(problems.errors).toEqual([]);
  });
});
