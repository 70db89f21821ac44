import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addElement,
  canvas,
  MOD,
  newBoard,
  node,
  type PageProblems,
  saveScreenshot,
  browserApp,
  writeClipboard,
} from './support';

const app = browserApp();

// One story in steps; each step starts where the previous one ended (same clipboard).
describe.sequential('copy and paste', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let second: Page;

  it('copies elements with their connector and pastes them next to the originals', async () => {
    ({ context, page, problems } = await app.open());
    await newBoard(page);
    await addElement(page, 'Sticky note', { x: 300, y: 300 }, 'Copy me');
    await addElement(page, 'Diamond', { x: 700, y: 300 });
    await node(page, 'Sticky note: Copy me').click();
    await page.keyboard.press('c');
    await node(page, 'Diamond').click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    // Select everything and copy.
    await canvas(page).click({ position: { x: 700, y: 700 } });
    await page.keyboard.press(`${MOD}+a`);
    await expect.poll(() => canvas(page).locator('.react-flow__node.selected').count()).toBe(2);
    await page.keyboard.press(`${MOD}+c`);

    // Paste on the same board: copies land next to the originals.
    await page.keyboard.press(`${MOD}+v`);
    await expect.poll(() => node(page, 'Sticky note: Copy me').count()).toBe(2);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
  });

  it('pastes them into another board in the same tab', async () => {
    // A second board in the same tab.
    await page.getByRole('button', { name: 'All boards' }).click();
    await newBoard(page);
    await page.keyboard.press(`${MOD}+v`);
    await expect.poll(() => node(page, 'Sticky note: Copy me').count()).toBe(1);
    await expect.poll(() => node(page, 'Diamond').count()).toBe(1);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    // The pasted elements are selected and in view.
    expect(await canvas(page).locator('.react-flow__node.selected').count()).toBe(2);
    await expect.poll(() => node(page, 'Sticky note: Copy me').isVisible()).toBe(true);
    await saveScreenshot(page, 'canvas-clipboard-second-board');
  });

  it('pastes them into another tab of the same browser', async () => {
    // Another tab of the same browser profile, on a third board.
    second = await context.newPage();
    await second.goto(app.url);
    await newBoard(second);
    await second.keyboard.press(`${MOD}+v`);
    await expect.poll(() => node(second, 'Sticky note: Copy me').count()).toBe(1);
    await expect.poll(() => second.locator('.react-flow__edge').count()).toBe(1);
  });

  it('turns plain text into a sticky and refuses a forged element payload', async () => {
    // Plain text from elsewhere becomes a sticky; a forged element payload is refused with a message.
    await writeClipboard(second, 'A note from an email');
    await second.keyboard.press(`${MOD}+v`);
    await expect.poll(() => node(second, 'Sticky note: A note from an email').count()).toBe(1);
    await writeClipboard(
      second,
      JSON.stringify({
        format: 'cxboard/elements',
        version: 1,
        elements: [{ id: 'x', type: 'sticky', x: 'NaN' }],
      }),
    );
    await second.keyboard.press(`${MOD}+v`);
    await expect.poll(() => second.getByRole('alert').textContent()).toContain('nothing was pasted');
    expect(await canvas(second).locator('.react-flow__node').count()).toBe(3);
  });

  it('cuts the selection to the clipboard and pastes it back', async () => {
    // Cut takes the selection off the board onto the clipboard; paste brings it back.
    await node(second, 'Sticky note: A note from an email').click();
    await second.keyboard.press(`${MOD}+x`);
    await expect.poll(() => node(second, 'Sticky note: A note from an email').count()).toBe(0);
    expect(await canvas(second).locator('.react-flow__node').count()).toBe(2);
    await second.keyboard.press(`${MOD}+v`);
    await expect.poll(() => node(second, 'Sticky note: A note from an email').count()).toBe(1);
  });

  it('shows no page or console errors', () => {
    expect(problems.errors).toEqual([]);
  });
});
