import type { CSSProperties } from 'react';
import { STICKY_COLORS } from '../../../shared/board';

/**
 * Card colours: a palette name (STICKY_COLORS, styled by `jm-c-<name>` classes in
 * journey.css so themes can change them) or a `#rrggbb` colour from a file or a peer.
 */

const HEX = /^#[0-9a-f]{6}$/i;

/** True for a palette name. */
export function isPaletteColor(color: string): boolean {
  return (STICKY_COLORS as readonly string[]).includes(color);
}

/** The CSS class of a palette colour ('' for a hex colour or an unknown value). */
export function colorClass(color: string): string {
  return isPaletteColor(color) ? `jm-c-${color}` : '';
}

/** Inline background for a valid hex colour; anything else (untrusted) is ignored. */
export function colorStyle(color: string): CSSProperties | undefined {
  return HEX.test(color) ? { background: color } : undefined;
}
