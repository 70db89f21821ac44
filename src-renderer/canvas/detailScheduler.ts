/**
 * Progressive level of detail. Parts of the canvas (nodes, the cells of a journey frame)
 * draw a cheap version below a zoom threshold and their detail above it. Switching
 * thousands of them in one render when the zoom crosses a threshold froze the page for
 * half a second; the scheduler switches them a few per animation frame instead, within a
 * time budget, nearest to the middle of the view first, so what the user looks at changes
 * at once and the rest follows without a dropped frame.
 */

/** A point in canvas units. */
export interface CanvasPoint {
  x: number;
  y: number;
}

/** One part whose drawing depends on the zoom. */
export interface DetailEntry {
  /** Zoom at and above which the part draws its detail. */
  readonly threshold: number;
  /** Whether it draws its detail now (what its last render used). */
  detailed: boolean;
  /** Its centre on the canvas, for the nearest-first order (null: unknown, switched last). */
  readonly center: () => CanvasPoint | null;
  /** Rough cost of switching it, in stickies (a journey frame with many cells is more). */
  readonly weight: number;
  /** Re-renders the part; set while it is mounted. */
  notify: (() => void) | null;
}

/** What the scheduler needs from its surroundings (the browser and React, or a test). */
export interface SchedulerHost {
  now(): number;
  requestFrame(run: () => void): void;
  /** Runs `update` and renders what it changed before returning (react-dom's flushSync). */
  flush(update: () => void): void;
}

/**
 * Time per frame spent switching parts; layout and painting what changed come on top.
 * Less while the view moves (the pan or zoom itself needs the frame), more once it is still.
 */
export const DETAIL_BUDGET = { stillMs: 8, movingMs: 3 } as const;

/** The view counts as moving until this long after its last change. */
const MOVING_FOR_MS = 150;

