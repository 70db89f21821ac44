import type { BoardDoc, PersonaSnapshot } from '../../../shared/board';
import { personaSchema } from '../../../shared/board/records';

/**
 * Copies of persona cards (duplicate, copy/paste across boards and tabs). The card is its
 * snapshot as JSON; reading one back is the trust boundary: the persona record's schema, so
 * every field is within the bounds `addPersona` enforces. Null when anything is wrong.
 */
export function parsePersona(raw: unknown): PersonaSnapshot | null {
  const parsed = personaSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * Adds a copy of a persona card at `at` with a fresh id. Maps keep pointing to the original:
 * a copy is a new persona (e.g. a variant to fill in), not a second view of the same one.
 */
export function pastePersona(
  board: BoardDoc,
  persona: PersonaSnapshot,
  at: { x: number; y: number },
): string {
  const { id: _id, x: _x, y: _y, ...fields } = persona;
  return board.addPersona({ ...fields, x: at.x, y: at.y });
}
