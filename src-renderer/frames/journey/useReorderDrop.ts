import { type DragEvent, useState } from 'react';
import type { OrderTarget } from './dragTargets';
import { resolveReorder, sideOf } from './dragTargets';
import { useJourneyUi } from './uiStore';

/**
 * A stage or lane header as a drop zone for reordering its siblings by mouse drag: tracks
 * which side the drop line shows on, and on drop resolves the new place and calls `move`.
 * Stages reorder along x, lanes along y.
 */
export function useReorderDrop(options: {
  kind: 'stage' | 'lane';
  journeyId: string;
  itemId: string;
  order: readonly string[];
  axis: 'x' | 'y';
  move: (draggedId: string, target: OrderTarget) => void;
}) {
  const { kind, journeyId, itemId, order, axis, move } = options;
  const [dropSide, setDropSide] = useState<'before' | 'after' | null>(null);

  const acceptsDrag = () => {
    const drag = useJourneyUi.getState().drag;
    return drag?.kind === kind && drag.journeyId === journeyId;
  };
  const sideAt = (event: DragEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return axis === 'x'
      ? sideOf(rect.left, rect.width, event.clientX)
      : sideOf(rect.top, rect.height, event.clientY);
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!acceptsDrag()) return;
    event.preventDefault();
    const side = sideAt(event);
    if (side !== dropSide) setDropSide(side);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    const ui = useJourneyUi.getState();
    const drag = ui.drag;
    setDropSide(null);
    if (!acceptsDrag() || !drag) return;
    event.preventDefault();
    ui.setDrag(null);
    const target = resolveReorder(order, drag.id, itemId, sideAt(event));
    if (target) move(drag.id, target);
  };
  return { dropSide, onDragOver, onDrop, onDragLeave: () => setDropSide(null) };
}
