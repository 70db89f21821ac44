import type { ComponentType } from 'react';
import type { BoardDoc } from '../../shared/board';
import type { AppShell } from './AppShell';

/**
 * Slots where other parts of the renderer plug in without the shell importing them
 * directly: `src-renderer/desktop/index.ts` (only when running in the desktop app, i.e.
 * `window.cxDesktop` exists) and `src-renderer/sync/index.ts` (live collaboration). Each may
 * export any of the components below; a missing module or export renders nothing.
 */
export interface RendererExtension {
  /** A section of the start screen (recent files, join a workshop…). */
  StartSection?: ComponentType<{ shell: AppShell }>;
  /** Controls in the board's top bar (save state, connection state, people here…). */
  BoardBarSection?: ComponentType<{ shell: AppShell; board: BoardDoc }>;
  /** A layer drawn over the canvas, inside React Flow (live cursors…). */
  CanvasLayer?: ComponentType<{ board: BoardDoc }>;
}

const desktopModules = import.meta.glob<RendererExtension>('../desktop/index.ts', { eager: true });
const syncModules = import.meta.glob<RendererExtension>('../sync/index.ts', { eager: true });

/** True inside the Electron app (the preload exposes `window.cxDesktop`). */
export function isDesktop(): boolean {
  return (
    typeof window !== 'undefined' && 'cxDesktop' in window && !!(window as { cxDesktop?: unknown }).cxDesktop
  );
}

/** The extensions active in this window, desktop first. */
export function activeExtensions(): RendererExtension[] {
  const desktop = isDesktop() ? Object.values(desktopModules) : [];
  return [...desktop, ...Object.values(syncModules)];
}
