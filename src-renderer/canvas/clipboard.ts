import { type BoardSnapshot, type ElementSnapshot, elementInputSchema } from '../../shared/board';
import { type FoundFrame, findFrame, FRAME_KINDS, frameKindOf, frameSize } from '../frames/registry';
import type { FrameKind } from '../frames/types';
import type { Rect } from './viewModel';

/**
 * Copy/paste of board items: free elements and frames of every registered kind (journey
 * maps…). The clipboard carries plain JSON (as text), so items travel between boards, tabs
 * and windows; what comes back from the clipboard is untrusted and is checked here (frames
 * by their kind's `parse`) before anything is written.
 */

export const CLIPBOARD_FORMAT = 'cxboard/elements';
/** Version 1; `frames` was added later as an optional field, which older readers ignore. */
export const CLIPBOARD_VERSION = 1;
/** More than this many elements in one paste is refused (a hostile or broken clipboard). */
export const MAX_CLIPBOARD_ELEMENTS = 5000;
/** More than this many frames in one paste is refused. */
export const MAX_CLIPBOARD_FRAMES = 100;

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: typeof CLIPBOARD_VERSION;
  elements: ElementSnapshot[];
  /** Frames with their kind's type; absent in copies from before frames could be copied. */
  frames?: { kind: string; record: unknown }[];
}

/** What a copy holds: free elements (board order) and frames. */
export interface ClipboardContent {
  elements: ElementSnapshot[];
  frames: FoundFrame[];
}

/**
 * What to copy for a selection: the selected elements and frames, everything inside selected
 * free frames, and the connectors whose both ends are copied. Board order (back to front) is kept.
 */
export function collectForCopy(
  snapshot: BoardSnapshot,
  ids: Iterable<string>,
  kinds: readonly FrameKind[] = FRAME_KINDS,
): ClipboardContent {
  const chosen = new Set<string>();
  const frames: FoundFrame[] = [];
  for (const id of ids) {
    if (Object.hasOwn(snapshot.elements, id)) chosen.add(id);
    else {
      const frame = findFrame(snapshot, id, kinds);
      if (frame && !chosen.has(id)) {
        chosen.add(id);
        frames.push(frame);
      }
    }
  }
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
  return { elements, frames };
}

export function serializeClipboard(content: ClipboardContent): string {
  const payload: ClipboardPayload = {
    format: CLIPBOARD_FORMAT,
    version: CLIPBOARD_VERSION,
    elements: [...content.elements],
    ...(content.frames.length > 0
      ? { frames: content.frames.map(({ kind, record }) => ({ kind: kind.type, record })) }
      : {}),
  };
  return JSON.stringify(payload);
}

/** The result of reading clipboard text. */
export type ClipboardRead =
  | { kind: 'items'; content: ClipboardContent }
  | { kind: 'text'; text: string }
  | { kind: 'invalid'; reason: 'malformed' | 'too-many' };

/**
 * Reads clipboard text: our payload (checked item by item, frames by their kind; one bad
 * item or an unknown frame kind refuses the whole paste rather than pasting a part), or plain
 * text from elsewhere.
 */
export function parseClipboard(text: string, kinds: readonly FrameKind[] = FRAME_KINDS): ClipboardRead {
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
  const rawFrames = d.frames ?? [];
  if (!Array.isArray(rawFrames)) return { kind: 'invalid', reason: 'malformed' };
  if (rawFrames.length > MAX_CLIPBOARD_FRAMES) return { kind: 'invalid', reason: 'too-many' };
  const frames: FoundFrame[] = [];
  for (const raw of rawFrames) {
    const entry = raw as { kind?: unknown; record?: unknown } | null;
    const kind = typeof entry?.kind === 'string' ? frameKindOf(entry.kind, kinds) : undefined;
    const record = kind?.parse(entry?.record);
    if (!kind || !record) return { kind: 'invalid', reason: 'malformed' };
    frames.push({ kind, record });
  }
  return { kind: 'items', content: { elements, frames } };
}

/** Bounding box of the copied items that are nodes (connectors have no box), or null. */
export function boundsOf(content: ClipboardContent): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (r: Rect) => {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  };
  for (const el of content.elements) if (el.type !== 'connector') add(el);
  for (const { kind, record } of content.frames)
    add({ x: record.x, y: record.y, ...frameSize(kind, record) });
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
