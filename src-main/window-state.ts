import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './files/atomic-write';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size, position and mode of the main window, as remembered between runs. */
export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

/** Where a window opens when nothing valid is remembered. */
export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 640, height: 480 };
/** How much of the window's top edge must be on a screen to be reachable by the mouse. */
const VISIBLE_STRIP = { width: 120, height: 40 };

const finite = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: finite, y: finite, width: finite.positive(), height: finite.positive() }),
  maximized: z.boolean(),
});

/**
 * Chooses the bounds to open a window with: the remembered state if it is well formed and
 * its title bar lies on one of today's screens (monitors get unplugged), shrunk to fit
 * that screen; otherwise a default size centred on the primary screen.
 *
 * @param workAreas usable areas of the connected screens, the primary one first
 */
export function restoreWindowState(saved: unknown, workAreas: Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height };
  const parsed = stateSchema.safeParse(saved);
  if (parsed.success) {
    const { bounds, maximized } = parsed.data;
    const screen = workAreas.find((area) => titleBarVisible(bounds, area));
    if (screen) return { bounds: fitInto(bounds, screen), maximized };
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    bounds: {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    },
    maximized: false,
  };
}

function titleBarVisible(bounds: Rectangle, area: Rectangle): boolean {
  const left = Math.max(bounds.x, area.x);
  const right = Math.min(bounds.x + bounds.width, area.x + area.width);
  const top = Math.max(bounds.y, area.y);
  const bottom = Math.min(bounds.y + VISIBLE_STRIP.height, area.y + area.height);
  return right - left >= VISIBLE_STRIP.width && bottom - top >= VISIBLE_STRIP.height / 2;
}

/** Shrinks to the screen and moves inside it, keeping at least the minimum size. */
function fitInto(bounds: Rectangle, area: Rectangle): Rectangle {
  const width = Math.max(Math.min(bounds.width, area.width), Math.min(MIN_SIZE.width, area.width));
  const height = Math.max(Math.min(bounds.height, area.height), Math.min(MIN_SIZE.height, area.height));
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/** Reads the remembered state; anything unreadable reads as "nothing remembered". */
export async function loadWindowState(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(state)));
}
