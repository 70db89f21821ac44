import type { CanvasSnapshot } from '../canvas/viewModel';
import { allFrames } from '../canvas/viewModel';
import type { FrameKind, FrameRecord } from '../frames/types';

/** What an export takes: the whole board, one frame (any kind, or a free frame), or the selection. */
export type ExportScope =
  | { kind: 'board' }
  | { kind: 'frame'; id: string }
  | { kind: 'selection'; ids: readonly string[] };

/** A frame the user can pick in the export dialog: a structured frame or a free frame element. */
export interface ExportableFrame {
  id: string;
  /** The kind for structured frames; null for a free frame element. */
  kind: FrameKind | null;
  record: FrameRecord | null;
}

/** Every frame of the board, in drawing order (free frames, then each registered kind). */
export function exportableFrames(snapshot: CanvasSnapshot): ExportableFrame[] {
  const list: ExportableFrame[] = [];
  for (const id of snapshot.elementOrder) {
    if (Object.hasOwn(snapshot.elements, id) && snapshot.elements[id]?.type === 'frame')
      list.push({ id, kind: null, record: null });
  }
  for (const [kind, record] of allFrames(snapshot)) list.push({ id: record.id, kind, record });
  return list;
}

/**
 * The ids an export draws: the scope's items, what lies in a free frame that is taken, and
 * the connectors whose both ends are taken. Ids are untrusted keys: own keys only.
 */
export function itemsInScope(snapshot: CanvasSnapshot, scope: ExportScope): Set<string> {
  const exists = (id: string) =>
    (Object.hasOwn(snapshot.elements, id) && !!snapshot.elements[id]) ||
    snapshot.frames.some((f) => Object.hasOwn(f.records, id));
  const taken = new Set<string>();
  if (scope.kind === 'board') {
    for (const id of snapshot.elementOrder) if (exists(id)) taken.add(id);
    for (const [, record] of allFrames(snapshot)) taken.add(record.id);
  } else {
    const ids = scope.kind === 'frame' ? [scope.id] : scope.ids;
    for (const id of ids) if (exists(id)) taken.add(id);
  }
  // Contents of taken free frames.
  for (const id of snapshot.elementOrder) {
    const el = Object.hasOwn(snapshot.elements, id) ? snapshot.elements[id] : undefined;
    if (el?.frameId && el.type !== 'connector' && taken.has(el.frameId)) taken.add(id);
  }
  // Connectors between taken items; a taken connector whose end is not taken is dropped.
  for (const id of snapshot.elementOrder) {
    const el = Object.hasOwn(snapshot.elements, id) ? snapshot.elements[id] : undefined;
    if (el?.type !== 'connector') continue;
    const bothEnds = !!el.from && !!el.to && taken.has(el.from) && taken.has(el.to);
    if (bothEnds) taken.add(id);
    else taken.delete(id);
  }
  return taken;
}

/** The part of the canvas snapshot an export draws. */
export function canvasSnapshotOf(snapshot: CanvasSnapshot, ids: ReadonlySet<string>): CanvasSnapshot {
  const elements = Object.create(null) as CanvasSnapshot['elements'];
  for (const id of snapshot.elementOrder) {
    if (ids.has(id) && Object.hasOwn(snapshot.elements, id)) elements[id] = snapshot.elements[id]!;
  }
  return {
    elements,
    elementOrder: snapshot.elementOrder.filter((id) => ids.has(id)),
    frames: snapshot.frames.map(({ kind, records }) => {
      const kept = Object.create(null) as Record<string, FrameRecord>;
      for (const [id, record] of Object.entries(records)) if (ids.has(id)) kept[id] = record;
      return { kind, records: kept };
    }),
  };
}
