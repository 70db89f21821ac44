import { create } from 'zustand';
import type { MatrixFilter, MatrixSort } from '../../../shared/matrix';

/** The three views of a matrix frame. */
export const MATRIX_VIEWS = ['table', 'chart', 'notToDo'] as const;
export type MatrixView = (typeof MATRIX_VIEWS)[number];

/** How one person looks at one matrix. Session state: never in the document, never synced. */
export interface MatrixViewState {
  view: MatrixView;
  sort: MatrixSort;
  filter: MatrixFilter;
}

export const DEFAULT_MATRIX_VIEW: MatrixViewState = { view: 'table', sort: 'stage', filter: 'all' };

interface MatrixUiState {
  /** Per matrix id; absent = the default view. */
  views: Readonly<Record<string, MatrixViewState>>;
  /** The row whose typical-automations menu is open (`${matrixId}|${stageId}`), if any. */
  suggestionsFor: string | null;
  setView(matrixId: string, patch: Partial<MatrixViewState>): void;
  openSuggestions(key: string | null): void;
}

/** Session state of matrix frames: view, sort and filter per matrix; the open suggestions menu. */
export const useMatrixUi = create<MatrixUiState>((set) => ({
  views: {},
  suggestionsFor: null,
  setView: (matrixId, patch) =>
    set((s) => ({
      views: { ...s.views, [matrixId]: { ...(s.views[matrixId] ?? DEFAULT_MATRIX_VIEW), ...patch } },
    })),
  openSuggestions: (key) => set({ suggestionsFor: key }),
}));

/** The view state of one matrix. */
export function useMatrixView(matrixId: string): MatrixViewState {
  return useMatrixUi((s) => (Object.hasOwn(s.views, matrixId) ? s.views[matrixId]! : DEFAULT_MATRIX_VIEW));
}
