import { STICKY_COLORS, type StickyColor } from '../../shared/board';

/**
 * Colours of free elements. The document stores a palette name (so themes and exports can
 * map it) or a `#rrggbb` value; anything else came from an untrusted peer or file and is
 * drawn with a fallback instead of being passed to CSS.
 */

/** Fill of each palette colour. */
export const PALETTE: Record<StickyColor, string> = {
  yellow: '#fff176',
  orange: '#ffcc80',
  pink: '#f8bbd0',
  violet: '#d1c4e9',
  blue: '#bbdefb',
  cyan: '#b2ebf2',
  green: '#c8e6c9',
  gray: '#e0e0e0',
};

/** Ink colours for text and connectors, named for translation (`color.<name>`). */
export const INK_COLORS = {
  black: '#1f2937',
  gray: '#64748b',
  red: '#dc2626',
  orange: '#ea580c',
  green: '#16a34a',
  blue: '#2563eb',
  violet: '#7c3aed',
} as const;
export type InkColor = keyof typeof INK_COLORS;

const HEX = /^#[0-9a-f]{6}$/i;

export function isPaletteColor(color: string): color is StickyColor {
  return (STICKY_COLORS as readonly string[]).includes(color);
}

/** A CSS colour for a stored colour value, or `fallback` when the value is not one we accept. */
export function resolveColor(color: string, fallback: string): string {
  if (isPaletteColor(color)) return PALETTE[color];
  if (HEX.test(color)) return color;
  return fallback;
}

/** A darker outline for a fill: each channel scaled down, so every palette colour gets its own. */
export function strokeFor(fill: string): string {
  if (!HEX.test(fill)) return '#64748b';
  const channel = (i: number) =>
    Math.round(Number.parseInt(fill.slice(i, i + 2), 16) * 0.55)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}
