import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addElement, browserApp, MOD, newBoard, node } from './support';

/**
 * Keys typed in a dialog never reach the canvas: Delete, Backspace, tool letters, arrows and
 * Ctrl+D pressed in the live-board dialog (the app's one modal dialog, shell/Dialog.tsx) or in
 * the profile popover leave the selected sticky where it is. Each check first shows the same
 * key does act on the canvas, so "nothing happened" means the dialog kept it.
 */

const app = browserApp();

const KEYS = ['Delete', 'Backspace', 'n', 'r', 'ArrowLeft', `${MOD}+d`, `${MOD}+a`];

/** Selected stickies, total stickies, the active tool and the sticky's position. */
async function canvasState(page: Page, name: string) {
  return {
    stickies: await page.locator('.react-flow__node .cx-sticky').count(),
    selected: await page.locator('.react-flow__node.selected').count(),
    tool: await page
      .getByRole('toolbar', { name: 'Tools' })
      .locator('button[aria-pressed="true"]')
      .getAttribute('aria-label'),
    at: (await node(page, name).count()) > 0 ? await node(page, name).boundingBox() : null,
  };
}

describe('keys in dialogs', () => {
  it('never delete, move or replace what is selected on the canvas', async () => {
    const { page, problems } = await app.open();
    await newBoard(page);
    await addElement(page, 'Sticky note', { x: 300, y: 300 }, 'Keep me');
    await addElement(page, 'Sticky note', { x: 700, y: 300 }, 'Delete me');

    // The keys do reach the canvas outside a dialog: Delete removes the selected sticky.
    await node(page, 'Sticky note: Delete me').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => node(page, 'Sticky note: Delete me').count()).toBe(0);

    await node(page, 'Sticky note: Keep me').click();
    const before = await canvasState(page, 'Sticky note: Keep me');
    expect(before).toMatchObject({ stickies: 1, selected: 1, tool: 'Select' });

    // The live-board dialog (a native modal <dialog>): focus on its buttons, then on its text.
    await page.getByRole('button', { name: 'Share / connect' }).click();
    const live = page.getByRole('dialog', { name: 'Live board' });
    await live.waitFor();
    await live.getByRole('button', { name: 'Copy link' }).focus();
    for (const key of KEYS) await page.keyboard.press(key);
    // A click on its plain text.
    await live.getByRole('heading', { name: 'Live board' }).click();
    for (const key of KEYS) await page.keyboard.press(key);
    // Focus falls back to the page (as when the focused button is replaced, e.g. the host
    // dialog's Start): the open modal dialog still keeps the keys from the canvas.
    await page.locator(':focus').evaluate((el) => (el as { blur(): void }).blur());
    expect(await page.locator(':focus').count()).toBe(0);
    for (const key of KEYS) await page.keyboard.press(key);
    await live.getByRole('button', { name: 'Close' }).click();
    await live.waitFor({ state: 'detached' });
    expect(await canvasState(page, 'Sticky note: Keep me')).toEqual(before);

    // The profile popover (a non-modal role="dialog"): keys on its colour choice and Done button.
    await page.getByRole('button', { name: /^Your name and colour/ }).click();
    const profile = page.getByRole('dialog', { name: 'How others see you' });
    await profile.getByRole('radio', { name: 'Teal' }).focus();
    for (const key of ['Delete', 'Backspace', 'n']) await page.keyboard.press(key);
    await profile.getByRole('button', { name: 'Done' }).focus();
    for (const key of ['Delete', 'Backspace', 'n']) await page.keyboard.press(key);
    await profile.getByRole('button', { name: 'Done' }).click();
    await profile.waitFor({ state: 'detached' });
    expect(await canvasState(page, 'Sticky note: Keep me')).toEqual(before);

    // Back on the canvas, the selection is intact and Delete acts on it again.
    await node(page, 'Sticky note: Keep me').click();
    await page.keyboard.press('Backspace');
    await expect.poll(() => node(page, 'Sticky note: Keep me').count()).toBe(0);
    expect(problems.errors.filter((e) => !/WebSocket/.test(e))).toEqual([]);
  });
});
