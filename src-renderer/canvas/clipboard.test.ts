import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../shared/board';
import {
  boundsOf,
  CLIPBOARD_FORMAT,
  collectForCopy,
  MAX_CLIPBOARD_ELEMENTS,
  PASTE_STEP,
  parseClipboard,
  pasteOffset,
  serializeClipboard,
} from './clipboard';

function sampleBoard() {
  const board = BoardDoc.create();
  const frame = board.addElement({ type: 'frame', x: 0, y: 0, width: 500, height: 500 });
  const inFrame = board.addElement({ type: 'sticky', x: 50, y: 50, frameId: frame, text: 'in frame' });
  const outside = board.addElement({ type: 'sticky', x: 900, y: 0, text: 'outside' });
  const far = board.addElement({ type: 'shape', x: 2000, y: 0 });
  const linked = board.addElement({
    type: 'connector',
    x: 0,
    y: 0,
    from: inFrame,
    to: outside,
    text: 'link',
  });
  const dangling = board.addElement({ type: 'connector', x: 0, y: 0, from: outside, to: far });
  return { board, frame, inFrame, outside, far, linked, dangling };
}

describe('collectForCopy', () => {
  it('takes frame contents and the connectors between copied elements, in board order', () => {
    const { board, frame, inFrame, outside, linked } = sampleBoard();
    const copied = collectForCopy(board.snapshot(), [outside, frame]);
    expect(copied.elements.map((e) => e.id)).toEqual([frame, inFrame, outside, linked]);
    expect(copied.frames).toEqual([]);
  });

  it('leaves out connectors with an end that is not copied', () => {
    const { board, outside, dangling } = sampleBoard();
    expect(collectForCopy(board.snapshot(), [outside, dangling]).elements.map((e) => e.id)).toEqual([
      outside,
    ]);
  });
});

describe('clipboard payload', () => {
  it('round-trips and pastes into another board as new elements', () => {
    const { board, frame, outside } = sampleBoard();
    const text = serializeClipboard(collectForCopy(board.snapshot(), [frame, outside]));
    const read = parseClipboard(text);
    expect(read.kind).toBe('items');
    if (read.kind !== 'items') return;

    const target = BoardDoc.create();
    const ids = target.pasteElements(read.content.elements, { dx: 10, dy: 10 });
    const snap = target.snapshot();
    expect(ids).toHaveLength(4);
    const pastedFrame = Object.values(snap.elements).find((e) => e.type === 'frame')!;
    const pastedInFrame = Object.values(snap.elements).find((e) => e.text === 'in frame')!;
    const pastedLink = Object.values(snap.elements).find((e) => e.type === 'connector')!;
    expect(pastedInFrame.frameId).toBe(pastedFrame.id);
    expect(pastedInFrame.x).toBe(60);
    expect([pastedLink.from, pastedLink.to]).toContain(pastedInFrame.id);
    expect(ids).not.toContain(frame);
  });

  it('treats text from elsewhere as text', () => {
    expect(parseClipboard('hello world')).toEqual({ kind: 'text', text: 'hello world' });
    expect(parseClipboard('{"a": 1}')).toEqual({ kind: 'text', text: '{"a": 1}' });
  });

  it('refuses a payload with one malformed element as a whole', () => {
    const good = {
      id: 'a',
      type: 'sticky',
      x: 0,
      y: 0,
      width: 10,
      height: 10,
      text: '',
      style: { color: 'yellow' },
    };
    const cases = [
      { ...good, x: 'NaN' },
      { ...good, width: -5 },
      { ...good, type: 'script' },
      { ...good, id: '../../x' },
      { ...good, style: null },
      { ...good, frameId: 42 },
      { ...good, text: 'x'.repeat(100_001) },
      { ...good, width: 1e12 },
    ];
    for (const bad of cases) {
      const text = JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, elements: [good, bad] });
      expect(parseClipboard(text)).toEqual({ kind: 'invalid', reason: 'malformed' });
    }
    expect(parseClipboard(JSON.stringify({ format: CLIPBOARD_FORMAT, version: 99, elements: [] }))).toEqual({
      kind: 'invalid',
      reason: 'malformed',
    });
  });

  it('refuses oversized payloads before reading them', () => {
    const elements = Array.from({ length: MAX_CLIPBOARD_ELEMENTS + 1 }, () => ({}));
    expect(parseClipboard(JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, elements }))).toEqual({
      kind: 'invalid',
      reason: 'too-many',
    });
  });

  it('drops unknown style values instead of passing them on', () => {
    const el = {
      id: 'a',
      type: 'shape',
      x: 0,
      y: 0,
      width: 10,
      height: 10,
      text: '',
      style: { color: 'blue', shape: 'star', fontSize: 'huge', extra: 1 },
    };
    const read = parseClipboard(JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, elements: [el] }));
    expect(read.kind === 'items' && read.content.elements[0]?.style).toEqual({ color: 'blue' });
  });
});

describe('paste placement', () => {
  const view = { x: 0, y: 0, width: 1000, height: 800 };

  it('offsets repeated pastes next to originals that are in view', () => {
    const bounds = { x: 100, y: 100, width: 200, height: 200 };
    expect(pasteOffset(bounds, view, 1)).toEqual({ dx: PASTE_STEP, dy: PASTE_STEP });
    expect(pasteOffset(bounds, view, 3)).toEqual({ dx: 3 * PASTE_STEP, dy: 3 * PASTE_STEP });
  });

  it('centres the paste in view when the originals are elsewhere', () => {
    const bounds = { x: 5000, y: 5000, width: 200, height: 100 };
    expect(pasteOffset(bounds, view, 1)).toEqual({ dx: 500 - 5100, dy: 400 - 5050 });
  });

  it('measures the box of the elements, ignoring connectors', () => {
    const { board, frame, outside, linked } = sampleBoard();
    const snap = board.snapshot();
    const box = boundsOf({
      elements: [snap.elements[frame]!, snap.elements[outside]!, snap.elements[linked]!],
      frames: [],
    });
    expect(box).toEqual({ x: 0, y: 0, width: 1100, height: 500 });
    expect(boundsOf({ elements: [snap.elements[linked]!], frames: [] })).toBeNull();
  });
});
