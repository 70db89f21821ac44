import * as Y from 'yjs';

/** Longest text a single field accepts; longer input is refused, not truncated. */
export const MAX_TEXT_LENGTH = 100_000;

/**
 * Writes `next` into a Y.Text as the smallest single replace (common prefix and suffix
 * kept). Why: the UI hands over the whole edited value; diffing keeps concurrent edits by
 * others at other positions of the same text, where a full replace would drop them.
 */
export function applyTextDiff(text: Y.Text, next: string): void {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  const maxStart = Math.min(prev.length, next.length);
  while (start < maxStart && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (
    endPrev > start &&
    endNext > start &&
    prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)
  ) {
    endPrev--;
    endNext--;
  }
  // Never split a UTF-16 surrogate pair: step back onto its first half.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
    endPrev++;
    endNext++;
  }
  if (endPrev - start > 0) text.delete(start, endPrev - start);
  const inserted = next.slice(start, endNext);
  if (inserted.length > 0) text.insert(start, inserted);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A Y.Text holding `value`, to put into a map. */
export function newText(value = ''): Y.Text {
  const text = new Y.Text();
  if (value) text.insert(0, value);
  return text;
}

/** Sets a text field of a map: diffs into the existing Y.Text, or creates one. */
export function setTextField(map: Y.Map<unknown>, key: string, value: string): void {
  const current = map.get(key);
  if (current instanceof Y.Text) applyTextDiff(current, value);
  else map.set(key, newText(value));
}

/** Reads a text field (a Y.Text, or a plain string left by older data) as a string. */
export function readTextField(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}
