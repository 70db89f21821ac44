import { createContext, useContext } from 'react';
import type { BoardDoc } from '../../shared/board';

/**
 * What the app shell offers to the screens and to plug-ins (desktop, sync): which board is
 * open, and ways to open another one.
 */
export interface AppShell {
  /** The board on screen, or null on the start screen. */
  readonly board: BoardDoc | null;
  /** Opens a board stored on this device (web mode: IndexedDB). */
  openLocalBoard(id: string): void;
  /**
   * Stores a board built in memory (a template, an imported file) on this device and opens
   * it; resolves to its id. `seed` is consumed.
   */
  createLocalBoard(seed: BoardDoc): Promise<string>;
  /**
   * Shows a board kept elsewhere (a desktop file, a live workshop): the caller owns its
   * storage; `onClose` runs when the user leaves it.
   */
  openDocument(board: BoardDoc, options?: { onClose?: () => void }): void;
  /** Back to the start screen (closes the open board). */
  goHome(): void;
}

export const AppShellContext = createContext<AppShell | null>(null);

export function useAppShell(): AppShell {
  const shell = useContext(AppShellContext);
  if (!shell) throw new Error('useAppShell must be used inside the app shell.');
  return shell;
}
