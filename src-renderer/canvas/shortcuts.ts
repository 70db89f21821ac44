/**
 * The keyboard vocabulary of the canvas, after Miro / FigJam / tldraw: how a shortcut is
 * written, matched and shown, and which key presses belong to the canvas at all. Which key
 * does what is declared by each action (src-renderer/actions).
 *
 * Keys are matched by physical key (`event.code`), so the letters work the same on a
 * Russian layout.
 */

/** A key combination, by physical key. */
export interface Shortcut {
  /** The physical keys, any of which triggers it (e.g. `['Digit0', 'Numpad0']`). */
  codes: readonly string[];
  /** Ctrl on Windows and Linux, Cmd on macOS (either is accepted everywhere). */
  mod?: boolean;
  /** Shift held (true), not held (false, the default), or either ('any'). */
  shift?: boolean | 'any';
  /**
   * The browser turns this key into a clipboard event (Ctrl+C, Ctrl+X, Ctrl+V); the action
   * runs from that event, not from the key press.
   */
  clipboard?: boolean;
}

/** The parts of a key press the shortcuts look at. */
export interface KeyInput {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a key press is this shortcut. Alt combinations are never canvas shortcuts. */
export function matchesShortcut(shortcut: Shortcut, input: KeyInput): boolean {
  if (input.altKey) return false;
  if (!shortcut.codes.includes(input.code)) return false;
  if ((input.ctrlKey || input.metaKey) !== !!shortcut.mod) return false;
  const shift = shortcut.shift ?? false;
  return shift === 'any' || shift === input.shiftKey;
}

const KEY_NAMES: Record<string, string> = {
  Equal: '=',
  Minus: '-',
  NumpadAdd: '+',
  NumpadSubtract: '-',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
};

/** The printed name of a physical key: `KeyZ` → `Z`, `Digit0` → `0`. */
function keyName(code: string): string {
  return KEY_NAMES[code] ?? code.replace(/^(Key|Digit|Numpad)/, '');
}

/** A shortcut as people read it in a tooltip or a menu: `Ctrl+Shift+Z`, `⌘D`, `N`. */
export function formatShortcut(shortcut: Shortcut, mac = false): string {
  const key = keyName(shortcut.codes[0] ?? '');
  const parts = [
    ...(shortcut.mod ? [mac ? '⌘' : 'Ctrl'] : []),
    ...(shortcut.shift === true ? ['Shift'] : []),
  ];
  if (mac) return [...parts.map((p) => (p === 'Shift' ? '⇧' : p)), key].join('');
  return [...parts, key].join('+');
}

/** The `aria-keyshortcuts` value of a list of shortcuts (Ctrl and Cmd both listed). */
export function ariaKeyShortcuts(shortcuts: readonly Shortcut[]): string {
  const out: string[] = [];
  for (const s of shortcuts) {
    const key = keyName(s.codes[0] ?? '');
    const shift = s.shift === true ? 'Shift+' : '';
    if (s.mod) out.push(`Control+${shift}${key}`, `Meta+${shift}${key}`);
    else out.push(`${shift}${key}`);
  }
  return out.join(' ');
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

/** The parts of an element the dialog check walks. */
interface DialogProbe {
  tagName: string;
  parentElement: DialogProbe | null;
  getAttribute(name: string): string | null;
}

/**
 * True when `target` is inside a dialog: a native `<dialog>` (its role is implicit, so an
 * attribute selector would miss it), or anything with role dialog or alertdialog.
 */
export function isInsideDialog(target: EventTarget | null): boolean {
  let el = target as DialogProbe | null;
  if (!el || typeof el.getAttribute !== 'function') return false;
  for (; el; el = el.parentElement) {
    if (el.tagName === 'DIALOG') return true;
    const role = el.getAttribute('role');
    if (role === 'dialog' || role === 'alertdialog') return true;
  }
  return false;
}

/**
 * Whether the canvas may take a key or clipboard event: not while the user types in a
 * field, not from inside any dialog, and not at all while a modal dialog is open
 * (`modalOpen`), whatever has focus — keys typed in a dialog never reach the canvas.
 */
export function canvasOwnsKeysFrom(target: EventTarget | null, modalOpen: boolean): boolean {
  return !modalOpen && !isTypingTarget(target) && !isInsideDialog(target);
}

/** True for a focused button, link or menu item, which Enter activates itself. */
export function isControlTarget(target: EventTarget | null): boolean {
  return !!(target as Element | null)?.closest?.('button, a[href], [role="button"], [role="menuitem"]');
}
