/**
 * Room names are board ids. They arrive in URLs and become file names on the server, so
 * both sides hold them to one small safe alphabet.
 */

/** Longest accepted room name. */
export const MAX_ROOM_NAME_LENGTH = 128;

const ROOM_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** True when `name` is a usable room name: 1–128 characters of `A–Z a–z 0–9 _ -`. */
export function isValidRoomName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_ROOM_NAME_LENGTH && ROOM_NAME_PATTERN.test(name);
}
