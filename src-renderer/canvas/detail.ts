import { type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { type CanvasPoint, DetailScheduler } from './detailScheduler';

/**
 * Level of detail. Below this zoom, text on the canvas is a few pixels high and unreadable,
 * so nodes draw a plain shape instead of laying out text, editors and handles: a board with
 * thousands of items stays fast when all of it is in view. Structured frames (journey maps)
 * use the same threshold for their own simplified drawing.
 */
export const FAR_ZOOM = 0.3;

/** True while the canvas is zoomed out below FAR_ZOOM. Re-renders only when that flips. */
export function useFarZoom(): boolean {
  return useStore((state) => state.transform[2] < FAR_ZOOM);
}

type FlowStore = ReturnType<typeof useStoreApi>;

/**
 * One scheduler per React Flow instance, following its viewport. Keyed by the store's
 * `getState`: useStoreApi() hands each component its own wrapper object around the store.
 */
const schedulers = new WeakMap<FlowStore['getState'], DetailScheduler>();

function schedulerOf(store: FlowStore): DetailScheduler {
  const existing = schedulers.get(store.getState);
  if (existing) return existing;
  const scheduler = new DetailScheduler(
    {
      now: () => performance.now(),
      requestFrame: (run) => requestAnimationFrame(run),
      flush: (update) => flushSync(update),
    },
    store.getState().transform[2],
  );
  store.subscribe((state, before) =>
    scheduler.setView(state.transform[2], () => viewCenter(state), state.transform !== before.transform),
  );
  schedulers.set(store.getState, scheduler);
  return scheduler;
}

/** The middle of the view, in canvas units. */
function viewCenter(state: ReactFlowState): CanvasPoint {
  const [x, y, zoom] = state.transform;
  return { x: (state.width / 2 - x) / zoom, y: (state.height / 2 - y) / zoom };
}

function partCenter(store: FlowStore, nodeId: string, offset: CanvasPoint | undefined): CanvasPoint | null {
  const node = store.getState().nodeLookup.get(nodeId);
  if (!node) return null;
  const { x, y } = node.internals.positionAbsolute;
  if (offset) return { x: x + offset.x, y: y + offset.y };
  return { x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 };
}

/** Where a part is and how heavy it is to switch (see useZoomDetail). */
export interface DetailPart {
  /** Its centre relative to the node's top-left corner (default: the node's centre). */
  offset?: CanvasPoint;
  /** Rough cost of switching it, in stickies (default 1), e.g. the cards of a cell. */
  weight?: number;
}

/**
 * Whether a part of the canvas draws its detail: true while the zoom is at or above
 * `threshold`. The part is node `nodeId`, or a part of it (a cell of a journey frame) at
 * `part.offset`. When the zoom crosses the threshold, parts switch a few per frame, nearest
 * to the middle of the view first (see detailScheduler.ts); a part re-renders only when its
 * own answer changes, never per pan or zoom step.
 */
export function useZoomDetail(threshold: number, nodeId: string, part: DetailPart = {}): boolean {
  const { offset, weight } = part;
  const store = useStoreApi();
  const scheduler = schedulerOf(store);
  const where = useRef({ nodeId, offset });
  where.current = { nodeId, offset };
  const [entry] = useState(() =>
    scheduler.create(threshold, () => partCenter(store, where.current.nodeId, where.current.offset), weight),
  );
  const subscribe = useCallback((notify: () => void) => scheduler.add(entry, notify), [scheduler, entry]);
  const read = () => entry.detailed;
  return useSyncExternalStore(subscribe, read, read);
}

/** True while node `nodeId` draws its far-zoom version (below FAR_ZOOM; see useZoomDetail). */
export function useFarDrawing(nodeId: string, weight?: number): boolean {
  return !useZoomDetail(FAR_ZOOM, nodeId, { weight });
}
