import { create } from 'zustand';

/**
 * Session state of the stage-metrics dialogs (local, never in the document): the one open
 * dialog, adding a metric to a stage or showing one metric's details.
 */
export type MetricDialogState =
  | { kind: 'add'; journeyId: string; stageId: string }
  | { kind: 'details'; journeyId: string; metricId: string }
  | null;

interface MetricDialogStore {
  open: MetricDialogState;
  show(state: MetricDialogState): void;
}

/** Which stage-metrics dialog is open (at most one for the whole board). */
export const useMetricDialog = create<MetricDialogStore>((set) => ({
  open: null,
  show: (open) => set({ open }),
}));
