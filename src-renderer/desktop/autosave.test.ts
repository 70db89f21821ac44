import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver } from './autosave';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder() {
  const saved: { at: number; value: number }[] = [];
  const save = async (bytes: Uint8Array) => {
    saved.push({ at: Date.now(), value: bytes[0]! });
  };
  return { saved, save };
}

describe('createAutosaver', () => {
  it('saves once after a pause, with the latest state', async () => {
    const { saved, save } = recorder();
    const autosaver = createAutosaver(save, { idleMs: 400, maxWaitMs: 1500 });
    const start = Date.now();
    let value = 0;
    for (let i = 0; i < 3; i++) {
      value++;
      autosaver.schedule(() => new Uint8Array([value]));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toEqual([{ at: start + 200 + 400, value: 3 }]);
    expect(autosaver.pending()).toBe(false);
  });

  it('saves at least every maxWait during continuous editing', async () => {
    const { saved, save } = recorder();
    const autosaver = createAutosaver(save, { idleMs: 400, maxWaitMs: 1500 });
    const start = Date.now();
    // A drag: a change every 50 ms for 5 seconds.
    for (let t = 0; t < 5000; t += 50) {
      autosaver.schedule(() => new Uint8Array([t % 256]));
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(saved.length).toBeGreaterThanOrEqual(3);
    const gaps = saved.map((s, i) => s.at - (i === 0 ? start : saved[i - 1]!.at));
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(1550);
  });

  it('flushes on demand and cancels after an explicit save', async () => {
    const { saved, save } = recorder();
    const autosaver = createAutosaver(save, { idleMs: 400, maxWaitMs: 1500 });
    autosaver.schedule(() => new Uint8Array([7]));
    await autosaver.flush();
    expect(saved.map((s) => s.value)).toEqual([7]);
    autosaver.schedule(() => new Uint8Array([8]));
    autosaver.cancel();
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved.map((s) => s.value)).toEqual([7]);
  });

  it('reports a failed save and keeps going', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const values: number[] = [];
    const autosaver = createAutosaver(
      async (bytes) => {
        if (fail) throw new Error('main is busy');
        values.push(bytes[0]!);
      },
      { idleMs: 10, maxWaitMs: 100 },
      (error) => errors.push(error),
    );
    autosaver.schedule(() => new Uint8Array([1]));
    await vi.advanceTimersByTimeAsync(20);
    fail = false;
    autosaver.schedule(() => new Uint8Array([2]));
    await vi.advanceTimersByTimeAsync(20);
    expect(errors).toHaveLength(1);
    expect(values).toEqual([2]);
  });
});
