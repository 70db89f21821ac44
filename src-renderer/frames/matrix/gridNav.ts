/**
 * Spreadsheet keys inside the matrix table. Every control of the table carries
 * `data-mx-nav="<row>:<column>"` (row = displayed row, column = its place in the row), so:
 * Tab and Shift+Tab follow the document order (cell to cell, row by row); Enter moves to the
 * same column one row down (Shift+Enter is a new line in a text cell); arrows move to the
 * neighbouring cell when the caret is at the edge of a text (or always, on a select, a check
 * box or a button, whose arrows would otherwise change the value under the user's hand).
 */

/** What the focused control is, for deciding what a key does. */
export interface NavControl {
  kind: 'text' | 'multiline' | 'select' | 'check' | 'button';
  /** Caret of a text control (selectionStart / selectionEnd) and its length. */
  caretStart?: number;
  caretEnd?: number;
  length?: number;
}

export type NavMove = 'left' | 'right' | 'up' | 'down';

/** Where a key moves focus from this control, or null when the control keeps the key. */
export function navMove(key: string, shift: boolean, control: NavControl): NavMove | null {
  const isText = control.kind === 'text' || control.kind === 'multiline';
  const start = control.caretStart ?? 0;
  const end = control.caretEnd ?? 0;
  const length = control.length ?? 0;
  switch (key) {
    case 'Enter':
      if (shift || control.kind === 'button') return null;
      return 'down';
    case 'ArrowLeft':
      return !isText || (start === 0 && end === 0) ? 'left' : null;
    case 'ArrowRight':
      return !isText || (start === length && end === length) ? 'right' : null;
    case 'ArrowUp':
      return control.kind !== 'multiline' || (start === 0 && end === 0) ? 'up' : null;
    case 'ArrowDown':
      return control.kind !== 'multiline' || (start === length && end === length) ? 'down' : null;
    default:
      return null;
  }
}

/** A control's place in the table, from its `data-mx-nav` attribute. */
export function navPlace(el: Element): { row: number; column: number } | null {
  const match = /^(\d+):(\d+)$/.exec(el.getAttribute('data-mx-nav') ?? '');
  return match ? { row: Number(match[1]), column: Number(match[2]) } : null;
}

/**
 * The control a move lands on: the next column in the row (left/right), or the same column in
 * the next row (up/down; the nearest column to its left when that row lacks it). Null at the
 * table's edge.
 */
export function navTarget(
  places: readonly { row: number; column: number }[],
  from: { row: number; column: number },
  move: NavMove,
): { row: number; column: number } | null {
  if (move === 'left' || move === 'right') {
    const inRow = places.filter((p) => p.row === from.row).map((p) => p.column);
    const next =
      move === 'right'
        ? Math.min(...inRow.filter((c) => c > from.column))
        : Math.max(...inRow.filter((c) => c < from.column));
    return Number.isFinite(next) ? { row: from.row, column: next } : null;
  }
  const row = from.row + (move === 'down' ? 1 : -1);
  const inRow = places.filter((p) => p.row === row).map((p) => p.column);
  if (inRow.length === 0) return null;
  const column = inRow.includes(from.column)
    ? from.column
    : Math.max(...inRow.filter((c) => c <= from.column), Math.min(...inRow));
  return { row, column };
}

/** The focused control as a {@link NavControl}. */
export function navControlOf(el: HTMLElement): NavControl {
  if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text'))
    return {
      kind: el instanceof HTMLTextAreaElement ? 'multiline' : 'text',
      caretStart: el.selectionStart ?? 0,
      caretEnd: el.selectionEnd ?? 0,
      length: el.value.length,
    };
  if (el instanceof HTMLSelectElement) return { kind: 'select' };
  if (el instanceof HTMLInputElement && el.type === 'checkbox') return { kind: 'check' };
  return { kind: 'button' };
}

/**
 * Handles a key pressed on a control of the table under `root`: `moved` when focus went to
 * another cell, `edge` when the key is a move but the table ends there, `none` when the
 * control keeps the key.
 */
export function handleNavKey(
  root: HTMLElement,
  target: HTMLElement,
  key: string,
  shift: boolean,
): 'moved' | 'edge' | 'none' {
  const from = navPlace(target);
  if (!from) return 'none';
  const move = navMove(key, shift, navControlOf(target));
  if (!move) return 'none';
  const controls = Array.from(root.querySelectorAll<HTMLElement>('[data-mx-nav]'));
  const places = controls.map((el) => navPlace(el)).filter((p): p is { row: number; column: number } => !!p);
  const to = navTarget(places, from, move);
  const el = to && root.querySelector<HTMLElement>(`[data-mx-nav="${to.row}:${to.column}"]`);
  if (!el) return 'edge';
  // Leaving a text field commits its draft (blur), as Tab would.
  el.focus();
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    if (el.type === 'text' || el instanceof HTMLTextAreaElement) {
      const at = move === 'left' || move === 'up' ? el.value.length : 0;
      el.setSelectionRange(at, at);
    }
  }
  return 'moved';
}
