import { describe, expect, it } from 'vitest';
import { allowedWhenReadOnly, isTypingTarget, type KeyInput, shortcutFor, VIEWING_TOOLS } from './shortcuts';

function key(code: string, extra: Partial<KeyInput> = {}): KeyInput {
  const letter = /^Key([A-Z])$/.exec(code)?.[1]?.toLowerCase();
  return {
    key: letter ?? code,
    code,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...extra,
  };
}

describe('shortcutFor', () => {
  it('maps tool letters by physical key, so a Russian layout works', () => {
    expect(shortcutFor(key('KeyN'))).toEqual({ kind: 'tool', tool: 'sticky' });
    expect(shortcutFor({ ...key('KeyN'), key: 'т' })).toEqual({ kind: 'tool', tool: 'sticky' });
    expect(shortcutFor(key('KeyV'))).toEqual({ kind: 'tool', tool: 'select' });
    expect(shortcutFor(key('KeyH'))).toEqual({ kind: 'tool', tool: 'hand' });
    expect(shortcutFor(key('KeyC'))).toEqual({ kind: 'tool', tool: 'connector' });
  });

  it('knows undo and both redo conventions, with Ctrl or Cmd', () => {
    expect(shortcutFor(key('KeyZ', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(shortcutFor(key('KeyZ', { metaKey: true }))).toEqual({ kind: 'undo' });
    expect(shortcutFor(key('KeyZ', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(shortcutFor(key('KeyY', { ctrlKey: true }))).toEqual({ kind: 'redo' });
  });

  it('maps duplicate, select all, fit and zoom', () => {
    expect(shortcutFor(key('KeyD', { ctrlKey: true }))).toEqual({ kind: 'duplicate' });
    expect(shortcutFor(key('KeyA', { metaKey: true }))).toEqual({ kind: 'selectAll' });
    expect(shortcutFor(key('Digit0', { ctrlKey: true }))).toEqual({ kind: 'fit' });
    expect(shortcutFor(key('Digit1', { shiftKey: true }))).toEqual({ kind: 'fit' });
    expect(shortcutFor(key('Equal', { ctrlKey: true }))).toEqual({ kind: 'zoomIn' });
    expect(shortcutFor(key('Minus', { ctrlKey: true }))).toEqual({ kind: 'zoomOut' });
  });

  it('nudges by 1, or 10 with Shift', () => {
    expect(shortcutFor(key('ArrowLeft'))).toEqual({ kind: 'nudge', dx: -1, dy: 0 });
    expect(shortcutFor(key('ArrowDown', { shiftKey: true }))).toEqual({ kind: 'nudge', dx: 0, dy: 10 });
  });

  it('deletes with Delete or Backspace, edits with Enter', () => {
    expect(shortcutFor(key('Delete'))).toEqual({ kind: 'delete' });
    expect(shortcutFor(key('Backspace'))).toEqual({ kind: 'delete' });
    expect(shortcutFor(key('Enter'))).toEqual({ kind: 'edit' });
    expect(shortcutFor(key('Escape'))).toEqual({ kind: 'escape' });
  });

  it('leaves other combinations to the browser', () => {
    expect(shortcutFor(key('KeyN', { ctrlKey: true }))).toBeNull(); // new window
    expect(shortcutFor(key('KeyC', { ctrlKey: true }))).toBeNull(); // copy: clipboard events
    expect(shortcutFor(key('KeyN', { altKey: true }))).toBeNull();
    expect(shortcutFor(key('KeyN', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(key('KeyQ'))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  const el = (tagName: string, extra: Record<string, unknown> = {}) =>
    ({ tagName, isContentEditable: false, closest: () => null, ...extra }) as unknown as EventTarget;

  it('treats text fields as typing and buttons as not', () => {
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'search' }))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('DIV'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('allowedWhenReadOnly', () => {
  const allowed = (code: string, extra: Partial<KeyInput> = {}) => {
    const action = shortcutFor(key(code, extra));
    if (!action) throw new Error(`no shortcut for ${code}`);
    return allowedWhenReadOnly(action);
  };

  it('lets a viewer look around: select and hand tools, select all, zoom, fit, Escape', () => {
    expect(allowed('KeyV')).toBe(true);
    expect(allowed('KeyH')).toBe(true);
    expect(allowed('KeyA', { ctrlKey: true })).toBe(true);
    expect(allowed('Equal', { ctrlKey: true })).toBe(true);
    expect(allowed('Minus', { metaKey: true })).toBe(true);
    expect(allowed('Digit0', { ctrlKey: true })).toBe(true);
    expect(allowed('Digit1', { shiftKey: true })).toBe(true);
    expect(allowed('Escape')).toBe(true);
    expect(VIEWING_TOOLS).toEqual(['select', 'hand']);
  });

  it('refuses every creation tool and every change, undo and redo included', () => {
    for (const code of ['KeyN', 'KeyT', 'KeyR', 'KeyO', 'KeyD', 'KeyF', 'KeyC'])
      expect(allowed(code)).toBe(false);
    expect(allowed('Delete')).toBe(false);
    expect(allowed('Backspace')).toBe(false);
    expect(allowed('KeyZ', { ctrlKey: true })).toBe(false);
    expect(allowed('KeyZ', { ctrlKey: true, shiftKey: true })).toBe(false);
    expect(allowed('KeyY', { ctrlKey: true })).toBe(false);
    expect(allowed('KeyD', { ctrlKey: true })).toBe(false);
    expect(allowed('ArrowLeft')).toBe(false);
    expect(allowed('ArrowUp', { shiftKey: true })).toBe(false);
    expect(allowed('Enter')).toBe(false);
  });
});
