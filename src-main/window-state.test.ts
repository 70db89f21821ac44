import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, loadWindowState, restoreWindowState, saveWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('restoreWindowState', () => {
  it('restores a window that is on a connected screen', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(restoreWindowState(saved, [laptop, monitorOnTheRight])).toEqual(saved);
  });

  it('centres a default window when the remembered screen is gone', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: false };
    const restored = restoreWindowState(saved, [laptop]);
    expect(restored.maximized).toBe(false);
    expect(restored.bounds.width).toBe(DEFAULT_SIZE.width);
    expect(restored.bounds.x).toBe(Math.round((laptop.width - DEFAULT_SIZE.width) / 2));
  });

  it('shrinks and moves a window larger than its screen inside it', () => {
    const saved = { bounds: { x: 1000, y: -10, width: 3000, height: 2000 }, maximized: false };
    expect(restoreWindowState(saved, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it.each([
    ['nothing', undefined],
    ['a wrong shape', { bounds: { x: '1', y: 0, width: 10, height: 10 }, maximized: false }],
    ['absurd numbers', { bounds: { x: 1e12, y: 0, width: 800, height: 600 }, maximized: false }],
    [
      'a title bar off every screen',
      { bounds: { x: 100, y: -500, width: 800, height: 400 }, maximized: false },
    ],
  ])('falls back to the default for %s', (_label, saved) => {
    const restored = restoreWindowState(saved, [laptop]);
    expect(restored.bounds.width).toBe(DEFAULT_SIZE.width);
    expect(restored.bounds.y).toBeGreaterThanOrEqual(0);
  });

  it('round-trips through its file, and an unreadable file reads as nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cx-window-'));
    try {
      const file = join(folder, 'state', 'window.json');
      const state = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: false };
      await saveWindowState(file, state);
      expect(restoreWindowState(await loadWindowState(file), [laptop])).toEqual(state);
      await writeFile(file, '{"bounds":');
      expect(await loadWindowState(file)).toBeUndefined();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
