import i18next from 'i18next';
import { create } from 'zustand';
import type { ExportFormat } from '../../shared/export/formats';
import { type ExportJob, runExport } from '../../shared/export/runner';
import { notify } from '../shell/notices';
import { saveExportFile } from './save';

/** An export to run: a job that builds the file's bytes, and what to call the file. */
export interface ExportTask {
  /** Shown in the progress dialog ("Exporting the matrix…"), already translated. */
  label: string;
  /** Title the file name is made from (board, frame or journey title). */
  title: string;
  format: ExportFormat;
  job: ExportJob<Uint8Array>;
}

/** Progress is shown only for exports that take longer than this (ms). */
export const PROGRESS_DELAY_MS = 500;

interface ExportTaskState {
  running: { label: string; fraction: number; visible: boolean } | null;
  controller: AbortController | null;
  /** Runs an export (one at a time), then saves it; resolves with what happened. */
  start(task: ExportTask): Promise<'saved' | 'cancelled' | 'failed' | 'busy'>;
  /** The person pressed Cancel: the job stops at its next checkpoint, nothing is saved. */
  cancel(): void;
}

/**
 * The running export of this window: one at a time, with progress (shown after
 * `PROGRESS_DELAY_MS`) and Cancel in `ExportProgress`, and the outcome as a notice.
 */
export const useExportTask = create<ExportTaskState>()((set, get) => ({
  running: null,
  controller: null,
  async start(task) {
    if (get().running) return 'busy';
    const controller = new AbortController();
    set({ running: { label: task.label, fraction: 0, visible: false }, controller });
    const reveal = setTimeout(() => {
      const running = get().running;
      if (running && get().controller === controller) set({ running: { ...running, visible: true } });
    }, PROGRESS_DELAY_MS);
    const finish = () => {
      clearTimeout(reveal);
      set({ running: null, controller: null });
    };
    const outcome = await runExport(task.job, {
      signal: controller.signal,
      onProgress: (fraction) => {
        const running = get().running;
        if (running && get().controller === controller) set({ running: { ...running, fraction } });
      },
    });
    if (outcome.status === 'cancelled') {
      finish();
      return 'cancelled';
    }
    if (outcome.status === 'failed') {
      finish();
      notify(i18next.t('export.failed', { reason: outcome.error.message }), 'error');
      return 'failed';
    }
    try {
      const saved = await saveExportFile({ bytes: outcome.value, title: task.title, format: task.format });
      if (saved.status === 'saved') notify(i18next.t('export.saved', { name: saved.name }));
      if (saved.status === 'failed')
        notify(i18next.t('export.failed', { reason: saved.error.message }), 'error');
      return saved.status;
    } catch (error) {
      notify(i18next.t('export.failed', { reason: (error as Error).message }), 'error');
      return 'failed';
    } finally {
      finish();
    }
  },
  cancel() {
    get().controller?.abort();
  },
}));

/** Starts an export from anywhere (a menu item, an action, a dialog's button). */
export function startExport(task: ExportTask) {
  return useExportTask.getState().start(task);
}
