import { describe, expect, it } from 'vitest';
import { initials, PRESENCE_COLORS, presenceColorId, randomPresenceColor } from './colors';
import { parseProfile } from './profile';

const fixed = (value: number) => () => value;

describe('parseProfile', () => {
  it('keeps a stored name, colour and guest number', () => {
    expect(parseProfile(JSON.stringify({ name: ' Anna ', color: '#0f766e', guestNumber: 7 }))).toEqual({
      name: 'Anna',
      color: '#0f766e',
      guestNumber: 7,
    });
  });

  it('fills anything missing or malformed with defaults from the palette', () => {
    for (const raw of [
      null,
      '',
      'not json',
      '[]',
      JSON.stringify({ color: 'red', guestNumber: 1000, name: 5 }),
    ]) {
      const profile = parseProfile(raw, fixed(0.5));
      expect(profile.name).toBe('');
      expect(PRESENCE_COLORS.map((c) => c.hex as string)).toContain(profile.color);
      expect(profile.guestNumber).toBe(50);
    }
  });
});

describe('presence colours', () => {
  it('picks every palette colour and names them', () => {
    expect(randomPresenceColor(fixed(0))).toBe(PRESENCE_COLORS[0].hex);
    expect(randomPresenceColor(fixed(0.9999))).toBe(PRESENCE_COLORS[PRESENCE_COLORS.length - 1]!.hex);
    expect(presenceColorId('#0F766E')).toBe('teal');
    expect(presenceColorId('#123456')).toBeNull();
  });

  it('makes avatar initials from the first two words', () => {
    expect(initials('Anna Karenina Arkadyevna')).toBe('AK');
    expect(initials('гость 12')).toBe('Г1');
    expect(initials('  ')).toBe('?');
  });
});
