import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addElement,
  canvas,
  centerOf,
  clickCanvas,
  computedStyle,
  dragBetween,
  localChangesSaved,
  MOD,
  newBoard,
  node,
  type PageProblems,
  saveScreenshot,
  browserApp,
} from './support';

const app = browserApp();

/** A node's box on the page. */
type Box = { x: number; y: number; width: number; height: number };

async function boxOf(page: Page, name: string | RegExp): Promise<Box> {
  const box = await node(page, name).boundingBox();
  if (!box) throw new Error(`${name} is not visible`);
  return box;
}

/** Background colour of a sticky, as the browser computes it. */
function stickyColor(page: Page, name: string) {
  return computedStyle(node(page, name).locator('.cx-sticky'), 'backgroundColor');
}

describe('free elements on the canvas', () => {
  // Each story in steps; each step starts where the previous one ended.
  describe.sequential('a frame with stickies, a connector and colours', () => {
    let page: Page;
    let problems: PageProblems;
    let before: Record<'frame' | 'inside' | 'dropped' | 'text', Box>;
    let after: typeof before;

    it('holds a titled frame with a sticky made inside it and one dragged in, beside a text and a labelled rectangle', async () => {
      ({ page, problems } = await app.open());
      await newBoard(page);

      // A frame with a title, a sticky created inside it, and one outside.
      await addElement(page, 'Frame', { x: 450, y: 420 });
      await node(page, 'Frame').locator('.cx-frame__title').dblclick();
      await page.getByRole('textbox', { name: 'Frame title' }).fill('Research');
      await page.keyboard.press('Enter');
      await expect.poll(() => node(page, 'Frame: Research').count()).toBe(1);

      await addElement(page, 'Sticky note', { x: 300, y: 400 }, 'Inside from the start');
      await addElement(page, 'Sticky note', { x: 1050, y: 330 }, 'Dropped in later');
      await addElement(page, 'Text', { x: 1100, y: 140 }, 'Heading');
      await addElement(page, 'Rectangle', { x: 1150, y: 640 });
      await node(page, 'Rectangle').dblclick();
      await page.getByRole('textbox', { name: 'Shape text' }).fill('Process');
      await page.keyboard.press('Escape');
      await expect.poll(() => node(page, 'Rectangle: Process').count()).toBe(1);

      // Drag the outside sticky into the frame: it becomes part of the frame (checked when the frame moves).
      const dropped = await boxOf(page, 'Sticky note: Dropped in later');
      await dragBetween(
        page,
        { x: dropped.x + dropped.width / 2, y: dropped.y + dropped.height / 2 },
        { x: (await canvas(page).boundingBox())!.x + 620, y: (await canvas(page).boundingBox())!.y + 420 },
      );
    });

    it('connects the selected sticky to the rectangle with C and a click, and labels the connector', async () => {
      // A connector from the selected sticky to the rectangle (C, then click), with a label.
      await node(page, 'Sticky note: Inside from the start').click();
      await page.keyboard.press('c');
      await expect(await page.getByRole('status').filter({ hasText: 'connect to' }).count()).toBe(1);
      await node(page, 'Rectangle: Process').click();
      await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: 'Connector label' }).fill('leads to');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByRole('button', { name: 'Connector label: leads to' }).count())
        .toBe(1);
    });

    it('recolours a sticky from the selection toolbar', async () => {
      await node(page, 'Sticky note: Inside from the start').click();
      await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Pink' }).click();
      await expect
        .poll(() => stickyColor(page, 'Sticky note: Inside from the start'))
        .toBe('rgb(248, 187, 208)');
    });

    it('moves the frame by its title with both stickies in it, leaving the text outside', async () => {
      before = {
        frame: await boxOf(page, 'Frame: Research'),
        inside: await boxOf(page, 'Sticky note: Inside from the start'),
        dropped: await boxOf(page, 'Sticky note: Dropped in later'),
        text: await boxOf(page, 'Text: Heading'),
      };
      const title = await centerOf(node(page, 'Frame: Research').locator('.cx-frame__title'));
      await dragBetween(page, title, { x: title.x + 100, y: title.y + 60 }, 25);
      after = {
        frame: await boxOf(page, 'Frame: Research'),
        inside: await boxOf(page, 'Sticky note: Inside from the start'),
        dropped: await boxOf(page, 'Sticky note: Dropped in later'),
        text: await boxOf(page, 'Text: Heading'),
      };
      const moved = { x: after.frame.x - before.frame.x, y: after.frame.y - before.frame.y };
      expect(moved.x).toBeGreaterThan(80);
      expect(moved.y).toBeGreaterThan(40);
      for (const key of ['inside', 'dropped'] as const) {
        expect(after[key].x - before[key].x).toBeCloseTo(moved.x, 0);
        expect(after[key].y - before[key].y).toBeCloseTo(moved.y, 0);
      }
      expect(after.text.x).toBeCloseTo(before.text.x, 0);
      await saveScreenshot(page, 'canvas-free-elements-moved');
    });

    it('puts the frame and its contents back on Undo and moves them again on Redo', async () => {
      await canvas(page).click({ position: { x: 700, y: 820 } }); // focus the canvas, clear the selection
      await page.keyboard.press(`${MOD}+z`);
      await expect
        .poll(async () => (await boxOf(page, 'Sticky note: Dropped in later')).x)
        .toBeCloseTo(before.dropped.x, 0);
      await page.keyboard.press(`${MOD}+Shift+z`);
      await expect
        .poll(async () => (await boxOf(page, 'Sticky note: Dropped in later')).x)
        .toBeCloseTo(after.dropped.x, 0);
    });

    it('deletes the text and brings it back with the Undo button', async () => {
      await node(page, 'Text: Heading').click();
      await page.keyboard.press('Delete');
      await expect.poll(() => node(page, 'Text: Heading').count()).toBe(0);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => node(page, 'Text: Heading').count()).toBe(1);
    });

    it('reopens after a reload from this browser’s storage with everything in place', async () => {
      const relative = async () => {
        const a = await boxOf(page, 'Sticky note: Inside from the start');
        const b = await boxOf(page, 'Sticky note: Dropped in later');
        return { dx: (b.x - a.x) / a.width, dy: (b.y - a.y) / a.height };
      };
      const layoutBefore = await relative();
      await localChangesSaved(page);
      await page.reload();
      await canvas(page).waitFor();
      for (const name of [
        'Frame: Research',
        'Sticky note: Inside from the start',
        'Sticky note: Dropped in later',
        'Text: Heading',
        'Rectangle: Process',
      ]) {
        await expect.poll(() => node(page, name).count(), { message: name }).toBe(1);
      }
      await expect
        .poll(() => page.getByRole('button', { name: 'Connector label: leads to' }).count())
        .toBe(1);
      expect(await stickyColor(page, 'Sticky note: Inside from the start')).toBe('rgb(248, 187, 208)');
      const layoutAfter = await relative();
      expect(layoutAfter.dx).toBeCloseTo(layoutBefore.dx, 2);
      expect(layoutAfter.dy).toBeCloseTo(layoutBefore.dy, 2);
      await saveScreenshot(page, 'canvas-free-elements-reloaded');
    });

    it('shows no page or console errors', () => {
      expect(problems.errors).toEqual([]);
    });
  });

  describe.sequential('selecting, duplicating, nudging and deleting', () => {
    let page: Page;
    let problems: PageProblems;

    it('selects two stickies with a marquee and adds the ellipse with Shift-click', async () => {
      ({ page, problems } = await app.open());
      await newBoard(page);
      await addElement(page, 'Sticky note', { x: 300, y: 300 }, 'One');
      await addElement(page, 'Sticky note', { x: 550, y: 300 }, 'Two');
      await addElement(page, 'Ellipse', { x: 900, y: 300 });

      // Marquee around the two stickies only.
      const area = (await canvas(page).boundingBox())!;
      await dragBetween(page, { x: area.x + 150, y: area.y + 150 }, { x: area.x + 700, y: area.y + 450 });
      await expect.poll(() => canvas(page).locator('.react-flow__node.selected').count()).toBe(2);

      // Shift-click adds the ellipse.
      await node(page, 'Ellipse').click({ modifiers: ['Shift'] });
      await expect.poll(() => canvas(page).locator('.react-flow__node.selected').count()).toBe(3);
    });

    it('nudges the selection by 10 with Shift+arrow and by 1 with an arrow', async () => {
      // Zoom is 100 %, so units are pixels.
      const one = await boxOf(page, 'Sticky note: One');
      await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(async () => (await boxOf(page, 'Sticky note: One')).x).toBeCloseTo(one.x + 10, 0);
      await page.keyboard.press('ArrowDown');
      await expect.poll(async () => (await boxOf(page, 'Sticky note: One')).y).toBeCloseTo(one.y + 1, 0);
    });

    it('duplicates the selection, and the copies become the selection', async () => {
      await page.keyboard.press(`${MOD}+d`);
      await expect.poll(() => node(page, 'Sticky note: One').count()).toBe(2);
      await expect.poll(() => node(page, 'Ellipse').count()).toBe(2);
      await expect.poll(() => canvas(page).locator('.react-flow__node.selected').count()).toBe(3);
    });

    it('deletes exactly the duplicates; undo brings them back and redo deletes them again', async () => {
      await page.keyboard.press('Delete');
      await expect.poll(() => canvas(page).locator('.react-flow__node').count()).toBe(3);
      await page.keyboard.press(`${MOD}+z`);
      await expect.poll(() => canvas(page).locator('.react-flow__node').count()).toBe(6);
      await page.keyboard.press(`${MOD}+y`);
      await expect.poll(() => canvas(page).locator('.react-flow__node').count()).toBe(3);
    });

    it('fires no shortcut while typing: "n" in the board title is a letter, not a new sticky', async () => {
      const title = page.getByRole('textbox', { name: 'Board title' });
      await title.fill('');
      await title.type('Plan n');
      await page.keyboard.press('Enter');
      expect(await title.inputValue()).toBe('Plan n');
      expect(await page.getByRole('button', { name: 'Sticky note', pressed: true }).count()).toBe(0);
      await clickCanvas(page, 700, 700);
      expect(await canvas(page).locator('.react-flow__node').count()).toBe(3);
    });

    it('shows no page or console errors', () => {
      expect(problems.errors).toEqual([]);
    });
  });

  describe.sequential('panning, zooming, resizing and connecting by a handle', () => {
    let page: Page;
    let problems: PageProblems;
    const left = () => boxOf(page, 'Sticky note: Left');

    it('zooms in and out with the buttons and back to 100 % with the zoom label', async () => {
      ({ page, problems } = await app.open());
      await newBoard(page);
      await addElement(page, 'Sticky note', { x: 400, y: 350 }, 'Left');
      await addElement(page, 'Sticky note', { x: 800, y: 350 }, 'Right');
      const zoomLevel = async () =>
        Number(
          /Zoom (\d+)%/.exec(
            (await page.getByRole('button', { name: /^Zoom \d+%/ }).getAttribute('aria-label')) ?? '',
          )?.[1],
        );
      expect(await zoomLevel()).toBe(100);

      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(zoomLevel).toBeGreaterThan(100);
      await page.getByRole('button', { name: 'Zoom out' }).click();
      await page.getByRole('button', { name: 'Zoom out' }).click();
      await expect.poll(zoomLevel).toBeLessThan(100);
      await page.getByRole('button', { name: /^Zoom \d+%/ }).click(); // back to 100 %
      await expect.poll(zoomLevel).toBe(100);
    });

    it('pans with the wheel, with the hand tool and with Space-drag in the select tool', async () => {
      const area = (await canvas(page).boundingBox())!;
      let before = await left();
      await page.mouse.move(area.x + 600, area.y + 700);
      await page.mouse.wheel(0, 120);
      await expect.poll(async () => (await left()).y).toBeLessThan(before.y - 20);
      before = await left();
      await page.keyboard.press('h');
      await dragBetween(page, { x: area.x + 600, y: area.y + 700 }, { x: area.x + 700, y: area.y + 650 });
      await expect.poll(async () => (await left()).x).toBeGreaterThan(before.x + 50);
      await page.keyboard.press('v');
      before = await left();
      await page.mouse.move(area.x + 600, area.y + 700);
      await page.keyboard.down('Space');
      await dragBetween(page, { x: area.x + 600, y: area.y + 700 }, { x: area.x + 500, y: area.y + 700 });
      await page.keyboard.up('Space');
      await expect.poll(async () => (await left()).x).toBeLessThan(before.x - 50);
      expect(await node(page, 'Sticky note: Left').count()).toBe(1); // panning moved the view, not the note
    });

    it('resizes a sticky with its corner handle, and undo restores the size', async () => {
      await node(page, 'Sticky note: Left').click();
      const original = await left();
      const corner = await centerOf(
        node(page, 'Sticky note: Left').locator('.react-flow__resize-control.handle.bottom.right'),
      );
      await dragBetween(page, corner, { x: corner.x + 120, y: corner.y + 60 });
      await expect.poll(async () => (await left()).width).toBeGreaterThan(original.width + 80);
      await page.keyboard.press(`${MOD}+z`);
      await expect.poll(async () => Math.round((await left()).width)).toBe(Math.round(original.width));
    });

    it('connects two notes by dragging from one’s right handle onto the other', async () => {
      const leftNote = node(page, 'Sticky note: Left');
      await leftNote.hover();
      const handle = await centerOf(leftNote.locator('.react-flow__handle-right'));
      await dragBetween(page, handle, await centerOf(node(page, 'Sticky note: Right')), 20);
      await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    });

    it('toggles snap to grid', async () => {
      const snap = page.getByRole('button', { name: 'Snap to grid' });
      expect(await snap.getAttribute('aria-pressed')).toBe('false');
      await snap.click();
      expect(await snap.getAttribute('aria-pressed')).toBe('true');
      await saveScreenshot(page, 'canvas-pan-zoom-resize-connect');
    });

    it('shows no page or console errors', () => {
      expect(problems.errors).toEqual([]);
    });
  });
});
