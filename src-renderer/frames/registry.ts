import type { BoardSnapshot } from '../../shared/board';
import { blueprintFrame } from './blueprint/frame';
import { journeyFrame } from './journey/frame';
import { matrixFrame } from './matrix/frame';
import { maturityFrame } from './maturity/frame';
import { personaFrame } from './persona/frame';
import type { FrameKind, FrameRecord, Size } from './types';

/**
 * The frame kinds of the canvas. Adding a kind is its own folder under `src-renderer/frames/`
 * (exporting a `defineFrameKind(...)`) and one line here; the canvas takes everything else
 * from the kind. Order: the order frames are stacked in (later kinds in front) and pasted in
 * (personas before the maps that point to them, maps before the matrices that follow them).
 */
export const FRAME_KINDS: readonly FrameKind[] = [
  personaFrame,
  journeyFrame,
  matrixFrame,
  blueprintFrame,
  maturityFrame,
];

/** The kind whose React Flow node type is `type`, if any. */
export function frameKindOf(
  type: string | undefined,
  kinds: readonly FrameKind[] = FRAME_KINDS,
): FrameKind | undefined {
  return kinds.find((kind) => kind.type === type);
}

/** A frame on the board: its kind and its record. */
export interface FoundFrame {
  kind: FrameKind;
  record: FrameRecord;
}

/**
 * The frame with this id, or null. Ids are untrusted (a peer may name a record `constructor`
 * or `__proto__`), so only a record's own key counts.
 */
export function findFrame(
  snapshot: BoardSnapshot,
  id: string,
  kinds: readonly FrameKind[] = FRAME_KINDS,
): FoundFrame | null {
  for (const kind of kinds) {
    const records = kind.records(snapshot);
    if (Object.hasOwn(records, id)) return { kind, record: records[id]! };
  }
  return null;
}

/** Drawn size of a frame its kind cannot measure (a record it cannot read). */
const FALLBACK_SIZE: Size = { width: 240, height: 80 };

/**
 * A frame's size now, for layout decisions (opening view, placement, React Flow's first
 * guess). A record that makes its kind throw gets a small box instead of breaking the canvas:
 * its node then shows the "cannot display" placeholder.
 */
export function frameSize(kind: FrameKind, record: FrameRecord): Size {
  try {
    return kind.sizeOf(record);
  } catch {
    return FALLBACK_SIZE;
  }
}
