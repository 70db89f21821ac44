import { type Edge, MarkerType, type Node } from '@xyflow/react';
import type { BoardSnapshot, ElementSnapshot, JourneySnapshot } from '../../shared/board';
import { INK_COLORS, resolveColor } from './colors';

/**
 * Pure mapping from the board snapshot (plus session state: selection, in-flight drags)
 * to React Flow nodes and edges. The mappers are memoised per item: an item whose snapshot,
 * selection and override did not change keeps the very same node object, so React Flow
 * re-renders only what changed even on boards with thousands of items.
 */

/** Node types for free elements; structured frames add their own (e.g. 'journey'). */
export type ElementNodeType = 'sticky' | 'text' | 'shape' | 'frame';

export type ElementNodeData = { element: ElementSnapshot };
export type JourneyNodeData = { journeyId: string };
export type ConnectorEdgeData = { element: ElementSnapshot };

export type ElementNode = Node<ElementNodeData, ElementNodeType>;
export type JourneyNode = Node<JourneyNodeData, 'journey'>;
export type CanvasNode = ElementNode | JourneyNode;
export type ConnectorEdge = Edge<ConnectorEdgeData, 'connector'>;

/** Geometry that is being changed locally (drag, resize) and not committed yet. */
export interface GeometryOverride {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

/** The parts of the snapshot the canvas draws. */
export type CanvasSnapshot = Pick<BoardSnapshot, 'elements' | 'elementOrder' | 'journeys'>;

export interface NodeMapInput {
  snapshot: CanvasSnapshot;
  selection: ReadonlySet<string>;
  overrides: ReadonlyMap<string, GeometryOverride>;
  /** Measured sizes of nodes that size themselves (journey frames). */
  measured: ReadonlyMap<string, { width: number; height: number }>;
  /** Accessible name of a node, in the current language. */
  describe: (element: ElementSnapshot) => string;
  describeJourney: (journey: JourneySnapshot) => string;
  /** The size a journey frame will have, used until React Flow has measured it. */
  journeySize?: (journey: JourneySnapshot) => { width: number; height: number };
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

/** A journey map: one node that lays out its stages and lanes itself. Pure. */
export function journeyToNode(
  journey: JourneySnapshot,
  selected: boolean,
  override: GeometryOverride | undefined,
  measured: { width: number; height: number } | undefined,
  ariaLabel: string,
  initialSize?: { width: number; height: number },
): JourneyNode {
  return {
    id: journey.id,
    type: 'journey',
    position: { x: override?.x ?? journey.x, y: override?.y ?? journey.y },
    data: { journeyId: journey.id },
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
 * Makes a memoised node mapper. Nodes come back to front: frames, journeys, then other
 * elements in the board's stacking order.
 */
export function createNodeMapper(): (input: NodeMapInput) => CanvasNode[] {
  let cache = new Map<string, CacheEntry<CanvasNode>>();
  let lastDescribe: NodeMapInput['describe'] | null = null;
  let lastResult: CanvasNode[] = [];
  return (input) => {
    const { snapshot, selection, overrides, measured, describe, describeJourney, journeySize } = input;
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
    const journeys: CanvasNode[] = [];
    for (const journey of Object.values(snapshot.journeys)) {
      const selected = selection.has(journey.id);
      const override = overrides.get(journey.id);
      const size = measured.get(journey.id);
      journeys.push(
        reuse(cache, next, journey.id, [journey, selected, override, size], () =>
          journeyToNode(journey, selected, override, size, describeJourney(journey), journeySize?.(journey)),
        ),
      );
    }
    cache = next;
    const result = [...frames, ...journeys, ...nodes];
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
    const endExists = (id: string | null) =>
      id !== null &&
      ((snapshot.elements[id] !== undefined && snapshot.elements[id]?.type !== 'connector') ||
        snapshot.journeys[id] !== undefined);
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
