import { type Edge, MarkerType, type Node } from '@xyflow/react';
import type { BoardSnapshot, ElementSnapshot } from '../../shared/board';
import type { FrameFlowNode } from '../frames/FrameNode';
import { FRAME_KINDS } from '../frames/registry';
import type { FrameKind, FrameRecord, Size } from '../frames/types';
import { INK_COLORS, resolveColor } from './colors';

/**
 * Pure mapping from the board snapshot (plus session state: selection, in-flight drags)
 * to React Flow nodes and edges. The mappers are memoised per item: an item whose snapshot,
 * selection and override did not change keeps the very same node object, so React Flow
 * re-renders only what changed even on boards with thousands of items.
 */

/** Node types for free elements; each frame kind adds its own (see frames/registry.ts). */
export type ElementNodeType = 'sticky' | 'text' | 'shape' | 'frame';

export type ElementNodeData = { element: ElementSnapshot };
export type ConnectorEdgeData = { element: ElementSnapshot };

export type ElementNode = Node<ElementNodeData, ElementNodeType>;
export type CanvasNode = ElementNode | FrameFlowNode;
export type ConnectorEdge = Edge<ConnectorEdgeData, 'connector'>;

/** Geometry that is being changed locally (drag, resize) and not committed yet. */
export interface GeometryOverride {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

/** The records of one frame kind. */
export interface FrameCollection {
  kind: FrameKind;
  records: Readonly<Record<string, FrameRecord>>;
}

/** The parts of the snapshot the canvas draws. */
export interface CanvasSnapshot {
  elements: BoardSnapshot['elements'];
  elementOrder: BoardSnapshot['elementOrder'];
  /** The frames of each registered kind, in registry order. */
  frames: readonly FrameCollection[];
}

/**
 * Makes the canvas's snapshot selector: it hands back the same object while the elements
 * and every kind's records are unchanged, so the canvas re-renders only when it must.
 */
export function canvasSelector(
  kinds: readonly FrameKind[] = FRAME_KINDS,
): (s: BoardSnapshot) => CanvasSnapshot {
  let last: CanvasSnapshot | null = null;
  return (s) => {
    const frames = kinds.map((kind) => ({ kind, records: kind.records(s) }));
    const prev = last;
    if (
      prev &&
      prev.elements === s.elements &&
      prev.elementOrder === s.elementOrder &&
      frames.every((f, i) => f.records === prev.frames[i]?.records)
    )
      return prev;
    last = { elements: s.elements, elementOrder: s.elementOrder, frames };
    return last;
  };
}

/** Every frame of the snapshot with its kind. */
export function* allFrames(snapshot: Pick<CanvasSnapshot, 'frames'>): Generator<[FrameKind, FrameRecord]> {
  for (const { kind, records } of snapshot.frames)
    for (const record of Object.values(records)) yield [kind, record];
}

export interface NodeMapInput {
  snapshot: CanvasSnapshot;
  selection: ReadonlySet<string>;
  overrides: ReadonlyMap<string, GeometryOverride>;
  /** Measured sizes of nodes that size themselves (frames). */
  measured: ReadonlyMap<string, Size>;
  /** Accessible name of a node, in the current language. */
  describe: (element: ElementSnapshot) => string;
  describeFrame: (kind: FrameKind, record: FrameRecord) => string;
  /** The size a frame will have, used until React Flow has measured it. */
  frameSize?: (kind: FrameKind, record: FrameRecord) => Size;
}

/** Stacking layers: frames behind everything, structured frames above them, then the rest. */
export const Z_FRAME = -2;
export const Z_STRUCTURED = -1;
export const Z_ELEMENT = 0;

const FRAME_STYLE = { pointerEvents: 'none' } as const;

/** Free elements that are nodes (connectors are edges). */
export function isNodeElement(element: ElementSnapshot): boolean {
  return element.type !== 'connector';
}

/** One free element as a React Flow node. Pure. */
export function elementToNode(
  element: ElementSnapshot,
  selected: boolean,
  override: GeometryOverride | undefined,
  ariaLabel: string,
): ElementNode {
  const type: ElementNodeType = element.type === 'connector' ? 'shape' : element.type;
  return {
    id: element.id,
    type,
    position: { x: override?.x ?? element.x, y: override?.y ?? element.y },
    width: override?.width ?? element.width,
    height: override?.height ?? element.height,
    data: { element },
    selected,
    zIndex: element.type === 'frame' ? Z_FRAME : Z_ELEMENT,
    ariaLabel,
    // A frame is picked up by its title bar only, so a marquee can start inside it and a
    // click inside it reaches the canvas (React Flow sets pointer-events inline; style wins).
    ...(element.type === 'frame' ? { dragHandle: '.cx-frame__title', style: FRAME_STYLE } : {}),
  };
}

/** A frame (journey map, …): one node of its kind's type that lays itself out. Pure. */
export function frameToNode(
  kind: FrameKind,
  record: FrameRecord,
  selected: boolean,
  override: GeometryOverride | undefined,
  measured: Size | undefined,
  ariaLabel: string,
  initialSize?: Size,
): FrameFlowNode {
  return {
    id: record.id,
    type: kind.type,
    position: { x: override?.x ?? record.x, y: override?.y ?? record.y },
    data: { record },
    selected,
    zIndex: Z_STRUCTURED,
    ariaLabel,
    ...(initialSize ? { initialWidth: initialSize.width, initialHeight: initialSize.height } : {}),
    ...(measured ? { measured } : {}),
  };
}

/** A connector as a React Flow edge, or null while one of its ends is not on the board. Pure. */
export function connectorToEdge(
  element: ElementSnapshot,
  selected: boolean,
  endsOnBoard: boolean,
  ariaLabel: string,
): ConnectorEdge | null {
  if (!endsOnBoard || !element.from || !element.to) return null;
  return {
    id: element.id,
    type: 'connector',
    source: element.from,
    target: element.to,
    data: { element },
    selected,
    ariaLabel,
    markerEnd: { type: MarkerType.ArrowClosed, color: resolveColor(element.style.color, INK_COLORS.gray) },
  };
}

interface CacheEntry<T> {
  inputs: readonly unknown[];
  value: T;
}

/** Returns the cached value while every input is identical (`Object.is`). */
function reuse<T>(
  cache: Map<string, CacheEntry<T>>,
  next: Map<string, CacheEntry<T>>,
  id: string,
  inputs: readonly unknown[],
  build: () => T,
): T {
  const hit = cache.get(id);
  const value =
    hit && hit.inputs.length === inputs.length && hit.inputs.every((v, i) => Object.is(v, inputs[i]))
      ? hit.value
      : build();
  next.set(id, { inputs, value });
  return value;
}

/**
 * Makes a memoised node mapper. Nodes come back to front: free frame elements, structured
 * frames (kind by kind), then other elements in the board's stacking order.
 */
export function createNodeMapper(): (input: NodeMapInput) => CanvasNode[] {
  let cache = new Map<string, CacheEntry<CanvasNode>>();
  let lastDescribe: NodeMapInput['describe'] | null = null;
  let lastResult: CanvasNode[] = [];
  return (input) => {
    const { snapshot, selection, overrides, measured, describe, describeFrame, frameSize } = input;
    if (describe !== lastDescribe) cache = new Map(); // language changed: relabel everything
    lastDescribe = describe;
    const next = new Map<string, CacheEntry<CanvasNode>>();
    const nodes: CanvasNode[] = [];
    const frames: CanvasNode[] = [];
    for (const id of snapshot.elementOrder) {
      const element = snapshot.elements[id];
      if (!element || !isNodeElement(element)) continue;
      const selected = selection.has(id);
      const override = overrides.get(id);
      const node = reuse(cache, next, id, [element, selected, override], () =>
        elementToNode(element, selected, override, describe(element)),
      );
      (element.type === 'frame' ? frames : nodes).push(node);
    }
    const structured: CanvasNode[] = [];
    for (const [kind, record] of allFrames(snapshot)) {
      const selected = selection.has(record.id);
      const override = overrides.get(record.id);
      const size = measured.get(record.id);
      structured.push(
        reuse(cache, next, record.id, [record, selected, override, size], () =>
          frameToNode(
            kind,
            record,
            selected,
            override,
            size,
            describeFrame(kind, record),
            frameSize?.(kind, record),
          ),
        ),
      );
    }
    cache = next;
    const result = [...frames, ...structured, ...nodes];
    // Same nodes in the same order: hand back the previous array so React skips work.
    if (result.length === lastResult.length && result.every((n, i) => n === lastResult[i])) return lastResult;
    lastResult = result;
    return result;
  };
}

export interface EdgeMapInput {
  snapshot: CanvasSnapshot;
  selection: ReadonlySet<string>;
  describe: (element: ElementSnapshot) => string;
}

/** Makes a memoised edge mapper: one edge per connector whose both ends are on the board. */
export function createEdgeMapper(): (input: EdgeMapInput) => ConnectorEdge[] {
  let cache = new Map<string, CacheEntry<ConnectorEdge | null>>();
  let lastDescribe: EdgeMapInput['describe'] | null = null;
  let lastResult: ConnectorEdge[] = [];
  return ({ snapshot, selection, describe }) => {
    if (describe !== lastDescribe) cache = new Map();
    lastDescribe = describe;
    const next = new Map<string, CacheEntry<ConnectorEdge | null>>();
    const edges: ConnectorEdge[] = [];
    // Connector ends come from peers and files: only own keys count (never `constructor`).
    const endExists = (id: string | null) =>
      id !== null &&
      ((Object.hasOwn(snapshot.elements, id) && snapshot.elements[id]?.type !== 'connector') ||
        snapshot.frames.some((f) => Object.hasOwn(f.records, id)));
    for (const id of snapshot.elementOrder) {
      const element = snapshot.elements[id];
      if (element?.type !== 'connector') continue;
      const selected = selection.has(id);
      const ends = endExists(element.from) && endExists(element.to);
      const edge = reuse(cache, next, id, [element, selected, ends], () =>
        connectorToEdge(element, selected, ends, describe(element)),
      );
      if (edge) edges.push(edge);
    }
    cache = next;
    if (edges.length === lastResult.length && edges.every((e, i) => e === lastResult[i])) return lastResult;
    lastResult = edges;
    return edges;
  };
}

/** Axis-aligned rectangle in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A frame's id and its rectangle (with any in-flight drag applied). */
export interface FrameBox {
  id: string;
  rect: Rect;
}

/** The frames of the board, back to front, at their current (possibly dragged) place. */
export function framesOf(
  snapshot: Pick<CanvasSnapshot, 'elements' | 'elementOrder'>,
  overrides?: ReadonlyMap<string, GeometryOverride>,
): FrameBox[] {
  const frames: FrameBox[] = [];
  for (const id of snapshot.elementOrder) {
    const el = snapshot.elements[id];
    if (el?.type !== 'frame') continue;
    const o = overrides?.get(id);
    frames.push({
      id,
      rect: { x: o?.x ?? el.x, y: o?.y ?? el.y, width: o?.width ?? el.width, height: o?.height ?? el.height },
    });
  }
  return frames;
}

/**
 * The frame an element placed at `rect` belongs to: the front-most frame containing the
 * element's centre, or null. Frames never nest, so a frame's own box is skipped.
 */
export function frameAt(frames: readonly FrameBox[], rect: Rect, exceptId?: string): string | null {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  let found: string | null = null;
  for (const { id, rect: f } of frames) {
    if (id === exceptId) continue;
    if (cx >= f.x && cx <= f.x + f.width && cy >= f.y && cy <= f.y + f.height) found = id;
  }
  return found;
}
