import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Session state of blueprint frames (local, never in the document): the one open popover,
 * anchored to what it edits. One store for all blueprints, keyed by blueprint id, so a card
 * subscribes only to "is my editor open?".
 */
export type BlueprintPopover =
  | { kind: 'card'; blueprintId: string; id: string }
  | { kind: 'column'; blueprintId: string; id: string }
  | { kind: 'lane'; blueprintId: string; id: string }
  | { kind: 'addLane'; blueprintId: string }
  | { kind: 'options'; blueprintId: string };

interface BlueprintUiState {
  popover: BlueprintPopover | null;
  openPopover(popover: BlueprintPopover): void;
  closePopover(): void;
}

const blueprintUiStore = createStore<BlueprintUiState>()((set, get) => ({
  popover: null,
  openPopover: (popover) => set({ popover }),
  closePopover: () => {
    if (get().popover) set({ popover: null });
  },
}));
// Markup rendered in tests shows the live session state.
blueprintUiStore.getInitialState = blueprintUiStore.getState;

/** Subscribes to a slice of the blueprint session state; `useBlueprintUi.getState()` for handlers. */
export const useBlueprintUi = Object.assign(
  <T>(selector: (state: BlueprintUiState) => T): T => useStore(blueprintUiStore, selector),
  blueprintUiStore,
);

/** Opens `popover`, or closes it when it is the one open (a toggle button). */
export function togglePopover(popover: BlueprintPopover): void {
  const ui = useBlueprintUi.getState();
  const open = ui.popover;
  if (
    open &&
    open.kind === popover.kind &&
    open.blueprintId === popover.blueprintId &&
    ('id' in open ? open.id : '') === ('id' in popover ? popover.id : '')
  )
    ui.closePopover();
  else ui.openPopover(popover);
}
