import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addElement,
  type BoardClient,
  canonical,
  canvas,
  centerOf,
  clickCanvas,
  connectBoardClient,
  dragBetween,
  MOD,
  node,
  saveScreenshot,
  browserApp,
  fitToScreen,
  waitFor,
} from './support';

/**
 * "Can view" links, as in Miro and FigJam: someone who opens a board with a viewer token sees
 * it live but is offered no editing. An editor and a viewer each in their own browser context
 * (two computers), on a server that requires tokens; a Node client watches the room itself,
 * so "changes nothing" is checked where it counts, not only on the viewer's screen.
 */

const SECRET = 'collab-viewer-test-secret-0123456789';
const ROOM = 'viewer-board-5f3a9c1e';
const VIEW = { width: 1600, height: 1000 };

const app = browserApp({ server: { allowAnonymous: false, secret: SECRET } });
let observer: BoardClient;

afterAll(() => {
  observer?.close();
});

/** The share link of the room with a token of the given role (`#/board/<id>?server=…&token=…`). */
function shareLink(role: 'editor' | 'viewer'): string {
  const token = app.server.mintToken(ROOM, role, 600);
  const query = `server=${encodeURIComponent(app.syncUrl)}&token=${encodeURIComponent(token)}`;
  return `${app.url}#/board/${ROOM}?${query}`;
}

async function openBoard(link: string) {
  const opened = await app.open(link, { viewport: VIEW });
  await canvas(opened.page).waitFor();
  await opened.page.waitForURL(`${app.url}#/board/${ROOM}`);
  await opened.page.getByRole('button', { name: 'Connection: Live' }).waitFor();
  return opened;
}

/** Top-left corner of a locator, in page pixels. */
async function cornerOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: Math.round(box.x), y: Math.round(box.y) };
}

/** The zoom of every other person's view, as the observer receives their presence. */
function peerViewports(): (number | undefined)[] {
  return observer.connection.presence.peers.getState().peers.map((peer) => peer.viewport?.zoom);
}

/** What the room holds, as the server's other clients receive it. */
function roomState(): string {
  return canonical(observer.board.snapshot());
}

// The test tsconfig has no DOM library: the one browser global used in page.evaluate below.
declare const navigator: { clipboard: { readText(): Promise<string> } };

