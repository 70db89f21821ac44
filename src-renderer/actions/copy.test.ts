import { describe, expect, it } from 'vitest';
import { parseClipboard } from '../canvas/clipboard';
import { copy } from './copy';
import { runAction } from './registry';
import { clipboardData, headlessContext } from './testing';

describe('copy', () => {
  it('puts the selected elements on the clipboard and changes nothing', () => {
    const { ctx, board, session, sticky } = headlessContext();
    const a = sticky(0, 0, 'copied');
    sticky(400, 0, 'left alone');
    session.getState().setSelection([a]);
    const before = board.snapshot();
    const data = clipboardData();
    expect(runAction(ctx, copy, { clipboard: data })).toBe(true);
    const read = parseClipboard(data.text);
    expect(read.kind === 'items' && read.content.elements.map((e) => e.text)).toEqual(['copied']);
    expect(board.snapshot()).toBe(before);
  });

  it('may be used by a viewer', () => {
    const { ctx, session, sticky, becomeViewer } = headlessContext();
    session.getState().setSelection([sticky(0, 0, 'seen')]);
    becomeViewer();
    const data = clipboardData();
    expect(runAction(ctx, copy, { clipboard: data })).toBe(true);
    expect(data.text).toContain('seen');
  });

  it('leaves the event to the browser when nothing is selected', () => {
    const { ctx, sticky } = headlessContext();
    sticky();
    const data = clipboardData('before');
    expect(runAction(ctx, copy, { clipboard: data })).toBe(false);
    expect(data.text).toBe('before');
  });
});
