import { describe, expect, it } from 'vitest';
import { type CanvasPoint, type DetailEntry, DetailScheduler } from './detailScheduler';

/**
 * A host with a hand-run animation frame and a clock: rendering a switched part advances it
 * by `cost` ms, and every batch (one render commit) by `commit` ms more.
 */
function setup(zoom: number, cost = 1, budget = 5, commit = 0) {
  let clock = 0;
  let frame: (() => void) | null = null;
  const host = {
    now: () => clock,
    requestFrame: (run: () => void) => {
      frame = run;
    },
    flush: (update: () => void) => {
      update();
      clock += commit;
    },
  };
  const scheduler = new DetailScheduler(host, zoom, { stillMs: budget, movingMs: budget });
  const rendered: string[] = [];
  /** A mounted part named `name` at `at`; `onRender` runs when it is switched. */
  const part = (name: string, threshold: number, at: CanvasPoint | null, onRender?: () => void) => {
    const entry = scheduler.create(threshold, () => at);
    const stop = scheduler.add(entry, () => {
      clock += cost;
      rendered.push(`${name}:${entry.detailed ? 'detail' : 'plain'}`);
      onRender?.();
    });
    return { entry, stop };
  };
  const runFrame = () => {
    const run = frame;
    frame = null;
    run?.();
  };
  const center = (x: number, y: number) => () => ({ x, y });
  const tick = (ms: number) => {
    clock += ms;
  };
  return { scheduler, part, rendered, runFrame, center, tick, hasFrame: () => frame !== null };
}

