import { describe, expect, it } from 'vitest';
import { runExport } from './runner';

describe('runExport', () => {
  it('reports progress in steps, never backwards, ending at 1', async () => {
    const seen: number[] = [];
    const outcome = await runExport(
      async (ctx) => {
        for (let i = 1; i <= 4; i++) {
          await ctx.checkpoint();
          ctx.progress(i, 4);
          ctx.progress(i - 1, 4);
        }
        return 'bytes';
      },
      { onProgress: (f) => seen.push(f) },
    );
    expect(outcome).toEqual({ status: 'done', value: 'bytes' });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('stops at the next checkpoint once cancelled, and drops the result', async () => {
    const controller = new AbortController();
    const steps: number[] = [];
    const outcome = await runExport(
      async (ctx) => {
        for (let i = 1; i <= 10; i++) {
          await ctx.checkpoint();
          steps.push(i);
          if (i === 3) controller.abort();
        }
        return 'never';
      },
      { signal: controller.signal },
    );
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(steps).toEqual([1, 2, 3]);
  });

  it('returns a failure instead of throwing', async () => {
    const outcome = await runExport(async () => {
      throw new Error('sheet name clash');
    });
    expect(outcome).toMatchObject({ status: 'failed', error: { message: 'sheet name clash' } });
  });

  it('does not start a job whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let started = false;
    const outcome = await runExport(
      async () => {
        started = true;
      },
      { signal: controller.signal },
    );
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(started).toBe(false);
  });
});
