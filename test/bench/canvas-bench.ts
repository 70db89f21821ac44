/**
 * Canvas benchmark (issue 3): a board with 2 000 journey cards spread over journey frames
 * plus 1 000 free stickies is generated with the shared model, imported through the start
 * screen in headless Chromium (served by the real sync server, as in web mode), and timed:
 *
 * - first render: from choosing the file (or from reloading the page) until every node is in
 *   the DOM and measured, all of the board in view;
 * - frame times (median, p95) while panning with the mouse wheel, dragging with the hand
 *   tool, and zooming with Ctrl+wheel (small steps at the whole-board zoom, and wheel notches
 *   from the whole board to past 100 % and back, crossing the level-of-detail thresholds),
 *   measured with requestAnimationFrame in the page;
 * - how long after "zoom to 100 %" every card and sticky is drawn in full detail (parts
 *   switch progressively, nearest to the view first); the 100 % pans start after that.
 *
 * Targets on this 2-core machine: first render < 1.5 s, p95 frame < 33 ms while panning.
 * `--short`: a tenth of the board and shorter runs (a few seconds; CI).
 * `--metrics`: the first journey has 10 stages with 5 metrics each (chips in its Metrics lane,
 * each with a target and a history for its sparkline), issue 11.
 *
 * Run: node scripts/run-ts.mjs test/bench/canvas-bench.ts [--short] [--metrics]   (or npm run bench)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serializeBoardFile } from '../../shared/board';
import { canvas, chooseTool } from '../e2e/support/app';
import { launchBrowser, openApp } from '../e2e/support/browser';
import { assertBuilt, RENDERER_DIR } from '../support/build';
import { spawnServer } from '../support/servers';
import { benchBoardSize, buildBenchBoard } from './benchBoard';

const short = process.argv.includes('--short');
const withMetrics = process.argv.includes('--metrics');
const SIZE = benchBoardSize(short, withMetrics);
const MEASURE_MS = short ? 800 : 2500;
const TARGET_FIRST_RENDER_MS = 1500;
const TARGET_P95_MS = 33;

// Browser-side globals used inside page.evaluate (the Node tsconfig has no DOM library).
declare const document: { querySelectorAll(selector: string): { length: number } };
declare function requestAnimationFrame(callback: (time: number) => void): number;
declare const performance: { now(): number };
declare const window: Record<string, unknown>;

/**
 * Resolves (in the page) once `expected` nodes are in the DOM and measured; returns page
 * time. Fails after 60 s with the count reached, instead of hanging.
 */
