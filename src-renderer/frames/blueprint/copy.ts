import {
  type BlueprintSnapshot,
  blueprintSchema,
  type BoardDoc,
  cellKey,
  isFixedLane,
  LIMITS,
  MAX_COLUMNS,
  MAX_CUSTOM_LANES,
} from '../../../shared/board';

/**
 * Copies of blueprints (duplicate, copy/paste within a board and across boards). A copy is the
 * blueprint's snapshot as JSON; `parseBlueprint` is the trust boundary, `pasteBlueprint` writes
 * it with the board's public commands in the caller's batch (one undo step, fresh ids). A copy
 * is always a standalone blueprint: its columns (a linked one's stages) become its own.
 */

function unique(ids: readonly string[]): boolean {
  return new Set(ids).size === ids.length;
}

/**
 * Reads a blueprint from untrusted data: the record's schema (every field within the limits
 * the commands enforce) plus ids unique, cards on the copy's own columns and lanes, filed in
 * their own cell, custom lanes in their zone, handoffs between two of its cards. Null when
 * anything is wrong: a bad copy is refused whole, never half pasted.
 */
export function parseBlueprint(raw: unknown): BlueprintSnapshot | null {
  const parsed = blueprintSchema.safeParse(raw);
  if (!parsed.success) return null;
  const bp = parsed.data;
  if (
    bp.columns.length > MAX_COLUMNS ||
    !unique(bp.columns.map((c) => c.id)) ||
    !unique(bp.lanes.map((l) => l.id))
  )
    return null;
  // The five fixed lanes are always there, each once, and custom lanes name their zone.
  for (const lane of bp.lanes) {
    if (lane.kind !== 'custom' && (lane.id !== lane.kind || lane.zone !== lane.kind)) return null;
    if (lane.kind === 'custom' && isFixedLane(lane.id)) return null;
  }
  if (bp.lanes.filter((l) => l.kind === 'custom').length > MAX_CUSTOM_LANES) return null;
  const columns = new Set(bp.columns.map((c) => c.id));
  const lanes = new Set(bp.lanes.map((l) => l.id));
  const cards = new Set<string>();
  for (const [key, list] of Object.entries(bp.cells)) {
    for (const card of list) {
      if (!columns.has(card.columnId) || !lanes.has(card.lane) || cellKey(card.columnId, card.lane) !== key)
        return null;
      if (cards.has(card.id)) return null;
      cards.add(card.id);
    }
  }
  if (cards.size > LIMITS.itemsPerJourney) return null;
  if (bp.handoffs.some((h) => h.from === h.to || !cards.has(h.from) || !cards.has(h.to))) return null;
  if (!unique(bp.handoffs.map((h) => `${h.from}>${h.to}`))) return null;
  return bp;
}

/**
 * Writes a standalone copy of `bp` with its top-left corner at `at`: title, columns, custom
 * lanes, process cards in cell order with every field, and handoffs. Call inside `board.batch`.
 */
export function pasteBlueprint(board: BoardDoc, bp: BlueprintSnapshot, at: { x: number; y: number }): string {
  const id = board.addBlueprint({
    title: bp.title,
    x: at.x,
    y: at.y,
    columnTitles: bp.columns.map((c) => c.title),
  });
  const created = board.snapshot().blueprints[id]!;
  const columnIds = new Map(bp.columns.map((c, i) => [c.id, created.columns[i]!.id]));
  const laneIds = new Map<string, string>();
  for (const lane of bp.lanes) {
    laneIds.set(
      lane.id,
      lane.kind === 'custom' ? board.addBlueprintLane(id, { title: lane.title, zone: lane.zone }) : lane.id,
    );
  }
  const cardIds = new Map<string, string>();
  for (const list of Object.values(bp.cells))
    for (const card of list)
      cardIds.set(
        card.id,
        board.addProcessCard(id, {
          columnId: columnIds.get(card.columnId)!,
          lane: laneIds.get(card.lane)!,
          text: card.text,
          actorKind: card.actorKind,
          owner: card.owner,
          system: card.system,
          pros: card.pros,
          cons: card.cons,
        }),
      );
  for (const h of bp.handoffs) board.addHandoff(id, cardIds.get(h.from)!, cardIds.get(h.to)!);
  return id;
}
