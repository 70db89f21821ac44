/**
 * Export benchmark (issue 14): the canvas benchmark's board (10 journey maps with 2 000 cards
 * and 1 000 stickies; `--short`: a tenth) exported as a whole to PDF and PPTX by the same code
 * as the Export dialog and `npm run export`: the built app in headless Chromium
 * (scripts/export/browser.ts). Prints Chromium's start, then per format the time of each run
 * and the file's size; the first run of a format includes loading its code in the page.
 *
 * Needs `npm run build` and /usr/bin/chromium (or $CXBOARD_CHROMIUM).
 * Run: node scripts/run-ts.mjs test/bench/export-bench.ts [--short]   (or npm run bench)
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { serializeBoardFile } from '../../shared/board';
import { openExportBrowser } from '../../scripts/export/browser';
import { benchBoardSize, buildBenchBoard } from './benchBoard';

const short = process.argv.includes('--short');
const RUNS = short ? 1 : 2;
const FORMATS = ['pdf', 'pptx'] as const;

const size = benchBoardSize(short);
const boardBytes = serializeBoardFile(buildBenchBoard(size));
console.log(
  `board: ${size.journeys} journeys, ${size.cards} cards, ${size.stickies} stickies; ` +
    `file ${(boardBytes.length / 1024).toFixed(0)} KB; load average ${loadavg()[0]!.toFixed(2)}`,
);

let started = performance.now();
const browser = await openExportBrowser();
console.log(`Chromium with the built app: started in ${((performance.now() - started) / 1000).toFixed(2)} s`);
try {
  for (const format of FORMATS) {
    for (let run = 1; run <= RUNS; run++) {
      started = performance.now();
      const bytes = await browser.run({
        boardBytes,
        scope: { kind: 'board' },
        format,
        options: {},
        language: 'en',
        redactAllQuotes: false,
      });
      const seconds = (performance.now() - started) / 1000;
      if (bytes.length === 0) throw new Error(`${format}: the export is empty`);
      console.log(
        `${format} of the whole board, run ${run}: ${seconds.toFixed(2)} s, ${(bytes.length / 1024).toFixed(0)} KB`,
      );
    }
  }
} finally {
  await browser.close();
}
console.log(`load average after: ${loadavg()[0]!.toFixed(2)}`);
