import { describe, expect, it } from 'vitest';
import {
  addElement,
  browserApp,
  canvas,
  MOD,
  newBoard,
  node,
  saveScreenshot,
  writeClipboard,
} from './support';

/**
 * A record that cannot be drawn never blanks the board: its node shows a "cannot display"
 * placeholder with its id, and everything else keeps working, also after a reload.
 *
 * The hostile record is a journey map pasted from the clipboard (so it is a valid record the
 * model accepts); the page is given a fault that stands in for any content the drawing code
 * cannot handle: reading the trimmed text of exactly that map's title throws.
 */

const app = browserApp();

const MARKER = 'cannot-draw-marker';

/** Installed in the page before the app runs: `trim()` of the hostile map's title throws. */
const FAULT = `(() => {
  const trim = String.prototype.trim;
  String.prototype.trim = function () {
    if (String(this) === 'Map ${MARKER}') throw new Error('${MARKER}: this record cannot be drawn');
    return trim.call(this);
  };
})();`;

const hostileMap = {
  format: 'cxboard/elements',
  version: 1,
  elements: [],
  frames: [
    {
      kind: 'journey',
      record: {
        id: 'hostile',
        kind: 'cjm',
        title: `Map ${MARKER}`,
        x: 0,
        y: 0,
        personaId: null,
        segment: '',
        scenarioGoal: '',
        state: 'as-is',
        endGoal: '',
        goalKind: null,
        whyLadder: [],
        stages: [{ id: 's1', title: 'One', emotion: { asIs: null, toBe: null } }],
        lanes: [{ id: 'l1', type: 'steps', title: '' }],
        cells: {},
        moments: [],
      },
    },
  ],
};

describe('error boundaries', () => {
  it('shows a record that cannot be drawn as a placeholder with its id; the rest of the board works', async () => {
    const { page, problems } = await app.open();
    await page.addInitScript(FAULT);
    await page.reload();
    await newBoard(page);
    await addElement(page, 'Sticky note', { x: 300, y: 500 }, 'Before');

    await writeClipboard(page, JSON.stringify(hostileMap));
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press(`${MOD}+v`);
    const placeholder = canvas(page).getByRole('status', { name: /^Cannot display item [0-9A-Za-z_-]+$/ });
    await placeholder.waitFor();
    await expect
      .poll(() => placeholder.textContent())
      .toMatch(/Cannot display this item.*id [0-9A-Za-z_-]{16}/);
    await saveScreenshot(page, 'frames-boundary-placeholder');

    // The rest of the board is usable: existing items are there, new ones can be added and
    // edited, the board title changes, undo works.
    expect(await node(page, 'Sticky note: Before').count()).toBe(1);
    await addElement(page, 'Sticky note', { x: 700, y: 500 }, 'After');
    await expect.poll(() => node(page, 'Sticky note: After').count()).toBe(1);
    await page.getByRole('textbox', { name: 'Board title' }).fill('Still working');
    await page.getByRole('textbox', { name: 'Board title' }).press('Enter');
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => node(page, 'Sticky note: After').count()).toBe(0);

    // After a reload the board opens the same way: placeholder, not a blank page.
    await page.reload();
    await placeholder.waitFor();
    await expect.poll(() => node(page, 'Sticky note: Before').count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Board title' }).inputValue()).toBe('Still working');

    // The only errors logged are the drawing failures the boundary caught.
    expect(problems.errors.filter((e) => !e.includes(MARKER))).toEqual([]);
    expect(problems.errors.length).toBeGreaterThan(0);
  });
});
