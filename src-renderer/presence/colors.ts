/**
 * Presence colours: saturated enough to stand out on a pale canvas and dark enough for a
 * white name label (contrast ≥ 4.5:1 against white). Each has a name for screen readers.
 */
export const PRESENCE_COLORS = [
  { id: 'rose', hex: '#be123c' },
  { id: 'pink', hex: '#be185d' },
  { id: 'purple', hex: '#7e22ce' },
  { id: 'indigo', hex: '#4338ca' },
  { id: 'blue', hex: '#1d4ed8' },
  { id: 'cyan', hex: '#0e7490' },
  { id: 'teal', hex: '#0f766e' },
  { id: 'green', hex: '#15803d' },
  { id: 'olive', hex: '#4d7c0f' },
  { id: 'amber', hex: '#b45309' },
  { id: 'orange', hex: '#c2410c' },
  { id: 'slate', hex: '#475569' },
] as const;

export type PresenceColorId = (typeof PRESENCE_COLORS)[number]['id'];

/** A random colour of the palette, for a person who has not picked one. */
export function randomPresenceColor(random: () => number = Math.random): string {
  return PRESENCE_COLORS[Math.floor(random() * PRESENCE_COLORS.length)]!.hex;
}

/** The palette entry of a colour, if it is one of ours (custom colours have no name). */
export function presenceColorId(hex: string): PresenceColorId | null {
  return PRESENCE_COLORS.find((c) => c.hex.toLowerCase() === hex.toLowerCase())?.id ?? null;
}

/** One or two letters for an avatar: the initials of the first two words. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}
