import { describe, expect, it } from 'vitest';
import { isValidRoomName, MAX_ROOM_NAME_LENGTH, roomFileStem, roomFromFileStem } from './roomName';

describe('room names', () => {
  it('accepts board-id shaped names', () => {
    for (const name of ['board-1', 'V1StGXR8_Z5jdHi6B-myT', '3f2a9c1e-8b7d-4e5f-a1b2-c3d4e5f6a7b8', 'a']) {
      expect(isValidRoomName(name)).toBe(true);
    }
    expect(isValidRoomName('x'.repeat(MAX_ROOM_NAME_LENGTH))).toBe(true);
  });

  it('refuses anything that could walk out of the data directory or break a file name', () => {
    for (const name of [
      '',
      '..',
      '../secret',
      'a/b',
      'a\\b',
      '.hidden',
      'a.b',
      'room%2F..',
      'room name',
      'room\u0000',
      'комната',
      'x'.repeat(MAX_ROOM_NAME_LENGTH + 1),
    ]) {
      expect(isValidRoomName(name), name).toBe(false);
    }
  });

  it('maps names to file stems that stay distinct when case is ignored', () => {
    const a = roomFileStem('Board');
    const b = roomFileStem('board');
    expect(a).toBe('r-!board');
    expect(b).toBe('r-board');
    expect(a.toLowerCase()).not.toBe(b.toLowerCase());
    expect(roomFileStem('CON')).toBe('r-!c!o!n');
  });

  it('reads a stem back to its room name and rejects foreign files', () => {
    for (const name of ['Board-X_1', 'abc', 'ABC', '-_-']) {
      expect(roomFromFileStem(roomFileStem(name))).toBe(name);
    }
    expect(roomFromFileStem('secret')).toBeNull();
    expect(roomFromFileStem('r-!!a')).toBeNull();
    expect(roomFromFileStem('r-A')).toBeNull();
    expect(() => roomFileStem('../x')).toThrow();
  });

  it('keeps every file name short enough, spelling out every stem that fitted before', () => {
    const allUpper = 'A'.repeat(MAX_ROOM_NAME_LENGTH);
    const oneLess = `${'A'.repeat(115)}${'a'.repeat(13)}`; // r- + 230 + 13 = 245 characters
    expect(roomFileStem(oneLess)).toHaveLength(245);
    expect(roomFileStem(oneLess).startsWith('r-')).toBe(true);
    const hashed = roomFileStem(`${oneLess.slice(0, -1)}A`);
    expect(hashed).toMatch(/^h-[0-9a-f]{64}$/);
    expect(roomFileStem(allUpper)).toMatch(/^h-[0-9a-f]{64}$/);
    expect(roomFileStem(allUpper)).not.toBe(roomFileStem(`${'A'.repeat(127)}B`));
    expect(roomFromFileStem(hashed)).toBeNull();
    for (let upper = 0; upper <= MAX_ROOM_NAME_LENGTH; upper += 8) {
      const name = 'Q'.repeat(upper) + 'q'.repeat(MAX_ROOM_NAME_LENGTH - upper);
      expect(`${roomFileStem(name)}.ysnap.tmp`.length).toBeLessThanOrEqual(255);
    }
  });
});
