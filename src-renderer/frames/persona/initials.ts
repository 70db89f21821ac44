/**
 * Up to two initials of a persona's name, for the card's photo placeholder: the first letters
 * of the first two words ("Anna Petrova, 67" → "AP"); digits and punctuation are skipped, so
 * an age is never an initial. Empty when the name has no letters.
 */
export function initialsOf(name: string): string {
  const words = name.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  return words
    .slice(0, 2)
    .map((word) => [...word][0]!.toLocaleUpperCase())
    .join('');
}
