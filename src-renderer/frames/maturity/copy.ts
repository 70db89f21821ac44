import type { BoardDoc, MaturityCardSnapshot } from '../../../shared/board';
import { maturityCardSchema } from '../../../shared/board/records';

/**
 * Copies of maturity cards (duplicate, copy/paste across boards). Reading one back is the trust
 * boundary: the record's schema (every field within the bounds the commands enforce, at most
 * `MAX_MATURITY_AREAS` areas) and unique area ids. Null when anything is wrong.
 */
export function parseMaturityCard(raw: unknown): MaturityCardSnapshot | null {
  const parsed = maturityCardSchema.safeParse(raw);
  if (!parsed.success) return null;
  const card = parsed.data;
  if (new Set(card.areas.map((a) => a.id)).size !== card.areas.length) return null;
  return card;
}

/** Adds a copy of a maturity card at `at` with fresh ids, areas and levels included. */
export function pasteMaturityCard(
  board: BoardDoc,
  card: MaturityCardSnapshot,
  at: { x: number; y: number },
): string {
  return board.addMaturityCard({
    title: card.title,
    x: at.x,
    y: at.y,
    areas: card.areas.map(({ kind, name, level }) => ({ kind, name, level })),
  });
}
