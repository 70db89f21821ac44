import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextDiff } from './text';

describe('applyTextDiff', () => {
  it('always produces the target text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const doc = new Y.Doc();
        const text = doc.getText('t');
        text.insert(0, before);
        applyTextDiff(text, after);
        expect(text.toString()).toBe(after);
      }),
    );
  });

  it('keeps emoji whole when editing next to them', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'a😀b');
    applyTextDiff(text, 'a😃b');
    expect(text.toString()).toBe('a😃b');
  });

  it('merges edits made at the same time at different places', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'Client waits for an answer');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyTextDiff(a.getText('t'), 'The client waits for an answer');
    applyTextDiff(b.getText('t'), 'Client waits for an answer by phone');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('The client waits for an answer by phone');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });
});
