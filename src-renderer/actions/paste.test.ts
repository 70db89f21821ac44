import { describe, expect, it } from 'vitest';
import { useNotices } from '../shell/notices';
import { copy } from './copy';
import { paste } from './paste';
import { runAction } from './registry';
import { clipboardData, headlessContext } from './testing';

describe('paste', () => {
  it('pastes copied elements as new ones and selects them', () => {
    const { ctx, board, session, sticky } = headlessContext();
    const a = sticky(10, 10, 'original');
    session.getState().setSelection([a]);
    const data = clipboardData();
    runAction(ctx, copy, { clipboard: data });
    expect(runAction(ctx, paste, { clipboard: data })).toBe(true);
    const snap = board.snapshot();
    const pasted = session.getState().selection;
    expect(pasted).toHaveLength(1);
    expect(pasted[0]).not.toBe(a);
    expect(snap.elements[pasted[0]!]?.text).toBe('original');
    expect(snap.elementOrder).toHaveLength(2);
  });

  it('turns plain text into a sticky note', () => {
    const { ctx, board } = headlessContext();
    runAction(ctx, paste, { clipboard: clipboardData('  from a mail  ') });
    const [el] = Object.values(board.snapshot().elements);
    expect(el).toMatchObject({ type: 'sticky', text: 'from a mail' });
  });

  it('refuses a broken payload with a message and writes nothing', () => {
    const { ctx, board } = headlessContext();
    const broken = JSON.stringify({ format: 'cxboard/elements', version: 1, elements: [{ id: 'x' }] });
    runAction(ctx, paste, { clipboard: clipboardData(broken) });
    expect(board.snapshot().elementOrder).toEqual([]);
    expect(useNotices.getState().notices.at(-1)).toMatchObject({
      kind: 'error',
      message: 'canvas.paste.invalid',
    });
  });

  it('is refused to a viewer', () => {
    const { ctx, board, becomeViewer } = headlessContext();
    becomeViewer();
    expect(runAction(ctx, paste, { clipboard: clipboardData('hello') })).toBe(false);
    expect(board.snapshot().elementOrder).toEqual([]);
  });
});
