import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../../shared/board';
import {
  buildMatrixExport,
  type MatrixExport,
  matricesInFrame,
  matrixCsv,
  matrixMarkdown,
  matrixXlsx,
  parseCsv,
} from '../../shared/export';
import { buildMatrixBoard, cellText, STAGES } from '../fixtures/exports/matrix-board';

/**
 * The AI-matrix export as a client opens it: the fixture board (Russian, 8 stages, every
 * column filled, two matrices in one frame) → XLSX read back with exceljs cell by cell and
 * converted by LibreOffice headless; CSV with its BOM; Markdown parsed back. Expected values
 * are computed here from the fixture's inputs, not from the export code.
 */
let dir: string;
let snapshot: BoardSnapshot;
let matrixIds: string[];
let frameMatrices: string[];
let data: MatrixExport;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cx-export-matrix-'));
  const built = buildMatrixBoard();
  snapshot = built.board.snapshot();
  matrixIds = built.matrixIds;
  frameMatrices = matricesInFrame(snapshot, snapshot.elements[built.frameId]!).map((m) => m.id);
  data = buildMatrixExport(snapshot, frameMatrices, { language: 'ru' })!;
  built.board.destroy();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const COLUMNS = ['targetMoment', 'today', 'handToAi', 'metric', 'companyValue', 'clientValue'];
const REASONS = ['Сложный продукт', 'Пожилые клиенты', 'Эмоциональное обращение', 'Юридический риск'];
const DECISIONS = ['Сейчас', 'Позже', 'Не делать'];
const HEADERS = [
  'Этап',
  'Целевой момент истины',
  'Как реализовано сейчас',
  'Что передать ИИ',
  'Какой метрикой измерить',
  'Ценность для компании',
  'Ценность для клиента',
  'Боль клиента (1–5)',
  'Деньги на кону (1–5)',
  'Применимость автоматизации (1–5)',
  'Приоритет (0–100)',
  'Нужен человек',
  'Почему нужен человек',
  'Риски',
  'Решение',
];

/** The row the fixture wrote for matrix m (1-based) and stage s, as the export must show it. */
function expectedRow(m: number, s: number): (string | number)[] {
  const pain = (s % 5) + 1;
  const money = ((s + 2) % 5) + 1;
  const fit = ((s + 4) % 5) + 1;
  const human = s % 2 === 0;
  const priority = Math.round(((pain * money * (human ? Math.min(fit, 2) : fit) - 1) / 124) * 100);
  return [
    STAGES[s]!,
    ...COLUMNS.map((c) =>
      c === 'metric' && m === 1
        ? `CSAT «${STAGES[s]}» (${60 + s} → ${80 + s} %)\n${cellText(m, s, c)}`
        : cellText(m, s, c),
    ),
    pain,
    money,
    fit,
    priority,
    human ? 'Да' : 'Нет',
    `${REASONS[s % 4]}; Причина ${s + 1}`,
    s % 3 === 0 ? `Галлюцинации; Приватность; Риск ${s + 1}` : `Избыточное доверие; Риск ${s + 1}`,
    DECISIONS[s % 3]!,
  ];
}

const JOURNEYS = ['Обработка обращений', 'Покупка/возврат: [B2C] * очень длинное название пути клиента'];

describe('matrix export scope', () => {
  it('a frame exports the two matrices inside it, in reading order, not the one outside', () => {
    expect(frameMatrices).toEqual(matrixIds);
  });
});

