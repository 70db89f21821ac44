import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadIssue } from '../../shared/board';
import { BoardFiles } from '../../src-main/files/board-files';
import { validateBoardFile } from '../../src-main/files/board-validator';
import { CorpusChecker } from '../fixtures/corpus/checker';
import { buildCorpus, type CorpusFile, corpusFileName, DEFAULT_SEED } from '../fixtures/corpus/corpus';

/**
 * The damaged-file corpus (test/fixtures/corpus/corpus.ts) through the whole load path:
 * every file is refused with a message or loaded as a sound board that saves and reopens
 * unchanged and needs no repair again; none throws, none takes long (each file runs in a
 * worker thread under a deadline, so a loader that loops forever fails here instead of
 * hanging the run). Then the same files through the desktop file service, which must refuse
 * the same files and leave them untouched on disk.
 */

/** Deadline for checking one file (load, save, reopen; the biggest files are 8–64 MB). */
const DEADLINE_MS = 20_000;
const REFUSAL_CODES: readonly LoadIssue['code'][] = [
  'empty',
  'too-large',
  'not-json',
  'not-a-board',
  'newer-format',
  'newer-version',
  'damaged',
];

let corpus: CorpusFile[];
let folder: string;
/** What `parseBoardFile` made of each file: refused (with its code) or loaded. */
const outcomes = new Map<string, 'loaded' | LoadIssue['code']>();

beforeAll(async () => {
  corpus = buildCorpus(DEFAULT_SEED, join(import.meta.dirname, '../fixtures'));
  folder = await mkdtemp(join(tmpdir(), 'cx-corpus-'));
  for (const file of corpus) await writeFile(join(folder, corpusFileName(file)), file.bytes);
}, 120_000);

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the damaged-file corpus', () => {
  it('is several hundred distinct files', () => {
    expect(corpus.length).toBeGreaterThan(300);
    expect(new Set(corpus.map((f) => f.name)).size).toBe(corpus.length);
    expect(new Set(corpus.map(corpusFileName)).size).toBe(corpus.length);
  });

  it('is the same on every run of the same seed', () => {
    const again = buildCorpus(DEFAULT_SEED, join(import.meta.dirname, '../fixtures'));
    expect(again.map((f) => f.name)).toEqual(corpus.map((f) => f.name));
    const differing = again.filter((f, i) => Buffer.compare(f.bytes, corpus[i]!.bytes) !== 0);
    expect(differing.map((f) => f.name)).toEqual([]);
  }, 120_000);

  it('every file is refused with a message or loads as a board that saves and reopens', async () => {
    const checker = await CorpusChecker.start();
    const failures: string[] = [];
    const counts = { tried: 0, refused: 0, repaired: 0, accepted: 0 };
    /** Refusals where a step after decoding threw and the loader contained it, by cause. */
    const contained = new Map<string, string[]>();
    let slowest = { name: '', ms: 0 };
    try {
      for (const file of corpus) {
        counts.tried++;
        const verdict = await checker.check(join(folder, corpusFileName(file)), DEADLINE_MS);
        if (verdict === 'timeout') {
          failures.push(
            `${file.name}: no verdict within ${DEADLINE_MS} ms (the loader hangs or is far too slow)`,
          );
          continue;
        }
        if ('crashed' in verdict) {
          failures.push(`${file.name}: the checking thread died: ${verdict.crashed}`);
          continue;
        }
        failures.push(...verdict.problems.map((p) => `${file.name}: ${p}`));
        if (verdict.outcome === 'threw') continue;
        if (verdict.ms > slowest.ms) slowest = { name: file.name, ms: verdict.ms };
        counts[verdict.outcome]++;
        if (verdict.outcome === 'refused') {
          const error = verdict.error!;
          outcomes.set(file.name, error.code);
          if (!REFUSAL_CODES.includes(error.code)) failures.push(`${file.name}: unknown code ${error.code}`);
          if (error.message.trim().length < 10) failures.push(`${file.name}: refusal without a message`);
          // A step after decoding that threw (or left the invariants broken) is a bug in
          // migration, repair or reading, even though the loader refused instead of crashing.
          const step = error.detail?.split(':')[0];
          if (step && step !== 'decode') {
            const cause = error.detail!.slice(0, 120);
            contained.set(cause, [...(contained.get(cause) ?? []), file.name]);
            failures.push(`${file.name}: refused only because ${cause}`);
          }
        } else {
          outcomes.set(file.name, 'loaded');
        }
      }
    } finally {
      await checker.stop();
    }
    const containedCount = [...contained.values()].reduce((n, names) => n + names.length, 0);
    console.log(
      [
        `damaged-file corpus (seed ${DEFAULT_SEED}): ${counts.tried} files tried, ${counts.refused} refused, ` +
          `${counts.repaired} repaired, ${counts.accepted} accepted; slowest load ${slowest.name} ${Math.round(slowest.ms)} ms`,
        `  refused because a step after decoding threw (contained by parseBoardFile): ${containedCount}`,
        ...[...contained].map(([cause, names]) => `    ${names.length} × ${cause} (e.g. ${names[0]})`),
      ].join('\n'),
    );
    expect(failures).toEqual([]);
    expect(counts.refused + counts.repaired + counts.accepted).toBe(counts.tried);
  }, 600_000);

  it('the desktop file service refuses the same files and leaves them untouched', async () => {
    expect(outcomes.size).toBe(corpus.length);
    const files = new BoardFiles(validateBoardFile);
    const failures: string[] = [];
    for (const file of corpus) {
      const path = join(folder, corpusFileName(file));
      const before = await stat(path);
      const result = await files.read(path);
      const expected = outcomes.get(file.name);
      if (result.ok) {
        if (expected !== 'loaded')
          failures.push(`${file.name}: read although the codec refuses it (${expected})`);
        else if (Buffer.compare(result.bytes, file.bytes) !== 0)
          failures.push(`${file.name}: read other bytes`);
      } else {
        if (expected === 'loaded')
          failures.push(`${file.name}: refused (${result.error.message}) although it loads`);
        if (result.error.message.trim().length < 10) failures.push(`${file.name}: refusal without a message`);
      }
      const after = await stat(path);
      const bytes = await readFile(path);
      if (after.mtimeMs !== before.mtimeMs || Buffer.compare(bytes, file.bytes) !== 0)
        failures.push(`${file.name}: the file on disk changed`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
