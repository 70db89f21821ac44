import { readFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardDoc, type JourneySnapshot } from '../../shared/board';
import {
  addJourneyFromDraft,
  journeyCsv,
  journeyXlsx,
  parseJourneySheet,
  readSheetFile,
  zipUnpackedSize,
} from '../../shared/export';
import { buildJourneyBoard, journeyShape } from '../fixtures/exports/journey-board';

/**
 * A journey as a spreadsheet and back (issue 14): journey → XLSX / CSV → import onto an
 * empty board gives the same map; LibreOffice opens the XLSX; bad rows are reported by row;
 * redacted quotes never reach the file; a zip bomb is refused before unpacking.
 */
let dir: string;
let journey: JourneySnapshot;
let secret: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cx-export-journey-'));
  const built = buildJourneyBoard();
  journey = built.board.snapshot().journeys[built.journeyId]!;
  secret = built.secretQuote;
  built.board.destroy();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Imports `rows` onto a new board and returns the journey it made. */
function importRows(rows: string[][]): JourneySnapshot {
  const parsed = parseJourneySheet(rows);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const board = BoardDoc.create();
  const id = addJourneyFromDraft(board, parsed.draft, { title: journey.title, x: 0, y: 0 });
  const imported = board.snapshot().journeys[id]!;
  board.destroy();
  return imported;
}

/** The journey without the redacted quote (the only card the sheet must not carry as is). */
function withoutSecret(shape: ReturnType<typeof journeyShape>, mark: string) {
  return {
    ...shape,
    lanes: shape.lanes.map((lane) => ({
      ...lane,
      cells: lane.cells.map((c) => c.map((t) => (t === secret ? mark : t))),
    })),
  };
}

describe('journey spreadsheet round trip', () => {
  it('journey → XLSX → import gives the same map', async () => {
    const bytes = await journeyXlsx([journey], { language: 'ru' });
    await writeFile(join(dir, 'journey.xlsx'), bytes);
    const read = await readSheetFile(bytes, 'xlsx');
    if (!read.ok) throw new Error(read.message);
    expect(read.name).toBe('Обработка обращений');
    expect(journeyShape(importRows(read.rows))).toEqual(withoutSecret(journeyShape(journey), '[скрыто]'));
  });

  it.each([';', ','] as const)(
    'journey → CSV (%s) → import gives the same map (English labels too)',
    async (sep) => {
      const bytes = journeyCsv(journey, { language: 'en' }, sep);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const read = await readSheetFile(bytes, 'csv');
      if (!read.ok) throw new Error(read.message);
      expect(journeyShape(importRows(read.rows))).toEqual(withoutSecret(journeyShape(journey), '[redacted]'));
    },
  );

  it('LibreOffice opens the XLSX: stages across, lanes down, scores and moments as rows', async () => {
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        dir,
        join(dir, 'journey.xlsx'),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const read = await readSheetFile(new Uint8Array(await readFile(join(dir, 'journey.csv'))), 'csv');
    if (!read.ok) throw new Error(read.message);
    expect(read.rows[0]).toEqual(['Дорожка', ...journey.stages.map((s) => s.title)]);
    expect(read.rows.map((r) => r[0])).toContain('Оценка эмоции: как есть');
    expect(read.rows.map((r) => r[0])).toContain('Момент истины: тип (2)');
    expect(journeyShape(importRows(read.rows))).toEqual(withoutSecret(journeyShape(journey), '[скрыто]'));
  });
});

describe('redaction', () => {
  it('a quote marked for redaction never reaches the sheet; the switch hides every quote', async () => {
    const text = new TextDecoder().decode(journeyCsv(journey, { language: 'ru' }, ';'));
    expect(text).not.toContain(secret);
    expect(text).toContain('[скрыто]');
    const all = new TextDecoder().decode(journeyCsv(journey, { language: 'ru', redactQuotes: true }, ';'));
    expect(all).not.toContain('quotes 2:');
    expect(text).toContain('quotes 2:');
  });
});

describe('importing a sheet someone made', () => {
  it('reads lane names in ru or en, typed titles and one card per line', () => {
    const parsed = parseJourneySheet([
      ['', 'Знакомство', 'Покупка'],
      ['Customer steps', 'Увидел рекламу\nЗашёл на сайт', 'Оплатил'],
      ['Барьеры и боли', '', 'Долгая оплата'],
      ['Мессенджеры (Touchpoints / channels)', 'Telegram', ''],
      ['Наши заметки', 'Свободный текст', ''],
      ['Emotion score: as is', '1', '-2'],
      ['Момент истины: тип', 'zmot', ''],
      ['Момент истины: цель', 'Знает о нас', ''],
    ]);
    expect(parsed).toEqual({
      ok: true,
      draft: {
        stages: [
          { title: 'Знакомство', asIs: 1, toBe: null },
          { title: 'Покупка', asIs: -2, toBe: null },
        ],
        lanes: [
          { type: 'steps', title: '', cells: [['Увидел рекламу', 'Зашёл на сайт'], ['Оплатил']] },
          { type: 'barriers', title: '', cells: [[], ['Долгая оплата']] },
          { type: 'touchpoints', title: 'Мессенджеры', cells: [['Telegram'], []] },
          { type: 'custom', title: 'Наши заметки', cells: [['Свободный текст'], []] },
        ],
        moments: [{ stageIndex: 0, type: 'ZMOT', target: 'Знает о нас', current: '' }],
      },
    });
  });

  it('reports every bad row with its number and column, and gives no draft', () => {
    const parsed = parseJourneySheet([
      ['Дорожка', 'Этап 1', 'Этап 2'],
      ['Шаги клиента', 'a', 'b'],
      ['Оценка эмоции: как есть', 'плохо', '7'],
      ['', 'карточка без дорожки', ''],
      ['Момент истины: тип', 'XMOT', ''],
      ['Момент истины: сейчас', '', 'без типа'],
    ]);
    expect(parsed).toEqual({
      ok: false,
      issues: [
        { row: 3, code: 'emotion-not-a-score', column: 2, value: 'плохо' },
        { row: 3, code: 'emotion-not-a-score', column: 3, value: '7' },
        { row: 4, code: 'no-row-name' },
        { row: 5, code: 'moment-type-unknown', column: 2, value: 'XMOT' },
        { row: 5, code: 'moment-without-type', column: 3 },
      ],
    });
    expect(parseJourneySheet([['', '', '']])).toEqual({ ok: false, issues: [{ row: 1, code: 'empty' }] });
    expect(parseJourneySheet([['Дорожка'], ['Шаги', 'x']])).toEqual({
      ok: false,
      issues: [{ row: 1, code: 'no-stages' }],
    });
  });

  it('refuses a file that is not a workbook, and a zip that claims to unpack to too much, before unpacking', async () => {
    expect(await readSheetFile(new TextEncoder().encode('not a zip'), 'xlsx')).toMatchObject({
      ok: false,
      code: 'not-a-spreadsheet',
    });
    const bytes = await journeyXlsx([journey], { language: 'ru' });
    expect(zipUnpackedSize(bytes)).toBeGreaterThan(0);
    const bomb = bytes.slice();
    // Every central-directory entry now claims 2 GB unpacked.
    for (let i = 0; i + 4 < bomb.length; i++)
      if (bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 1 && bomb[i + 3] === 2)
        bomb.set([0, 0, 0, 0x7f], i + 24);
    expect(await readSheetFile(bomb, 'xlsx')).toMatchObject({ ok: false, code: 'unpacks-too-large' });
  });
});
