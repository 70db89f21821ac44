import { createHash } from 'node:crypto';

import { isValidRoomName } from '../shared/protocol';

/**
 * Room names (the rule is in shared/protocol) become file names in the data directory.
 */

export { isValidRoomName, MAX_ROOM_NAME_LENGTH } from '../shared/protocol';

/**
 * Longest stem written out in full: with the longest suffix the store appends
 * (`.ysnap.tmp`, 10 bytes) the file name stays within the 255-byte limit of common file
 * systems. Every stem that fitted before long names were hashed is still spelled the same,
 * so existing rooms keep their files.
 */
const MAX_SPELLED_STEM_LENGTH = 245;

/**
 * The file-name stem for a room. Upper-case letters are written as `!` + lower case so
 * that rooms differing only by case stay distinct on case-insensitive file systems
 * (macOS, Windows); the `r-` prefix keeps names like `con` clear of Windows device names.
 * A name whose spelled-out stem would be too long for a file name (up to 128 characters
 * with many upper-case letters) gets `h-` + the SHA-256 of the name in hex instead.
 * Only call with a name that passed {@link isValidRoomName}.
 */
export function roomFileStem(room: string): string {
  if (!isValidRoomName(room)) throw new Error(`invalid room name: ${JSON.stringify(room)}`);
  const spelled = `r-${room.replace(/[A-Z]/g, (letter) => `!${letter.toLowerCase()}`)}`;
  if (spelled.length <= MAX_SPELLED_STEM_LENGTH) return spelled;
  return `h-${createHash('sha256').update(room, 'utf8').digest('hex')}`;
}

/**
 * The room name a spelled-out file stem was made from, or null when the stem is not one
 * of ours or is a hash (a hashed stem cannot be turned back into its name).
 */
export function roomFromFileStem(stem: string): string | null {
  if (!stem.startsWith('r-')) return null;
  const room = stem.slice(2).replace(/!([a-z])/g, (_match, letter: string) => letter.toUpperCase());
  return isValidRoomName(room) && roomFileStem(room) === stem ? room : null;
}
