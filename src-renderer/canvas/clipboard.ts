import { type BoardSnapshot, type ElementSnapshot, elementInputSchema } from '../../shared/board';
import type { Rect } from './viewModel';

/**
 * Copy/paste of free elements. The clipboard carries plain JSON (as text), so elements
 * travel between boards, tabs and windows; what comes back from the clipboard is untrusted
 * and is checked here before the board's own checks in `pasteElements`.
 */

export const CLIPBOARD_FORMAT = 'cxboard/elements';
export const CLIPBOARD_VERSION = 1;
/** More than this many elements in one paste is refused (a hostile or broken clipboard). */
export const MAX_CLIPBOARD_ELEMENTS = 5000;

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: typeof CLIPBOARD_VERSION;
  elements: ElementSnapshot[];
}

/**
 * What to copy for a selection: the selected elements, everything inside selected frames,
 * and the connectors whose both ends are copied. Board order (back to front) is kept.
 */
export function collectForCopy(
  snapshot: Pick<BoardSnapshot, 'elements' | 'elementOrder'>,
  ids: Iterable<string>,
) {
  const chosen = new Set<string>();
  for (const id of ids) if (snapshot.elements[id]) chosen.add(id);
  for (const id of snapshot.elementOrder) {
    const el = snapshot.elements[id];
    if (el?.frameId && chosen.has(el.frameId)) chosen.add(id);
  }
  for (const id of snapshot.elementOrder) {
    const el = snapshot.elements[id];
    if (el?.type === 'connector' && el.from && el.to && chosen.has(el.from) && chosen.has(el.to))
      chosen.add(id);
  }
  const elements: ElementSnapshot[] = [];
  for (const id of snapshot.elementOrder) {
    const el = snapshot.elements[id];
    if (!el || !chosen.has(id)) continue;
    // A connector copied alone (one end missing) is dropped by the paste; keep it out now.
    if (el.type === 'connector' && !(el.from && el.to && chosen.has(el.from) && chosen.has(el.to))) continue;
    elements.push(el);
  }
  return elements;
}

export function serializeClipboard(elements: readonly ElementSnapshot[]): string {
  const payload: ClipboardPayload = {
    format: CLIPBOARD_FORMAT,
    version: CLIPBOARD_VERSION,
    elements: [...elements],
  };
  return JSON.stringify(payload);
}

/** The result of reading clipboard text. */
export type ClipboardRead =
  | { kind: 'elements'; elements: ElementSnapshot[] }
  | { kind: 'text'; text: string }
  | { kind: 'invalid'; reason: 'malformed' | 'too-many' };

/**
 * Reads clipboard text: our element payload (checked element by element; one bad element
 * refuses the whole paste rather than pasting a part), or plain text from elsewhere.
 */
export function parseClipboard(text: string): ClipboardRead {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.includes(CLIPBOARD_FORMAT)) return { kind: 'text', text };
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return { kind: 'text', text };
  }
  const d = data as Record<string, unknown>;
  if (typeof d !== 'object' || d === null || d.format !== CLIPBOARD_FORMAT) return { kind: 'text', text };
  if (d.version !== CLIPBOARD_VERSION || !Array.isArray(d.elements))
    return { kind: 'invalid', reason: 'malformed' };
  if (d.elements.length > MAX_CLIPBOARD_ELEMENTS) return { kind: 'invalid', reason: 'too-many' };
  const elements: ElementSnapshot[] = [];
  for (const raw of d.elements) {
    const parsed = elementInputSchema.safeParse(raw);
    if (!parsed.success) return { kind: 'invalid', reason: 'malformed' };
    elements.push(parsed.data);
  }
  return { kind: 'elements', elements };
}

/** Bounding box of the elements that are nodes (connectors have no box), or null. */
export function boundsOf(elements: readonly ElementSnapshot[]): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const el of elements) {
    if (el.type === 'connector') continue;
    minX = Math.min(minX, el.x);
    minY = Math.min(minY, el.y);
    maxX = Math.max(maxX, el.x + el.width);
    maxY = Math.max(maxY, el.y + el.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Offset step between repeated pastes of the same content, in flow units. */
export const PASTE_STEP = 20;

/**
 * Where a paste lands: next to the originals (offset by PASTE_STEP per repeated paste) when
 * they are in view, otherwise centred in the visible area so the user sees what arrived.
 */
export function pasteOffset(bounds: Rect, view: Rect, repeat: number): { dx: number; dy: number } {
  const cx = bounds.x + bounds.width / 2;
  const cy = bounds.y + bounds.height / 2;
  const inView = cx >= view.x && cx <= view.x + view.width && cy >= view.y && cy <= view.y + view.height;
  if (inView) {
    const step = PASTE_STEP * Math.max(1, repeat);
    return { dx: step, dy: step };
  }
  return {
    dx: Math.round(view.x + view.width / 2 - cx),
    dy: Math.round(view.y + view.height / 2 - cy),
  };
}
