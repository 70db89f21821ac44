import type { KeyboardEvent } from 'react';

/** Keys that operate the focused control inside a frame (activate, edit, move within it). */
const CONTROL_KEYS = new Set([
  'Enter',
  ' ',
  'Delete',
  'Backspace',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/**
 * Keeps a focused control's own keys from reaching the canvas: Delete on a card must not
 * delete the whole selected frame, arrows must not nudge it, Enter must not start editing it.
 * Shortcuts with Ctrl/Cmd (undo, redo…) still reach the canvas. Put it on a frame's root.
 */
export function keepKeysInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.target === event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
  if (CONTROL_KEYS.has(event.key)) event.stopPropagation();
}
