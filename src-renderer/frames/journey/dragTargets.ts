/**
 * Resolution of drops and keyboard moves inside a journey frame into BoardDoc targets.
 * Pure: the components measure the DOM and pass numbers in; these functions decide what
 * the move means (or that it changes nothing, so no empty undo step is recorded).
 */

/** Where to put an item relative to another, as the BoardDoc move commands take it. */
export type OrderTarget = { before: string } | { after: string };

/**
 * The insertion slot for a pointer at `pointer` along one axis, given the midpoints of the
 * items already there (in order): the number of items whose middle is above/left of it.
 */
export function insertionIndex(midpoints: readonly number[], pointer: number): number {
  let index = 0;
  while (index < midpoints.length && midpoints[index]! < pointer) index++;
  return index;
}

/** Which half of a box (start..start+size) a pointer is over. */
export function sideOf(start: number, size: number, pointer: number): 'before' | 'after' {
  return pointer < start + size / 2 ? 'before' : 'after';
}

/** A card's place: its cell and its index in that cell. */
export interface CardPlace {
  stageId: string;
  laneId: string;
  index: number;
}

/**
 * The `index` to pass to `moveCard` for a card taken from `from` and dropped into slot
 * `slot` of the target cell (slots counted with the card still in place), or null when the
 * drop leaves the card where it is. `moveCard` places the card at an index of the target cell
 * *without* the card, so a move down inside one cell is one less than the slot.
 */
export function resolveCardDrop(
  from: CardPlace,
  to: { stageId: string; laneId: string; slot: number },
): number | null {
  const sameCell = from.stageId === to.stageId && from.laneId === to.laneId;
  if (!sameCell) return Math.max(0, to.slot);
  const index = to.slot > from.index ? to.slot - 1 : to.slot;
  return index === from.index ? null : index;
}

/**
 * The target for dropping item `draggedId` on the `side` of `targetId` in `order`, or null
 * when that leaves the order unchanged (dropping on itself or next to where it already is).
 */
export function resolveReorder(
  order: readonly string[],
  draggedId: string,
  targetId: string,
  side: 'before' | 'after',
): OrderTarget | null {
  const from = order.indexOf(draggedId);
  const at = order.indexOf(targetId);
  if (from < 0 || at < 0 || draggedId === targetId) return null;
  if (side === 'before' && at === from + 1) return null;
  if (side === 'after' && at === from - 1) return null;
  return side === 'before' ? { before: targetId } : { after: targetId };
}

/**
 * The target for moving `id` one place towards the start (−1) or the end (+1) of `order`,
 * for the keyboard's "move left/right/up/down"; null at the edge.
 */
export function stepTarget(order: readonly string[], id: string, direction: -1 | 1): OrderTarget | null {
  const from = order.indexOf(id);
  const neighbour = from < 0 ? undefined : order[from + direction];
  if (neighbour === undefined) return null;
  return direction < 0 ? { before: neighbour } : { after: neighbour };
}
