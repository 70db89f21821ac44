import { describe, expect, it } from 'vitest';
import { parseClipboard } from '../canvas/clipboard';
import { cut } from './cut';
import { runAction } from './registry';
import { clipboardData, headlessContext } from './testing';

describe('cut', () => {
  it('copies the selection to the clipboard and deletes it, in one undo step', () => {
    const { ctx, board, session, sticky } = headlessContext();
    const a = sticky(0, 0, 'moved away');
    const b = sticky(400, 0, 'stays');
    session.getState().setSelection([a]);
    const data = clipboardData();
    expect(runAction(ctx, cut, { clipboard: data })).toBe(true);
    const read = parseClipboard(data.text);
    expect(read.kind === 'items' && read.content.elements.map((e) => e.id)).toEqual([a]);
    expect(Object.keys(board.snapshot().elements)).toEqual([b]);
    expect(session.getState().selection).toEqual([]);
    board.history.undo();
    expect(board.snapshot().elements[a]?.text).toBe('moved away');
  });

  it('is refused to a viewer, who loses nothing', () => {
    const { ctx, board, session, sticky, becomeViewer } = headlessContext();
    const a = sticky();
    session.getState().setSelection([a]);
    becomeViewer();
    const data = clipboardData();
    expect(runAction(ctx, cut, { clipboard: data })).toBe(false);
    expect(board.snapshot().elements[a]).toBeDefined();
    expect(data.text).toBe('');
  });
});
