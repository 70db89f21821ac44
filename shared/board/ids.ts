import { uint32 } from 'lib0/random';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A new random record id: 16 base-62 characters (~95 bits), safe in URLs and room names. */
export function newId(): string {
  let id = '';
  while (id.length < 16) {
    let n = uint32();
    for (let i = 0; i < 5 && id.length < 16; i++) {
      id += ALPHABET[n % 62];
      n = Math.floor(n / 62);
    }
  }
  return id;
}

/** Ids the board accepts: what `newId` makes, plus shorter hand-made ones in fixtures. */
export const ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;
