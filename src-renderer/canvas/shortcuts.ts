import type { Tool } from '../board/sessionStore';

/**
 * Keyboard shortcuts of the canvas, after Miro / FigJam / tldraw. Letters are matched by
 * physical key (`event.code`) so they work the same on a Russian layout.
 */

export type ShortcutAction =
  | { kind: 'tool'; tool: Tool }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'delete' }
  | { kind: 'duplicate' }
  | { kind: 'selectAll' }
  | { kind: 'fit' }
  | { kind: 'zoomIn' }
  | { kind: 'zoomOut' }
  | { kind: 'nudge'; dx: number; dy: number }
  | { kind: 'edit' }
  | { kind: 'escape' };

export interface KeyInput {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const TOOL_KEYS: Record<string, Tool> = {
  KeyV: 'select',
  KeyH: 'hand',
  KeyN: 'sticky',
  KeyT: 'text',
  KeyR: 'rectangle',
  KeyO: 'ellipse',
  KeyD: 'diamond',
  KeyF: 'frame',
  KeyC: 'connector',
};

/** Nudge distance in flow units; Shift moves ten times as far. */
export const NUDGE = 1;
export const NUDGE_LARGE = 10;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The action a key press stands for on the canvas, or null. */
export function shortcutFor(e: KeyInput): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  if (mod) {
    switch (e.code) {
      case 'KeyZ':
        return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
      case 'KeyY':
        return e.shiftKey ? null : { kind: 'redo' };
      case 'KeyD':
        return e.shiftKey ? null : { kind: 'duplicate' };
      case 'KeyA':
        return e.shiftKey ? null : { kind: 'selectAll' };
      case 'Digit0':
      case 'Numpad0':
        return { kind: 'fit' };
      case 'Equal':
      case 'NumpadAdd':
        return { kind: 'zoomIn' };
      case 'Minus':
      case 'NumpadSubtract':
        return { kind: 'zoomOut' };
      default:
        return null;
    }
  }
  const arrow = ARROWS[e.key];
  if (arrow) {
    const step = e.shiftKey ? NUDGE_LARGE : NUDGE;
    return { kind: 'nudge', dx: arrow[0] * step, dy: arrow[1] * step };
  }
  if (e.key === 'Delete' || e.key === 'Backspace') return e.shiftKey ? null : { kind: 'delete' };
  if (e.key === 'Enter') return { kind: 'edit' };
  if (e.key === 'Escape') return { kind: 'escape' };
  if (e.shiftKey && e.code === 'Digit1') return { kind: 'fit' };
  if (e.shiftKey) return null;
  const tool = TOOL_KEYS[e.code];
  return tool ? { kind: 'tool', tool } : null;
}

/** The tools of a board open for viewing only: looking around, nothing that creates. */
export const VIEWING_TOOLS: readonly Tool[] = ['select', 'hand'];

/**
 * Whether a shortcut may run on a board open for viewing only: selecting, the viewing tools,
 * zoom and fit, and Escape do; anything that would change the board (undo/redo included)
 * does not.
 */
export function allowedWhenReadOnly(action: ShortcutAction): boolean {
  switch (action.kind) {
    case 'tool':
      return VIEWING_TOOLS.includes(action.tool);
    case 'selectAll':
    case 'fit':
    case 'zoomIn':
    case 'zoomOut':
    case 'escape':
      return true;
    case 'undo':
    case 'redo':
    case 'delete':
    case 'duplicate':
    case 'nudge':
    case 'edit':
      return false;
  }
}

/** True when keys typed at `target` are text for a field, not commands for the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return false;
}