export class DetailScheduler {
  private readonly entries = new Set<DetailEntry>();
  private readonly thresholds = new Map<number, number>(); // threshold → entries using it
  private queue: DetailEntry[] = [];
  /** Parts were added to the queue out of order (mounted while switching). */
  private unsorted = false;
  private zoom: number;
  private viewCenter: () => CanvasPoint = () => ({ x: 0, y: 0 });
  private frameRequested = false;
  private switching = false;
  /**
   * Measured milliseconds per unit of weight (a moving average; null until the first batch,
   * which is one part). Batches grow to what fits the budget, which matters because every
   * render commit has a cost of its own.
   */
  private msPerWeight: number | null = null;
  private lastMove = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly host: SchedulerHost,
    zoom: number,
    private readonly budget: { stillMs: number; movingMs: number } = DETAIL_BUDGET,
  ) {
    this.zoom = zoom;
  }

  /** Whether a part with `threshold` should draw its detail at the current zoom. */
  wants(threshold: number): boolean {
    return this.zoom >= threshold;
  }

  /**
   * A new part. It starts with the current zoom's drawing, except one created while
   * another part is being switched (the cells of a frame that has just been drawn in
   * detail): that one starts cheap and is switched in its turn, so a big frame is never
   * drawn in detail in a single frame.
   */
  create(threshold: number, center: () => CanvasPoint | null, weight = 1): DetailEntry {
    const detailed = this.wants(threshold) && !this.switching;
    return { threshold, detailed, center, weight: Math.max(1, weight), notify: null };
  }

  /** Starts following a mounted part; returns the function that stops it. */
  add(entry: DetailEntry, notify: () => void): () => void {
    entry.notify = notify;
    this.entries.add(entry);
    this.thresholds.set(entry.threshold, (this.thresholds.get(entry.threshold) ?? 0) + 1);
    if (entry.detailed !== this.wants(entry.threshold)) {
      this.queue.push(entry);
      this.unsorted = true;
      this.requestFrame();
    }
    return () => {
      entry.notify = null;
      if (!this.entries.delete(entry)) return;
      const left = (this.thresholds.get(entry.threshold) ?? 1) - 1;
      if (left > 0) this.thresholds.set(entry.threshold, left);
      else this.thresholds.delete(entry.threshold);
    };
  }

  /**
   * The view changed (`moved`: panned or zoomed). Nothing is switched unless the zoom
   * crossed a threshold some part uses; then every part whose drawing no longer matches is
   * queued, nearest to `center` first.
   */
  setView(zoom: number, center: () => CanvasPoint, moved = true): void {
    const before = this.zoom;
    this.zoom = zoom;
    this.viewCenter = center;
    if (moved) this.lastMove = this.host.now();
    if (zoom === before) return;
    let crossed = false;
    for (const threshold of this.thresholds.keys()) {
      if (before >= threshold !== zoom >= threshold) crossed = true;
    }
    if (crossed) this.requeue();
  }

  /** Parts still to switch (for tests and diagnostics). */
  get backlog(): number {
    return this.queue.length;
  }

  private requeue(): void {
    this.queue = [...this.entries].filter((entry) => entry.detailed !== this.wants(entry.threshold));
    this.sortQueue();
    if (this.queue.length > 0) this.requestFrame();
  }

  /** Nearest to the middle of the view first. */
  private sortQueue(): void {
    const { x, y } = this.viewCenter();
    const distance = (entry: DetailEntry): number => {
      const c = entry.center();
      return c ? (c.x - x) ** 2 + (c.y - y) ** 2 : Number.POSITIVE_INFINITY;
    };
    const keyed = this.queue.map((entry) => ({ entry, distance: distance(entry) }));
    keyed.sort((a, b) => a.distance - b.distance);
    this.queue = keyed.map((k) => k.entry);
    this.unsorted = false;
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.host.requestFrame(() => this.runFrame());
  }

  /**
   * Switches queued parts until the budget is spent (at least one part per frame), in
   * batches rendered together, each as big as the time left allows at the measured cost.
   */
  private runFrame(): void {
    this.frameRequested = false;
    const start = this.host.now();
    const moving = start - this.lastMove < MOVING_FOR_MS;
    const budgetMs = moving ? this.budget.movingMs : this.budget.stillMs;
    let switched = 0;
    for (;;) {
      const left = budgetMs - (this.host.now() - start);
      if (this.queue.length === 0 || (switched > 0 && left <= 0)) break;
      if (this.unsorted) this.sortQueue(); // parts mounted by the last batch take their place
      const room = this.msPerWeight === null ? 0 : left / this.msPerWeight;
      const batch = this.takeBatch(room, switched === 0);
      if (batch.length === 0) break;
      const began = this.host.now();
      this.switching = true;
      try {
        this.host.flush(() => {
          for (const entry of batch) {
            entry.detailed = !entry.detailed;
            entry.notify?.();
          }
        });
      } finally {
        this.switching = false;
      }
      const weight = batch.reduce((sum, entry) => sum + entry.weight, 0);
      const measured = (this.host.now() - began) / weight;
      this.msPerWeight = this.msPerWeight === null ? measured : 0.7 * this.msPerWeight + 0.3 * measured;
      switched += batch.length;
    }
    if (this.queue.length > 0) this.requestFrame();
  }

  /**
   * The next parts that still need switching, up to `room` weight; at least one part when
   * `first` (nothing switched yet this frame), else none when the next one does not fit.
   */
  private takeBatch(room: number, first: boolean): DetailEntry[] {
    const batch: DetailEntry[] = [];
    let weight = 0;
    while (this.queue.length > 0) {
      const entry = this.queue[0]!;
      if (!this.entries.has(entry) || entry.detailed === this.wants(entry.threshold)) {
        this.queue.shift(); // unmounted, or the zoom came back before its turn
        continue;
      }
      if (weight + entry.weight > room && (batch.length > 0 || !first)) break;
      batch.push(this.queue.shift()!);
      weight += entry.weight;
    }
    return batch;
  }
}
