import { describe, expect, it } from 'vitest';
import {
  ariaKeyShortcuts,
  canvasOwnsKeysFrom,
  formatShortcut,
  isInsideDialog,
  isTypingTarget,
  type KeyInput,
  matchesShortcut,
} from './shortcuts';

function key(code: string, extra: Partial<KeyInput> = {}): KeyInput {
  return { key: code, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...extra };
}

describe('matchesShortcut', () => {
  it('matches the physical key, whatever the layout prints on it', () => {
    expect(matchesShortcut({ codes: ['KeyN'] }, { ...key('KeyN'), key: 'т' })).toBe(true);
    expect(matchesShortcut({ codes: ['KeyN'] }, { ...key('KeyY'), key: 'n' })).toBe(false);
  });

  it('takes Ctrl or Cmd as the modifier, and requires it exactly when asked', () => {
    const undo = { codes: ['KeyZ'], mod: true };
    expect(matchesShortcut(undo, key('KeyZ', { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut(undo, key('KeyZ', { metaKey: true }))).toBe(true);
    expect(matchesShortcut(undo, key('KeyZ'))).toBe(false);
    expect(matchesShortcut({ codes: ['KeyZ'] }, key('KeyZ', { ctrlKey: true }))).toBe(false);
  });

  it('treats Shift as given: held, not held, or either', () => {
    expect(
      matchesShortcut({ codes: ['KeyZ'], mod: true }, key('KeyZ', { ctrlKey: true, shiftKey: true })),
    ).toBe(false);
    expect(matchesShortcut({ codes: ['Digit1'], shift: true }, key('Digit1', { shiftKey: true }))).toBe(true);
    expect(matchesShortcut({ codes: ['Digit1'], shift: true }, key('Digit1'))).toBe(false);
    const any = { codes: ['ArrowUp'], shift: 'any' } as const;
    expect(matchesShortcut(any, key('ArrowUp'))).toBe(true);
    expect(matchesShortcut(any, key('ArrowUp', { shiftKey: true }))).toBe(true);
  });

  it('never matches with Alt held', () => {
    expect(matchesShortcut({ codes: ['KeyN'] }, key('KeyN', { altKey: true }))).toBe(false);
  });
});

describe('showing shortcuts', () => {
  it('writes them as people read them, Ctrl or ⌘', () => {
    expect(formatShortcut({ codes: ['KeyZ'], mod: true, shift: true })).toBe('Ctrl+Shift+Z');
    expect(formatShortcut({ codes: ['KeyD'], mod: true }, true)).toBe('⌘D');
    expect(formatShortcut({ codes: ['Digit0', 'Numpad0'], mod: true, shift: 'any' })).toBe('Ctrl+0');
    expect(formatShortcut({ codes: ['KeyN'] })).toBe('N');
    expect(formatShortcut({ codes: ['Equal'], mod: true })).toBe('Ctrl+=');
  });

  it('lists Control and Meta for aria-keyshortcuts', () => {
    expect(ariaKeyShortcuts([{ codes: ['KeyZ'], mod: true }])).toBe('Control+Z Meta+Z');
    expect(ariaKeyShortcuts([{ codes: ['Delete'] }, { codes: ['Backspace'] }])).toBe('Delete Backspace');
  });
});

/** A stand-in element: a tag, attributes and a parent, which is all the checks read. */
function el(
  tagName: string,
  attributes: Record<string, string> = {},
  parentElement: object | null = null,
  extra: Record<string, unknown> = {},
) {
  return {
    tagName,
    isContentEditable: false,
    parentElement,
    getAttribute: (name: string) => attributes[name] ?? null,
    closest: () => null,
    ...extra,
  } as unknown as EventTarget;
}

describe('isTypingTarget', () => {
  it('treats text fields as typing and buttons as not', () => {
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('INPUT', {}, null, { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', {}, null, { type: 'search' }))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('DIV', {}, null, { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(el('INPUT', {}, null, { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('DIV'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('the canvas key guard', () => {
  const body = el('BODY');
  const canvasPane = el('DIV', { class: 'react-flow__pane' }, el('MAIN', {}, body));

  it('recognises a native <dialog> by its tag: its role is implicit, not an attribute', () => {
    const dialog = el('DIALOG', { class: 'cx-dialog' }, body);
    const closeButton = el('BUTTON', { type: 'button' }, el('HEADER', {}, dialog));
    expect(isInsideDialog(closeButton)).toBe(true);
    expect(canvasOwnsKeysFrom(closeButton, false)).toBe(false);
  });

  it('recognises role="dialog" and role="alertdialog" popovers', () => {
    expect(isInsideDialog(el('BUTTON', {}, el('DIV', { role: 'dialog' }, body)))).toBe(true);
    expect(isInsideDialog(el('BUTTON', {}, el('DIV', { role: 'alertdialog' }, body)))).toBe(true);
  });

  it('gives the canvas keys from the canvas, never while a modal dialog is open', () => {
    expect(isInsideDialog(canvasPane)).toBe(false);
    expect(canvasOwnsKeysFrom(canvasPane, false)).toBe(true);
    expect(canvasOwnsKeysFrom(body, false)).toBe(true);
    // Focus fell back to the page (a click on a dialog's text): the open modal still keeps the keys.
    expect(canvasOwnsKeysFrom(body, true)).toBe(false);
    expect(canvasOwnsKeysFrom(canvasPane, true)).toBe(false);
  });

  it('keeps typing in fields away from the canvas', () => {
    expect(canvasOwnsKeysFrom(el('TEXTAREA', {}, canvasPane), false)).toBe(false);
    expect(canvasOwnsKeysFrom(null, false)).toBe(true);
  });
});