describe('matrix XLSX', () => {
  let workbook: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await matrixXlsx(data);
    await writeFile(join(dir, 'matrix.xlsx'), bytes);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  });

  it('has a sheet per matrix named after its journey (Excel’s rules), then not-to-do and metrics', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Обработка обращений',
      'Покупка возврат B2C очень длинн',
      'Не делать',
      'Метрики этапов',
    ]);
    expect([...workbook.worksheets[1]!.name].length).toBe(31);
  });

  it('every cell of both matrix sheets holds what the board holds (Cyrillic intact)', () => {
    for (const m of [1, 2]) {
      const sheet = workbook.worksheets[m - 1]!;
      expect(sheet.rowCount).toBe(9);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
      for (let s = 0; s < 8; s++)
        expect((sheet.getRow(s + 2).values as unknown[]).slice(1), `matrix ${m} stage ${s}`).toEqual(
          expectedRow(m, s),
        );
    }
  });

  it('freezes the header row, sizes and wraps the columns', () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getColumn(2).width).toBe(36);
    expect(sheet.getColumn(8).width).toBe(13);
    expect(sheet.getCell('B2').alignment?.wrapText).toBe(true);
  });

  it('offers 1–5, yes/no and the decisions as drop-downs on every row', () => {
    const sheet = workbook.worksheets[0]!;
    for (let r = 2; r <= 9; r++) {
      for (const col of ['H', 'I', 'J'])
        expect(sheet.getCell(`${col}${r}`).dataValidation).toMatchObject({
          type: 'list',
          formulae: ['"1,2,3,4,5"'],
        });
      expect(sheet.getCell(`L${r}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"Да,Нет"'] });
      expect(sheet.getCell(`O${r}`).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"Сейчас,Позже,Не делать"'],
      });
    }
    expect(sheet.getCell('B2').dataValidation).toBeUndefined();
  });

  it('colours the priority by band', () => {
    const sheet = workbook.worksheets[0]!;
    const fills = new Map<number, string>();
    for (let r = 2; r <= 9; r++) {
      const cell = sheet.getCell(`K${r}`);
      const fill = cell.fill as { fgColor?: { argb?: string } };
      fills.set(cell.value as number, fill.fgColor!.argb!);
    }
    for (const [priority, argb] of fills)
      expect(argb, `priority ${priority}`).toBe(
        priority >= 50 ? 'FFF4B183' : priority >= 20 ? 'FFFFE699' : 'FFC6EFCE',
      );
    expect(new Set(fills.values()).size).toBeGreaterThan(1);
  });

  it('lists the not-to-do rows of both matrices with their journey, in stage order', () => {
    const sheet = workbook.worksheets[2]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Путь клиента', ...HEADERS]);
    const rows = [];
    for (let r = 2; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      [JOURNEYS[0], ...expectedRow(1, 2)],
      [JOURNEYS[0], ...expectedRow(1, 5)],
      [JOURNEYS[1], ...expectedRow(2, 2)],
      [JOURNEYS[1], ...expectedRow(2, 5)],
    ]);
  });

  it('lists the stages’ metrics', () => {
    const sheet = workbook.worksheets[3]!;
    expect(sheet.rowCount).toBe(9);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([
      JOURNEYS[0],
      STAGES[2],
      `CSAT «${STAGES[2]}»`,
      'Субъективная',
      62,
      82,
      '%',
      'месяц',
      'Измеряют клиенты',
      'Отдел качества',
    ]);
  });

  it('LibreOffice opens it: the first sheet converted to CSV has the same rows', async () => {
    const profile = join(dir, 'lo-profile');
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        dir,
        join(dir, 'matrix.xlsx'),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const rows = parseCsv(await readFile(join(dir, 'matrix.csv'), 'utf8'), ',');
    expect(rows[0]).toEqual(HEADERS);
    for (let s = 0; s < 8; s++) expect(rows[s + 1]).toEqual(expectedRow(1, s).map(String));
  });
});

describe('matrix CSV', () => {
  it.each([';', ','] as const)(
    'starts with the BOM and reads back row by row (separator %s)',
    (separator) => {
      const bytes = matrixCsv(data, separator);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.split('\r\n')[0]).toBe(['Путь клиента', ...HEADERS].join(separator));
      const rows = parseCsv(text, separator);
      expect(rows).toHaveLength(17);
      for (const m of [1, 2])
        for (let s = 0; s < 8; s++)
          expect(rows[(m - 1) * 8 + s + 1]).toEqual([JOURNEYS[m - 1], ...expectedRow(m, s).map(String)]);
    },
  );

  it('keeps a cell that starts like a formula as text', () => {
    const hostile = structuredClone(data);
    hostile.sheets[0]!.rows[0]![1] = '=HYPERLINK("http://evil","x")';
    const text = new TextDecoder().decode(matrixCsv(hostile, ','));
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(parseCsv(text, ',')[1]![2]).toBe('=HYPERLINK("http://evil","x")');
  });
});

describe('matrix Markdown', () => {
  /** Splits a Markdown table row on unescaped pipes and undoes the escaping. */
  function cells(line: string): string[] {
    const inner = line.slice(2, -2);
    return inner
      .split(/(?<!\\) \| /)
      .map((c) => c.replaceAll('<br>', '\n').replaceAll('\\|', '|').replaceAll('\\\\', '\\'));
  }

  it('is a section per matrix with a table that parses back, then not-to-do and metrics', () => {
    const text = new TextDecoder().decode(matrixMarkdown(data));
    const lines = text.trimEnd().split('\n');
    const headings = lines.filter((l) => l.startsWith('## '));
    expect(headings).toEqual([`## ${JOURNEYS[0]}`, `## ${JOURNEYS[1]}`, '## Не делать', '## Метрики этапов']);
    for (const m of [1, 2]) {
      const start = lines.indexOf(`## ${JOURNEYS[m - 1]}`) + 2;
      expect(cells(lines[start]!)).toEqual(HEADERS);
      expect(lines[start + 1]).toMatch(/^\|( --- \|)+$/);
      for (let s = 0; s < 8; s++) expect(cells(lines[start + 2 + s]!)).toEqual(expectedRow(m, s).map(String));
    }
    // Every table line is one row: no raw line break or unescaped pipe inside a cell.
    for (const line of lines.filter((l) => l.startsWith('|')))
      expect(line.endsWith(' |') || line.endsWith('|')).toBe(true);
  });
});
