/**
 * Version of the board document's layout. Every board stores the version it was written
 * with in `meta.schemaVersion`; `migrations.ts` brings older boards up to this one.
 */
export const SCHEMA_VERSION = 5;

/** Upper bounds that keep a hostile or broken board from exhausting memory or the UI. */
export const LIMITS = {
  coordinate: 10_000_000,
  size: 100_000,
  elements: 50_000,
  itemsPerJourney: 20_000,
  tags: 50,
  tagLength: 100,
  whySteps: 50,
  listItems: 100,
  history: 10_000,
} as const;

/** Key of a cell in `JourneySnapshot.cells` / `BlueprintSnapshot.cells`. */
export function cellKey(columnId: string, rowId: string): string {
  return `${columnId}:${rowId}`;
}