function waitForAllNodes(page: Page, expected: number): Promise<number> {
  return page.evaluate(
    (count) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const check = () => {
          const shown = document.querySelectorAll(
            '.react-flow__node:not([style*="visibility: hidden"])',
          ).length;
          if (shown >= count) resolve(performance.now());
          else if (performance.now() - started > 60_000)
            reject(new Error(`only ${shown} of ${count} nodes after 60 s`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    expected,
  );
}

/** Starts recording requestAnimationFrame timestamps in the page. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: number[] = [];
    window.__cxFrames = frames;
    window.__cxRecording = true;
    const tick = (t: number) => {
      frames.push(t);
      if (window.__cxRecording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops recording; returns the frame intervals in ms. */
async function stopFrames(page: Page): Promise<number[]> {
  const frames = await page.evaluate(() => {
    window.__cxRecording = false;
    return window.__cxFrames as number[];
  });
  return frames.slice(1).map((t, i) => t - frames[i]!);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function describeFrames(name: string, intervals: number[]): { name: string; median: number; p95: number } {
  const median = percentile(intervals, 50);
  const p95 = percentile(intervals, 95);
  console.log(
    `${name.padEnd(34)} frames ${String(intervals.length).padStart(4)}  median ${median.toFixed(1).padStart(5)} ms  p95 ${p95.toFixed(1).padStart(5)} ms  max ${Math.max(...intervals).toFixed(1)} ms`,
  );
  return { name, median, p95 };
}

/** What the journey frames and stickies draw right now. */
function drawn(
  page: Page,
): Promise<{ farFrames: number; cards: number; tiles: number; farStickies: number }> {
  return page.evaluate(() => ({
    farFrames: document.querySelectorAll('.react-flow__node-journey .jm-far').length,
    cards: document.querySelectorAll('.react-flow__node-journey [data-card-id]').length,
    tiles: document.querySelectorAll('.react-flow__node-journey .jm-card-tile').length,
    farStickies: document.querySelectorAll('.react-flow__node-sticky .cx-far').length,
  }));
}

async function measure(page: Page, name: string, act: (until: number) => Promise<void>) {
  await startFrames(page);
  await act(Date.now() + MEASURE_MS);
  return describeFrames(name, await stopFrames(page));
}

async function main(): Promise<void> {
  assertBuilt();
  const built = performance.now();
  const board = buildBenchBoard(SIZE);
  const snapshot = board.snapshot();
  const cardCount = Object.values(snapshot.journeys).reduce(
    (n, j) => n + Object.values(j.cells).reduce((m, list) => m + list.length, 0),
    0,
  );
  const bytes = serializeBoardFile(board);
  const dir = mkdtempSync(join(tmpdir(), 'cxboard-bench-'));
  const file = join(dir, 'bench.cxboard');
  writeFileSync(file, bytes);
  const expectedNodes = snapshot.elementOrder.length + Object.keys(snapshot.journeys).length;
  console.log(
    `board: ${Object.keys(snapshot.journeys).length} journeys, ${cardCount} cards, ${Object.keys(snapshot.metrics).length} metrics, ${snapshot.elementOrder.length} stickies ` +
      `(${expectedNodes} nodes), file ${(bytes.byteLength / 1024).toFixed(0)} KiB, generated in ${(performance.now() - built).toFixed(0)} ms`,
  );

  const server = await spawnServer({ args: ['--allow-anonymous', '--static', RENDERER_DIR] });
  const browser = await launchBrowser();
  try {
    const { page, problems } = await openApp(browser, `${server.url}/`, {
      viewport: { width: 1400, height: 900 },
    });
    await page.getByRole('heading', { name: 'New board' }).waitFor();

    // Import → every node rendered.
    const input = page.getByLabel('Import a .cxboard file');
    const importStart = await page.evaluate(() => performance.now());
    await input.setInputFiles(file);
    const importDone = await waitForAllNodes(page, expectedNodes).catch(async (error: Error) => {
      const alerts = await page.getByRole('alert').allTextContents();
      throw new Error(`${error.message}; page at ${page.url()}; messages: ${alerts.join(' | ') || 'none'}`);
    });
    const importMs = importDone - importStart;

    // Reload (open from this browser's storage) → every node rendered.
    await page.waitForTimeout(500);
    const reloadStart = Date.now();
    await page.reload();
    await canvas(page).waitFor();
    await waitForAllNodes(page, expectedNodes).catch(async (error: Error) => {
      const nodes = await page.locator('.react-flow__node').count();
      const viewport = await page.locator('.react-flow__viewport').getAttribute('style');
      throw new Error(
        `${error.message}; ${nodes} node elements; viewport ${viewport}; errors: ${problems.errors.join(' | ')}`,
      );
    });
    const reloadMs = Date.now() - reloadStart;
    const opening = await drawn(page);
    console.log(
      `first render after import:           ${importMs.toFixed(0)} ms   (target < ${TARGET_FIRST_RENDER_MS} ms)`,
    );
    console.log(
      `first render after reload (open):    ${reloadMs.toFixed(0)} ms   (target < ${TARGET_FIRST_RENDER_MS} ms)`,
    );
    console.log(
      `drawn at the opening zoom:           ${opening.farFrames} journey frames as pictures, ` +
        `${opening.cards} cards and ${opening.tiles} tiles in the DOM, ${opening.farStickies} stickies as plain boxes`,
    );

    const box = (await canvas(page).boundingBox())!;
    const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(center.x, center.y);
    const results = [];

    // Whole board in view: every node is drawn while panning.
    results.push(
      await measure(page, 'wheel pan, whole board in view', async (until) => {
        for (let i = 0; Date.now() < until; i++)
          await page.mouse.wheel(i % 40 < 20 ? 40 : -40, i % 30 < 15 ? 25 : -25);
      }),
    );
    results.push(
      await measure(page, 'ctrl+wheel zoom', async (until) => {
        await page.keyboard.down('Control');
        for (let i = 0; Date.now() < until; i++) await page.mouse.wheel(0, i % 20 < 10 ? -30 : 30);
        await page.keyboard.up('Control');
      }),
    );
    // Wheel notches (Ctrl+wheel, 100 units each) from the whole board to past 100 % and back:
    // every node and journey cell switches its level of detail on the way.
    results.push(
      await measure(page, 'ctrl+wheel zoom through detail levels', async (until) => {
        await page.keyboard.down('Control');
        for (let i = 0; Date.now() < until; i++) await page.mouse.wheel(0, i % 44 < 22 ? -100 : 100);
        await page.keyboard.up('Control');
      }),
    );

    // 100 % zoom: items enter and leave the view while panning. Measured once every card and
    // sticky is drawn in full detail (they switch progressively after the zoom).
    const zoomClicked = Date.now();
    await page.getByRole('button', { name: /^Zoom \d+%/ }).click();
    await page.waitForFunction(
      (cards) => {
        const shown = document.querySelectorAll('.react-flow__node-journey [data-card-id]').length;
        return shown === cards && document.querySelectorAll('.react-flow__node .cx-far').length === 0;
      },
      cardCount,
      { polling: 'raf', timeout: 60_000 },
    );
    const fullDetailMs = Date.now() - zoomClicked;
    const full = await drawn(page);
    console.log(
      `full detail after "zoom to 100 %":   ${fullDetailMs} ms   (${full.cards} cards, ` +
        `${SIZE.stickies - full.farStickies} stickies in full; the nearest first)`,
    );
    await page.waitForTimeout(300);
    await page.mouse.move(center.x, center.y);
    results.push(
      await measure(page, 'wheel pan at 100 %', async (until) => {
        for (let i = 0; Date.now() < until; i++)
          await page.mouse.wheel(i % 60 < 30 ? 60 : -60, i % 40 < 20 ? 40 : -40);
      }),
    );
    await chooseTool(page, 'Hand (pan)');
    results.push(
      await measure(page, 'hand-tool drag pan at 100 %', async (until) => {
        await page.mouse.move(center.x, center.y);
        await page.mouse.down();
        for (let i = 0; Date.now() < until; i++) {
          const phase = (i % 80) / 80;
          await page.mouse.move(
            center.x + Math.sin(phase * 2 * Math.PI) * 400,
            center.y + Math.cos(phase * 2 * Math.PI) * 250,
          );
        }
        await page.mouse.up();
      }),
    );

    const panP95 = Math.max(...results.filter((r) => r.name.includes('pan')).map((r) => r.p95));
    const zoomP95 = Math.max(...results.filter((r) => r.name.includes('zoom')).map((r) => r.p95));
    const firstRender = Math.max(importMs, reloadMs);
    const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');
    console.log(
      `summary: first render ${firstRender.toFixed(0)} ms (${verdict(firstRender < TARGET_FIRST_RENDER_MS)} < ${TARGET_FIRST_RENDER_MS} ms), ` +
        `worst p95 frame while panning ${panP95.toFixed(1)} ms (${verdict(panP95 < TARGET_P95_MS)} < ${TARGET_P95_MS} ms; ` +
        `frames come in 16.7 ms steps), while zooming ${zoomP95.toFixed(1)} ms${short ? ' [short mode: smaller board]' : ''}`,
    );
    if (problems.errors.length > 0) {
      console.log(`page errors:\n  ${problems.errors.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
