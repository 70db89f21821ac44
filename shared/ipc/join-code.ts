/**
 * Workshop join codes: short, typed by people from a projector or read aloud, so the
 * alphabet leaves out characters that look or sound alike (0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V).
 * Pure: generation takes the random source as an argument.
 */

/** The characters a join code is made of. */
export const JOIN_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
/** Characters in a join code (without the separator). */
export const JOIN_CODE_LENGTH = 6;

const CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/**
 * Canonical form of what a person typed: upper case, separators and spaces removed.
 * Returns null when the result is not a well-formed code.
 */
export function normalizeJoinCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-_.]/g, '');
  return CODE_PATTERN.test(compact) ? compact : null;
}

/** Shows a canonical code as two groups, `ABC-DEF`, the way hosts read it out. */
export function formatJoinCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}

/**
 * Makes a code from a source of uniform random integers in [0, max).
 * Callers pass a cryptographic source (node:crypto `randomInt`).
 */
export function generateJoinCode(randomIndex: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)];
  }
  return code;
}