describe('progressive level of detail', () => {
  it('starts parts with the drawing of the current zoom and does nothing while no threshold is crossed', () => {
    const { scheduler, part, rendered, hasFrame, center } = setup(1);
    const near = part('near', 0.3, { x: 0, y: 0 });
    const far = setup(0.1).part('far', 0.3, { x: 0, y: 0 });
    expect(near.entry.detailed).toBe(true);
    expect(far.entry.detailed).toBe(false);
    scheduler.setView(0.8, center(0, 0));
    scheduler.setView(0.5, center(100, 0));
    expect(hasFrame()).toBe(false);
    expect(rendered).toEqual([]);
  });

  it('switches parts nearest to the middle of the view first, a budget of them per frame', () => {
    const { scheduler, part, rendered, runFrame, center, hasFrame } = setup(0.1, 2, 5);
    part('far-away', 0.3, { x: 5000, y: 0 });
    part('unknown', 0.3, null);
    part('middle', 0.3, { x: 100, y: 100 });
    part('close', 0.3, { x: 400, y: 100 });
    scheduler.setView(1, center(100, 100));
    expect(scheduler.backlog).toBe(4);
    // 2 ms each, 5 ms budget: the first part alone (its cost is not known yet), then one
    // more that fits; the next frame has room for two.
    runFrame();
    expect(rendered).toEqual(['middle:detail', 'close:detail']);
    runFrame();
    expect(rendered.slice(2)).toEqual(['far-away:detail', 'unknown:detail']);
    expect(scheduler.backlog).toBe(0);
    expect(hasFrame()).toBe(false);
  });

  it('switches at least one part per frame even when one takes longer than the budget', () => {
    const { scheduler, part, rendered, runFrame, center } = setup(0.1, 50, 5);
    part('a', 0.3, { x: 0, y: 0 });
    part('b', 0.3, { x: 10, y: 0 });
    scheduler.setView(1, center(0, 0));
    runFrame();
    expect(rendered).toEqual(['a:detail']);
    runFrame();
    expect(rendered).toEqual(['a:detail', 'b:detail']);
  });

  it('follows the zoom back: a part already switched goes back, one not yet switched is left as it is', () => {
    const { scheduler, part, rendered, runFrame, center } = setup(0.1, 2, 5);
    const a = part('a', 0.3, { x: 0, y: 0 });
    const b = part('b', 0.3, { x: 10, y: 0 });
    const c = part('c', 0.3, { x: 20, y: 0 });
    scheduler.setView(1, center(0, 0));
    runFrame(); // a and b (2 ms each), not c
    expect([a, b, c].map((p) => p.entry.detailed)).toEqual([true, true, false]);
    scheduler.setView(0.2, center(0, 0));
    expect(scheduler.backlog).toBe(2);
    runFrame();
    expect(rendered.slice(2)).toEqual(['a:plain', 'b:plain']);
    expect([a, b, c].map((p) => p.entry.detailed)).toEqual([false, false, false]);
  });

  it('only queues the parts whose threshold was crossed', () => {
    const { scheduler, part, runFrame, center, rendered } = setup(0.35);
    part('node', 0.3, { x: 0, y: 0 });
    part('cell', 0.4, { x: 0, y: 0 });
    scheduler.setView(0.45, center(0, 0));
    expect(scheduler.backlog).toBe(1);
    runFrame();
    expect(rendered).toEqual(['cell:detail']);
  });

  it('starts parts that mount while another one is switched plain, and switches them in turn', () => {
    const { scheduler, part, rendered, runFrame, center, tick } = setup(0.1, 1, 2);
    const cells: DetailEntry[] = [];
    // A frame whose detailed drawing mounts three cells.
    part('frame', 0.3, { x: 0, y: 0 }, () => {
      for (const x of [300, 100, 200]) {
        const cell = scheduler.create(0.3, () => ({ x, y: 0 }));
        cells.push(cell);
        scheduler.add(cell, () => {
          tick(1);
          rendered.push(`cell${x}:${cell.detailed ? 'detail' : 'plain'}`);
        });
      }
    });
    part('sticky', 0.3, { x: 1000, y: 0 });
    scheduler.setView(1, center(0, 0));
    runFrame(); // the frame; the 2 ms budget allows one more: the nearest cell, not the far sticky
    expect(cells.map((c) => c.detailed)).toEqual([false, true, false]);
    expect(rendered).toEqual(['frame:detail', 'cell100:detail']);
    runFrame();
    expect(rendered.slice(2)).toEqual(['cell200:detail', 'cell300:detail']);
    runFrame();
    expect(rendered.at(-1)).toBe('sticky:detail');
  });

  it('forgets unmounted parts, queued or not', () => {
    const { scheduler, part, rendered, runFrame, center } = setup(0.1);
    const a = part('a', 0.3, { x: 0, y: 0 });
    part('b', 0.3, { x: 10, y: 0 });
    scheduler.setView(1, center(0, 0));
    a.stop();
    runFrame();
    expect(rendered).toEqual(['b:detail']);
    a.stop(); // twice is harmless
    scheduler.setView(0.1, center(0, 0));
    expect(scheduler.backlog).toBe(1);
  });

  it('ignores a threshold no mounted part uses any more', () => {
    const { scheduler, part, center, hasFrame } = setup(0.1);
    const a = part('a', 0.3, { x: 0, y: 0 });
    a.stop();
    scheduler.setView(1, center(0, 0));
    expect(hasFrame()).toBe(false);
  });

  it('renders parts in batches as big as the budget allows at the measured cost', () => {
    // Each part takes 0.1 ms, each render commit 1 ms: one by one, only 4 would fit in 5 ms.
    const { scheduler, part, rendered, runFrame, center } = setup(0.1, 0.1, 5, 1);
    for (let i = 0; i < 100; i++) part(`p${i}`, 0.3, { x: i, y: 0 });
    scheduler.setView(1, center(0, 0));
    runFrame();
    const first = rendered.length;
    runFrame();
    const second = rendered.length - first;
    expect(first).toBeGreaterThanOrEqual(4);
    expect(second).toBeGreaterThan(first); // the estimate has learnt the cost
    expect(rendered.slice(0, 3)).toEqual(['p0:detail', 'p1:detail', 'p2:detail']);
  });

  it('does not start a heavy part in a frame that has no room left for it', () => {
    const { scheduler, runFrame, center, tick } = setup(0.1, 0, 5);
    const rendered: string[][] = [];
    const parts = [
      ['p0', 1, 0],
      ['p1', 1, 1],
      ['p2', 1, 2],
      ['p3', 1, 3],
      ['heavy', 10, 4],
    ] as const;
    for (const [name, weight, x] of parts) {
      const entry = scheduler.create(0.3, () => ({ x, y: 0 }), weight);
      scheduler.add(entry, () => {
        tick(weight); // 1 ms per unit of weight
        rendered.at(-1)!.push(name);
      });
    }
    scheduler.setView(1, center(0, 0));
    for (let i = 0; i < 2; i++) {
      rendered.push([]);
      runFrame();
    }
    // 1 ms was left after p3: counted as one part, the 10 ms one would have been started.
    expect(rendered).toEqual([['p0', 'p1', 'p2', 'p3'], ['heavy']]);
  });

  it('spends less of each frame while the view moves than once it is still', () => {
    let clock = 0;
    let frame: (() => void) | null = null;
    const host = {
      now: () => clock,
      requestFrame: (run: () => void) => {
        frame = run;
      },
      flush: (update: () => void) => update(),
    };
    const scheduler = new DetailScheduler(host, 0.1, { stillMs: 8, movingMs: 3 });
    let switched = 0;
    for (let i = 0; i < 40; i++) {
      const entry = scheduler.create(0.3, () => ({ x: i, y: 0 }));
      scheduler.add(entry, () => {
        clock += 1; // 1 ms each
        switched++;
      });
    }
    const run = () => {
      const next = frame;
      frame = null;
      next?.();
    };
    scheduler.setView(1, () => ({ x: 0, y: 0 })); // a zoom step: moving
    run();
    expect(switched).toBe(3);
    clock += 200; // still
    const before = switched;
    run();
    expect(switched - before).toBe(8);
  });
});
