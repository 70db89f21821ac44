import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ReverseView } from './layout';

/**
 * Session state of journey frames (local, never in the document): which card is being
 * edited, which popover is open, how each map is viewed. One store for all frames, keyed by
 * journey id, so a card subscribes to "am I being edited?" and only the cards whose answer
 * changes re-render.
 */

export type EmotionSeries = 'asIs' | 'toBe';

/** The one popover a frame can show at a time, anchored to the item it edits. */
export type JourneyPopover =
  | { kind: 'card'; journeyId: string; id: string }
  | { kind: 'moment'; journeyId: string; id: string }
  | { kind: 'stageMenu'; journeyId: string; id: string }
  | { kind: 'laneMenu'; journeyId: string; id: string }
  | { kind: 'addLane'; journeyId: string }
  | { kind: 'journeyMenu'; journeyId: string }
  | { kind: 'confirmStage'; journeyId: string; id: string }
  | { kind: 'confirmLane'; journeyId: string; id: string };

/** What is being dragged with HTML5 drag and drop (dataTransfer is unreadable during dragover). */
export type JourneyDrag =
  | { kind: 'card'; journeyId: string; id: string; stageId: string; laneId: string; index: number }
  | { kind: 'stage'; journeyId: string; id: string }
  | { kind: 'lane'; journeyId: string; id: string };

interface JourneyUiState {
  editingCardId: string | null;
  popover: JourneyPopover | null;
  /** Per journey: to-be series shown (user's choice; absent = shown when it has values). */
  showToBe: Record<string, boolean>;
  /** Per journey: the series a click or drag on the emotion lane sets. */
  activeSeries: Record<string, EmotionSeries>;
  /** Per reverse journey: built right-to-left, or read forward. */
  reverseView: Record<string, ReverseView>;
  drag: JourneyDrag | null;

  setEditingCard(id: string | null): void;
  openPopover(popover: JourneyPopover): void;
  closePopover(): void;
  setShowToBe(journeyId: string, show: boolean): void;
  setActiveSeries(journeyId: string, series: EmotionSeries): void;
  setReverseView(journeyId: string, view: ReverseView): void;
  setDrag(drag: JourneyDrag | null): void;
}

const journeyUiStore = createStore<JourneyUiState>()((set, get) => ({
  editingCardId: null,
  popover: null,
  showToBe: {},
  activeSeries: {},
  reverseView: {},
  drag: null,

  setEditingCard: (editingCardId) => set({ editingCardId }),
  openPopover: (popover) => set({ popover }),
  closePopover: () => {
    if (get().popover) set({ popover: null });
  },
  setShowToBe: (journeyId, show) => set({ showToBe: { ...get().showToBe, [journeyId]: show } }),
  setActiveSeries: (journeyId, series) =>
    set({ activeSeries: { ...get().activeSeries, [journeyId]: series } }),
  setReverseView: (journeyId, view) => set({ reverseView: { ...get().reverseView, [journeyId]: view } }),
  setDrag: (drag) => set({ drag }),
}));

// The app never renders on a server; markup rendered in tests (the accessibility audit)
// should show the live session state, so the "server snapshot" is the current state.
journeyUiStore.getInitialState = journeyUiStore.getState;

/** Subscribes to a slice of the journey session state; `useJourneyUi.getState()` etc. for handlers. */
export const useJourneyUi = Object.assign(
  <T>(selector: (state: JourneyUiState) => T): T => useStore(journeyUiStore, selector),
  journeyUiStore,
);
