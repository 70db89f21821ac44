/**
 * Debounces autosave: after a change, waits for a pause of `idleMs` but never longer than
 * `maxWaitMs` since the first unsaved change, so continuous editing (dragging, typing) is
 * still saved at least every `maxWaitMs`. Together with the main process writing each
 * snapshot atomically, a crash loses at most about `maxWaitMs` of work.
 *
 * The snapshot is taken when the save runs (`take()`), not when the change happens, so a
 * burst of changes costs one serialization.
 */
export interface Autosaver {
  /** Notes a change; `take` is called later to get the bytes to save. */
  schedule(take: () => Uint8Array): void;
  /** Saves now if something is pending (before a close, a save or a window switch). */
  flush(): Promise<void>;
  /** Drops what is pending (an explicit save has just written the same state). */
  cancel(): void;
  /** True while a change waits to be saved. */
  pending(): boolean;
}

export interface AutosaveTiming {
  idleMs: number;
  maxWaitMs: number;
}

export const DEFAULT_AUTOSAVE_TIMING: AutosaveTiming = { idleMs: 400, maxWaitMs: 1500 };

export function createAutosaver(
  save: (bytes: Uint8Array) => Promise<void>,
  timing: AutosaveTiming = DEFAULT_AUTOSAVE_TIMING,
  onError: (error: unknown) => void = () => {},
): Autosaver {
  let take: (() => Uint8Array) | null = null;
  let firstChangeAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const run = (): Promise<void> => {
    clear();
    const current = take;
    take = null;
    if (!current) return running;
    // Saves go out one after another, in order.
    running = running.then(async () => {
      try {
        await save(current());
      } catch (error) {
        onError(error);
      }
    });
    return running;
  };

  return {
    schedule(next) {
      if (take === null) firstChangeAt = Date.now();
      take = next;
      clear();
      const untilMax = firstChangeAt + timing.maxWaitMs - Date.now();
      timer = setTimeout(() => void run(), Math.max(0, Math.min(timing.idleMs, untilMax)));
    },
    flush: run,
    cancel() {
      clear();
      take = null;
    },
    pending: () => take !== null,
  };
}
