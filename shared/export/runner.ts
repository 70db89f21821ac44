/**
 * The one way a long export runs, in the UI and on the command line: the job reports its
 * progress in steps, checks for cancellation between steps, and gives the host a turn
 * (so a page can paint its progress bar and take a click on Cancel). Cancelling is an
 * `AbortSignal`; a cancelled job ends with `{ status: 'cancelled' }` and its result is
 * dropped, so nothing half-written is ever saved.
 */

/** Thrown inside a job when its signal was aborted; `runExport` turns it into `cancelled`. */
export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelledError';
  }
}

/** What a job gets: its signal, a progress reporter, and a checkpoint between steps. */
export interface ExportContext {
  readonly signal: AbortSignal;
  /** Reports `done` of `total` steps (fraction = done / total). */
  progress(done: number, total: number): void;
  /**
   * A checkpoint between steps: throws `ExportCancelledError` when cancelled, otherwise
   * gives the host one turn of its event loop before the next step.
   */
  checkpoint(): Promise<void>;
}

export type ExportJob<T> = (context: ExportContext) => Promise<T>;

export type ExportOutcome<T> =
  | { status: 'done'; value: T }
  | { status: 'cancelled' }
  | { status: 'failed'; error: Error };

export interface RunExportOptions {
  signal?: AbortSignal;
  /** Called with a fraction 0..1 each time it grows, and with 1 when the job has finished. */
  onProgress?: (fraction: number) => void;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A job context on a signal, reporting fractions 0..1 to `onFraction` (for hosts that run a
 * job themselves, e.g. a dialog format given `{ signal, progress }`).
 */
export function exportContext(signal: AbortSignal, onFraction: (fraction: number) => void): ExportContext {
  return {
    signal,
    progress: (done, total) => onFraction(total > 0 ? done / total : 0),
    checkpoint: async () => {
      if (signal.aborted) throw new ExportCancelledError();
      await nextTurn();
      if (signal.aborted) throw new ExportCancelledError();
    },
  };
}

/** Runs `job`; never throws: a failure is returned with its error, a cancel as `cancelled`. */
export async function runExport<T>(
  job: ExportJob<T>,
  options: RunExportOptions = {},
): Promise<ExportOutcome<T>> {
  const signal = options.signal ?? new AbortController().signal;
  let reported = 0;
  const report = (fraction: number) => {
    const clamped = Math.min(1, fraction);
    if (!(clamped > reported)) return;
    reported = clamped;
    options.onProgress?.(clamped);
  };
  const context = exportContext(signal, report);
  try {
    if (signal.aborted) return { status: 'cancelled' };
    const value = await job(context);
    if (signal.aborted) return { status: 'cancelled' };
    report(1);
    return { status: 'done', value };
  } catch (error) {
    if (signal.aborted || error instanceof ExportCancelledError) return { status: 'cancelled' };
    return { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}
