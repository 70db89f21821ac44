/**
 * Room names are board ids. They arrive in URLs and become file names in the data
 * directory, so they are checked against a small safe alphabet before anything else.
 */

/** Longest accepted room name. Keeps the derived file name well under 255 bytes. */
export const MAX_ROOM_NAME_LENGTH = 128;

const ROOM_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** True when `name` is a usable room name: 1–128 characters of `A–Z a–z 0–9 _ -`. */
export function isValidRoomName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_ROOM_NAME_LENGTH && ROOM_NAME_PATTERN.test(name);
}

/**
 * The file-name stem for a room. Upper-case letters are written as `!` + lower case so
 * that rooms differing only by case stay distinct on case-insensitive file systems
 * (macOS, Windows); the `r-` prefix keeps names like `con` clear of Windows device names.
 * Only call with a name that passed {@link isValidRoomName}.
 */
export function roomFileStem(room: string): string {
  if (!isValidRoomName(room)) throw new Error(`invalid room name: ${JSON.stringify(room)}`);
  return `r-${room.replace(/[A-Z]/g, (letter) => `!${letter.toLowerCase()}`)}`;
}

/** The room name a file stem was made from, or null when the stem is not one of ours. */
export function roomFromFileStem(stem: string): string | null {
  if (!stem.startsWith('r-')) return null;
  const room = stem.slice(2).replace(/!([a-z])/g, (_match, letter: string) => letter.toUpperCase());
  return isValidRoomName(room) && roomFileStem(room) === stem ? room : null;
}
