/**
 * Workshop join codes as people type them. The sync server issues the codes (letters and
 * digits without look-alikes, shown as `XXXX-XXXX`) and accepts them case-insensitively
 * with spaces and dashes ignored; these helpers apply the same rule on the client side so
 * a typo is caught before a request is made.
 */

/** Canonical form (upper case, no spaces or dashes), or null when it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{4,32}$/.test(compact) ? compact : null;
}

/** Shows a canonical code in groups of four (`7KQM-XD3P`), the way hosts read it out. */
export function formatJoinCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