// One story in steps, as a viewer experiences it; each step starts where the previous one ended.
describe.sequential('a viewer link', () => {
  let editor: Awaited<ReturnType<typeof openBoard>>;
  let viewer: Awaited<ReturnType<typeof openBoard>>;
  let ed: Page;
  let vw: Page;
  let sticky: Locator;
  let frame: Locator;
  let emotion: Locator;

  afterAll(async () => {
    await editor?.context.close();
    await viewer?.context.close();
  });

  it('starts from a board an editor built, held by the room', async () => {
    // The editor builds the board: a sticky and a journey map with a card and an emotion.
    editor = await openBoard(shareLink('editor'));
    ed = editor.page;
    await addElement(ed, 'Sticky note', { x: 260, y: 200 }, 'Welcome, viewers');
    await ed.getByRole('button', { name: 'Journey map', exact: true }).click();
    await ed.getByRole('menuitem', { name: 'Full CJM (all lanes)' }).click();
    const edFrame = ed.getByRole('region', { name: 'CJM: Customer journey map' });
    await edFrame.waitFor();
    await edFrame.getByRole('button', { name: 'Add card: Awareness · Customer steps' }).click();
    const cardEditor = edFrame.getByRole('textbox', { name: 'Card text' });
    await cardEditor.fill('Sees an ad for the shop');
    await cardEditor.press('Enter');
    await cardEditor.waitFor({ state: 'detached' });
    await edFrame.getByRole('slider', { name: 'Emotion at Awareness, As is' }).focus();
    await ed.keyboard.press('ArrowUp');
    await ed.keyboard.press('ArrowUp');
    await expect
      .poll(() =>
        edFrame.getByRole('slider', { name: 'Emotion at Awareness, As is' }).getAttribute('aria-valuenow'),
      )
      .toBe('1');
    await fitToScreen(ed);

    // A Node client on the room sees what the server holds.
    observer = connectBoardClient(app.syncUrl, ROOM, 'Observer', {
      token: app.server.mintToken(ROOM, 'editor', 600),
    });
    await observer.connection.whenSynced();
    await waitFor(
      () => Object.values(observer.board.snapshot().elements).some((e) => e.text === 'Welcome, viewers'),
      'the room holds the editor’s sticky',
    );
    await waitFor(() => {
      const journey = Object.values(observer.board.snapshot().journeys)[0];
      return !!journey && journey.stages[0]?.emotion.asIs === 1;
    }, 'the room holds the editor’s journey map');
  });

  it('opens for the viewer live, marked “View only”', async () => {
    // The viewer opens the same board with a viewer token: everything is there, marked view only.
    viewer = await openBoard(shareLink('viewer'));
    vw = viewer.page;
    await vw.getByRole('status', { name: 'View only' }).waitFor();
    sticky = node(vw, 'Sticky note: Welcome, viewers');
    await sticky.waitFor();
    frame = vw.getByRole('region', { name: 'CJM: Customer journey map' });
    await frame.waitFor();
    await fitToScreen(vw);
    await frame.getByText('Sees an ad for the shop').waitFor();
    emotion = frame.getByRole('slider', { name: 'Emotion at Awareness, As is' });
    expect(await emotion.getAttribute('aria-valuenow')).toBe('1');
  });

  it('offers the viewer no tool or control that adds or changes anything', async () => {
    // No creation tools: the toolbar has Select and Hand only; nothing else that adds or changes.
    const tools = vw.getByRole('toolbar', { name: 'Tools' });
    expect(
      await tools.getByRole('button').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label'))),
    ).toEqual(['Select', 'Hand (pan)']);
    for (const name of [
      'Sticky note',
      'Text',
      'Rectangle',
      'Ellipse',
      'Diamond',
      'Frame',
      'Connector',
      'Journey map',
    ])
      expect(await vw.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    for (const name of [
      /^Add card/,
      /^Add moment of truth/,
      'Add stage',
      'Add lane',
      /^Stage options/,
      /^Lane options/,
    ])
      expect(await vw.getByRole('button', { name }).count(), String(name)).toBe(0);
    for (const name of ['Undo', 'Redo', 'Snap to grid'])
      expect(await vw.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await vw.getByRole('textbox', { name: 'Board title' }).isEditable()).toBe(false);
    expect(await frame.getByRole('textbox', { name: 'Journey map title' }).isEditable()).toBe(false);
    expect(await frame.getByRole('textbox', { name: 'Stage 1 title' }).isEditable()).toBe(false);
    await saveScreenshot(vw, 'collab-viewer-board');
  });

  it('lets the viewer select and copy, while no key, click or drag changes the board', async () => {
    // Selecting works; no style bar appears for the selection.
    const before = roomState();
    const nodesBefore = await canvas(vw).getByRole('group').count();
    const stickyAt = await cornerOf(sticky);
    await sticky.click();
    await expect.poll(() => sticky.getAttribute('class')).toContain('selected');
    expect(await vw.getByRole('toolbar', { name: 'Selection' }).count()).toBe(0);

    // Copy still works: the sticky goes to the clipboard in the board's own format.
    await vw.keyboard.press(`${MOD}+c`);
    const copied = await vw.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('cxboard/elements');
    expect(copied).toContain('Welcome, viewers');

    // Delete, N (+ a click on the canvas), Ctrl+Z, Ctrl+D, arrows, paste, Enter, double click: nothing changes.
    await vw.keyboard.press('Delete');
    await vw.keyboard.press('KeyN');
    await clickCanvas(vw, 1400, 150);
    await sticky.click();
    await vw.keyboard.press(`${MOD}+z`);
    await vw.keyboard.press(`${MOD}+Shift+z`);
    await vw.keyboard.press(`${MOD}+d`);
    await vw.keyboard.press('ArrowRight');
    await vw.keyboard.press(`${MOD}+v`);
    await vw.keyboard.press('Enter');
    await sticky.dblclick();
    expect(await vw.locator('textarea.cx-text--editing').count()).toBe(0);
    await emotion.focus();
    await vw.keyboard.press('ArrowUp');
    await vw.keyboard.press('Delete');

    // Dragging the sticky and the journey frame moves neither.
    const editorSticky = node(ed, 'Sticky note: Welcome, viewers');
    const editorStickyAt = await cornerOf(editorSticky);
    const from = await centerOf(sticky);
    await dragBetween(vw, from, { x: from.x + 180, y: from.y + 120 });
    const frameHeader = frame.locator('.jm-header');
    const frameAt = await cornerOf(frame);
    const grab = await cornerOf(frameHeader);
    await dragBetween(vw, { x: grab.x + 4, y: grab.y + 4 }, { x: grab.x + 200, y: grab.y + 150 });
    // Dragging an emotion point does not move it either.
    const point = await centerOf(emotion);
    await dragBetween(vw, point, { x: point.x, y: point.y + 60 }, 6);

    // On the viewer's screen nothing moved or changed (input is handled before the next step).
    expect(await cornerOf(sticky)).toEqual(stickyAt);
    expect(await cornerOf(frame)).toEqual(frameAt);
    expect(await emotion.getAttribute('aria-valuenow')).toBe('1');
    expect(await canvas(vw).getByRole('group').count()).toBe(nodesBefore);
    expect(await node(vw, 'Sticky note: Welcome, viewers').count()).toBe(1);
    expect(await frame.getByText('Sees an ad for the shop').count()).toBe(1);

    // Pan and zoom still work, and zooming is a marker behind all of the above on the viewer's
    // socket: its presence viewport reaches the observer only after the server read the rest.
    const viewportsBefore = peerViewports();
    const zoomLabel = vw.getByRole('button', { name: /^Zoom \d+%, reset to 100%$/ });
    const zoomBefore = await zoomLabel.getAttribute('aria-label');
    await vw.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => zoomLabel.getAttribute('aria-label')).not.toBe(zoomBefore);
    await waitFor(
      () => peerViewports().some((zoom, i) => zoom !== viewportsBefore[i]),
      'the observer to see the viewer zoom in',
    );
    // Nothing reached the room; nothing was even sent for the server to refuse.
    expect(roomState()).toBe(before);
    expect(app.server.metrics().updates.viewerWritesRejected).toBe(0);
    expect(await cornerOf(editorSticky)).toEqual(editorStickyAt);
    // No refusals either: nothing was attempted, so nothing failed.
    expect(await vw.getByRole('alert').count()).toBe(0);
  });

  it('opens a card’s details for reading only', async () => {
    // A card's details open for reading: its whole text, nothing to delete.
    await frame.getByRole('button', { name: 'Card options: Sees an ad for the shop' }).click();
    const details = frame.getByRole('dialog', { name: 'Card' });
    const text = details.getByRole('textbox', { name: 'Card text' });
    expect(await text.inputValue()).toBe('Sees an ad for the shop');
    expect(await text.isEditable()).toBe(false);
    expect(await details.getByRole('button', { name: 'Delete card' }).count()).toBe(0);
    await details.getByRole('button', { name: 'Close' }).click();
  });

  it('keeps showing the editor’s new edits', async () => {
    // The editor's new edits still arrive.
    // (Activated from the keyboard, the tool places the sticky in the middle of the view.)
    await ed
      .getByRole('toolbar', { name: 'Tools' })
      .getByRole('button', { name: 'Sticky note' })
      .press('Enter');
    const stickyEditor = ed.locator('textarea.cx-text--editing');
    await stickyEditor.fill('Added while you watch');
    await stickyEditor.press('Escape');
    await node(vw, 'Sticky note: Added while you watch').waitFor();
    const edTitle = ed.getByRole('region', { name: 'CJM: Customer journey map' }).getByRole('textbox', {
      name: 'Journey map title',
    });
    await edTitle.fill('Online order');
    await edTitle.press('Enter');
    await vw.getByRole('region', { name: 'CJM: Online order' }).waitFor();
    await saveScreenshot(vw, 'collab-viewer-after-edits');
  });

  it('keeps the viewer a viewer after a reload', async () => {
    // A reload keeps the viewer a viewer.
    await vw.reload();
    await vw.getByRole('button', { name: 'Connection: Live' }).waitFor();
    await vw.getByRole('status', { name: 'View only' }).waitFor();
    await node(vw, 'Sticky note: Added while you watch').waitFor();
    expect(await vw.getByRole('toolbar', { name: 'Tools' }).getByRole('button').count()).toBe(2);
  });

  it('shows no page or console errors on either side', () => {
    expect(editor.problems.errors).toEqual([]);
    expect(viewer.problems.errors).toEqual([]);
  });
});
