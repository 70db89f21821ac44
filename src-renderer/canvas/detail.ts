import { useStore } from '@xyflow/react';

/**
 * Level of detail. Below this zoom, text on the canvas is a few pixels high and unreadable,
 * so nodes draw a plain shape instead of laying out text, editors and handles: a board with
 * thousands of items stays fast when all of it is in view. Structured frames (journey maps)
 * can use the same hook for their own simplified drawing.
 */
export const FAR_ZOOM = 0.3;

/** True while the canvas is zoomed out below FAR_ZOOM. Re-renders only when that flips. */
export function useFarZoom(): boolean {
  return useStore((state) => state.transform[2] < FAR_ZOOM);
}
