/**
 * Workshop join codes. The server issues them (letters and digits without look-alikes,
 * shown as `XXXX-XXXX`) and accepts them case-insensitively with spaces and dashes
 * ignored; clients apply the same rule so a typo is caught before a request is made.
 */

/** Letters and digits people do not confuse (no 0/O, 1/I/L): what generated codes use. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Length of a generated code (a code of one's choice may be 4–32 characters). */
export const GENERATED_JOIN_CODE_LENGTH = 8;

/** Canonical form (upper case, no spaces or dashes), or null when what is left is not 4–32 letters/digits. */
export function normalizeJoinCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{4,32}$/.test(compact) ? compact : null;
}

/** Shows a canonical code in groups of four (`7KQM-XD3P`), the way hosts read it out. */
export function formatJoinCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
