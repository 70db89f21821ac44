import * as Y from 'yjs';

/**
 * Deepest nesting a board document may hold: shared types inside shared types, plus the
 * JSON values inside them. The current layout needs at most 6 (a journey's stage title's
 * characters; a detached matrix row's cells). Yjs walks nested content recursively when it
 * deletes, garbage-collects, encodes or decodes it, so content thousands of levels deep
 * (only a hostile or broken writer makes it) would overflow the stack of whoever touches it
 * next. The same rule as the sync server's update check (server/updateCheck.ts).
 */
export const MAX_NESTING_DEPTH = 32;

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * The deepest nesting in `doc`, counted up to `cap + 1` (a root type's entries are at
 * depth 1). Iterative, so measuring hostile content cannot itself overflow the stack.
 */
export function deepestNesting(doc: Y.Doc, cap: number = MAX_NESTING_DEPTH): number {
  const levels = new Map<Y.AbstractType<unknown>, number>();
  let deepest = 0;
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs as Struct[]) {
      if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.AbstractType)) continue;
      const depth = typeLevel(struct.parent, levels, cap) + 1 + contentDepth(struct.content, cap);
      if (depth > deepest) deepest = depth;
      if (deepest > cap) return deepest;
    }
  }
  return deepest;
}

/** Level of a type: 0 for a root type, +1 per enclosing type (memoised; beyond `cap` only "> cap"). */
function typeLevel(
  type: Y.AbstractType<unknown>,
  levels: Map<Y.AbstractType<unknown>, number>,
  cap: number,
): number {
  // Climb to the first ancestor whose level is known (or to the root), remembering the way.
  const chain: Y.AbstractType<unknown>[] = [];
  let current = type;
  let above: number;
  for (;;) {
    const known = levels.get(current);
    if (known !== undefined) {
      above = known;
      break;
    }
    chain.push(current);
    const parent = current._item?.parent;
    if (!(parent instanceof Y.AbstractType)) {
      above = -1; // `current` is a root type: level 0
      break;
    }
    if (chain.length > cap) {
      above = cap; // deeper than the cap: the exact level no longer matters
      break;
    }
    current = parent;
  }
  for (let i = chain.length - 1, level = above + 1; i >= 0; i--, level++) levels.set(chain[i]!, level);
  return levels.get(type)!;
}

/** Depth of the JSON values an item carries (0 for types, strings, deletions), counted up to `cap + 1`. */
function contentDepth(content: Y.Item['content'], cap: number): number {
  let values: unknown[];
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) values = content.arr;
  else if (content instanceof Y.ContentEmbed) values = [content.embed];
  else if (content instanceof Y.ContentFormat) values = [content.value];
  else if (content instanceof Y.ContentDoc) values = [content.opts];
  else return 0;
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = values.map((value) => ({ value, depth: 0 }));
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object' || value instanceof Uint8Array) continue;
    const inner = depth + 1;
    if (inner > deepest) deepest = inner;
    if (deepest > cap) return deepest;
    for (const child of Array.isArray(value) ? value : Object.values(value))
      stack.push({ value: child, depth: inner });
  }
  return deepest;
}
