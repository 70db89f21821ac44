import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Session state: local to this window and this open board, never synced or saved in the
 * document. It holds what the user is doing (tool, selection, text being edited), not what
 * the board contains.
 */

/** Canvas tools, named after their Miro/FigJam/tldraw equivalents. */
export const TOOLS = [
  'select',
  'hand',
  'sticky',
  'text',
  'rectangle',
  'ellipse',
  'diamond',
  'frame',
  'connector',
] as const;
export type Tool = (typeof TOOLS)[number];

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface SessionState {
  tool: Tool;
  /** Selected board item ids (free elements, connectors, journey frames). */
  selection: readonly string[];
  /** The element whose text is being edited in place, if any. */
  editingId: string | null;
  /** Connector tool: the item the new connector starts from, once chosen. */
  connectFrom: string | null;
  snapToGrid: boolean;
  /** Colour given to new stickies: the last one picked. */
  stickyColor: string;
  viewport: Viewport;
  /** Side panels that are open (e.g. 'style'); other parts may add their own names. */
  panels: Readonly<Record<string, boolean>>;

  setTool(tool: Tool): void;
  setSelection(ids: readonly string[]): void;
  setEditing(id: string | null): void;
  setConnectFrom(id: string | null): void;
  toggleSnapToGrid(): void;
  setStickyColor(color: string): void;
  setViewport(viewport: Viewport): void;
  setPanel(name: string, open: boolean): void;
}

export type SessionStore = StoreApi<SessionState>;

/** A fresh session for one open board. */
export function createSessionStore(initial?: Partial<Pick<SessionState, 'snapToGrid'>>): SessionStore {
  return createStore<SessionState>()((set, get) => ({
    tool: 'select',
    selection: [],
    editingId: null,
    connectFrom: null,
    snapToGrid: initial?.snapToGrid ?? false,
    stickyColor: 'yellow',
    viewport: { x: 0, y: 0, zoom: 1 },
    panels: {},

    setTool: (tool) => set({ tool, connectFrom: tool === 'connector' ? get().connectFrom : null }),
    setSelection: (ids) => {
      const current = get().selection;
      if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
      set({ selection: [...ids] });
    },
    setEditing: (editingId) => set({ editingId }),
    setConnectFrom: (connectFrom) => set({ connectFrom }),
    toggleSnapToGrid: () => set({ snapToGrid: !get().snapToGrid }),
    setStickyColor: (stickyColor) => set({ stickyColor }),
    setViewport: (viewport) => set({ viewport }),
    setPanel: (name, open) => set({ panels: { ...get().panels, [name]: open } }),
  }));
}
