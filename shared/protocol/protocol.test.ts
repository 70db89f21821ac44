import { describe, expect, it } from 'vitest';
import { contentTypeFor, formatJoinCode, isValidRoomName, normalizeJoinCode } from './index';

describe('wire rules', () => {
  it('room names: 1–128 of A–Z a–z 0–9 _ -', () => {
    expect(isValidRoomName('Board-1_x')).toBe(true);
    expect(isValidRoomName('x'.repeat(128))).toBe(true);
    for (const bad of ['', 'x'.repeat(129), 'a b', '../x', 'ä', 'a/b'])
      expect(isValidRoomName(bad)).toBe(false);
  });

  it('join codes: case, spaces and dashes ignored; shown in groups of four', () => {
    expect(normalizeJoinCode(' k7qm-3xpd ')).toBe('K7QM3XPD');
    expect(normalizeJoinCode('abc')).toBeNull();
    expect(normalizeJoinCode('abcd/efgh')).toBeNull();
    expect(formatJoinCode('K7QM3XPD')).toBe('K7QM-3XPD');
  });

  it('content types by extension, octet-stream for the unknown and for inherited names', () => {
    expect(contentTypeFor('/app/assets/index-3f2a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    for (const name of ['README', 'file.exe', 'a.constructor', 'x.__proto__', 'dir.js/file']) {
      expect(contentTypeFor(name), name).toBe('application/octet-stream');
    }
  });
});
