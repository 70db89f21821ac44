import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBoardFile } from '../../shared/board';
import { buildJourneyBoard } from '../fixtures/exports/journey-board';
import { buildMatrixBoard } from '../fixtures/exports/matrix-board';
import { ROOT } from '../support';

/**
 * `npm run export` as a consultant runs it: the real command (scripts/run-ts.mjs bundling
 * scripts/export/cli.ts, as package.json runs it) in a child process, paths relative to the
 * folder it was started from (INIT_CWD), real board files; exit codes and messages checked.
 */
let dir: string;
let secret: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cx-export-cli-'));
  const matrix = buildMatrixBoard();
  await writeFile(join(dir, 'workshop.cxboard'), serializeBoardFile(matrix.board));
  matrix.board.destroy();
  const journey = buildJourneyBoard();
  secret = journey.secretQuote;
  await writeFile(join(dir, 'journey.cxboard'), serializeBoardFile(journey.board));
  journey.board.destroy();
  await writeFile(join(dir, 'broken.cxboard'), '{"format":"cxboard", trailing garbage');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function exportCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'scripts/export/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: dir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run export', () => {
  it('exports the matrices of a frame named by its title as XLSX in Russian', async () => {
    const run = await exportCli(
      'workshop.cxboard',
      '--what',
      'matrix',
      '--format',
      'xlsx',
      '--out',
      'm.xlsx',
      '--lang',
      'ru',
      '--frame',
      'воркшоп: матрица ии',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, 'm.xlsx'))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Обработка обращений',
      'Покупка возврат B2C очень длинн',
      'Не делать',
      'Метрики этапов',
    ]);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('Этап');
  });

  it('exports CSV with the BOM and the separator asked for, and Markdown', async () => {
    const csv = await exportCli(
      'workshop.cxboard',
      '--what',
      'matrix',
      '--format',
      'csv',
      '--out',
      'm.csv',
      '--lang',
      'ru',
      '--separator',
      'comma',
    );
    expect(csv.code).toBe(0);
    const bytes = new Uint8Array(await readFile(join(dir, 'm.csv')));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split('\r\n')[0]).toMatch(
      /^Путь клиента,Этап,Целевой момент истины,/,
    );
    const md = await exportCli('workshop.cxboard', '--what', 'matrix', '--format', 'md', '--out', 'm.md');
    expect(md.code).toBe(0);
    expect(await readFile(join(dir, 'm.md'), 'utf8')).toContain('| Stage | Target moment of truth |');
  });

  it('exports a journey as XLSX and CSV, with --redact-quotes hiding every quote', async () => {
    const run = await exportCli(
      'journey.cxboard',
      '--what',
      'journey',
      '--format',
      'csv',
      '--out',
      'j.csv',
      '--lang',
      'ru',
      '--redact-quotes',
    );
    expect(run.code).toBe(0);
    const text = await readFile(join(dir, 'j.csv'), 'utf8');
    expect(text).toContain('Окончание продажи');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('quotes 2:');
    expect(
      (await exportCli('journey.cxboard', '--what', 'journey', '--format', 'xlsx', '--out', 'j.xlsx')).code,
    ).toBe(0);
  });

  it.each([
    [['broken.cxboard', '--what', 'matrix', '--format', 'xlsx', '--out', 'x.xlsx'], 1, /broken\.cxboard: .*/],
    [
      ['missing.cxboard', '--what', 'matrix', '--format', 'xlsx', '--out', 'x.xlsx'],
      1,
      /missing\.cxboard: no such board file/,
    ],
    [
      ['workshop.cxboard', '--what', 'matrix', '--format', 'xlsx', '--out', 'x.xlsx', '--frame', 'Нет такой'],
      1,
      /There is no frame “Нет такой”/,
    ],
    [
      ['journey.cxboard', '--what', 'matrix', '--format', 'csv', '--out', 'x.csv'],
      1,
      /There is no AI matrix in the board/,
    ],
    [
      ['workshop.cxboard', '--what', 'journey', '--format', 'csv', '--out', 'x.csv'],
      1,
      /3 journey maps; a CSV holds one/,
    ],
    [
      ['workshop.cxboard', '--what', 'journey', '--format', 'md', '--out', 'x.md'],
      1,
      /“journey” as md is not available; available: xlsx, csv/,
    ],
    [
      ['workshop.cxboard', '--what', 'everything', '--format', 'xlsx', '--out', 'x.xlsx'],
      2,
      /--what must be one of/,
    ],
    [['workshop.cxboard', '--what', 'matrix', '--format', 'xlsx'], 2, /--out <path> is required/],
  ])('refuses %j with exit code %i and a clear message, writing nothing', async (args, code, message) => {
    const run = await exportCli(...args);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : 'x.xlsx';
    await expect(readFile(join(dir, out))).rejects.toThrow(/ENOENT/);
  });
});
