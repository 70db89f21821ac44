import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyXlsx } from '../../shared/export';
import { buildJourneyBoard } from '../fixtures/exports/journey-board';
import { browserApp, newBoard, untranslatedKeys } from './support';

/**
 * Importing a journey map from a spreadsheet as a person does: a workbook with one bad row is
 * refused with the row and column named and nothing added; the fixed workbook shows a
 * preview and, once confirmed, the map appears on the board.
 */
const app = browserApp();
let dir: string;
let good: string;
let bad: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cx-journey-import-'));
  const built = buildJourneyBoard();
  const journey = built.board.snapshot().journeys[built.journeyId]!;
  built.board.destroy();
  const bytes = await journeyXlsx([journey], { language: 'ru' });
  good = join(dir, 'Обработка обращений.xlsx');
  await writeFile(good, bytes);
  // The same workbook with a word where an emotion score belongs.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  let scoreRow = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value === 'Оценка эмоции: как есть') scoreRow = n;
  });
  sheet.getCell(scoreRow, 3).value = 'плохо';
  bad = join(dir, 'broken.xlsx');
  await workbook.xlsx.writeFile(bad);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('import a journey map from a spreadsheet', () => {
  it('a bad row is shown with its place and nothing changes; the fixed file adds the map after the preview', async () => {
    const { page, problems, context } = await app.open();
    await newBoard(page);
    const maps = page.getByRole('region', { name: /^CJM: / });
    expect(await maps.count()).toBe(0);

    await page
      .locator('input[type=file][aria-label="Spreadsheet with a journey map (XLSX or CSV)"]')
      .setInputFiles(bad);
    const dialog = page.getByRole('dialog', { name: 'Import a journey map' });
    await dialog.getByText('“broken.xlsx” cannot be imported: 1 problems.').waitFor();
    const issues = dialog.getByRole('list', { name: 'Problems in the sheet' });
    expect(await issues.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Row \d+, column 3: “плохо” is not an emotion score from −2 to 2$/),
    ]);
    expect(await dialog.getByRole('button', { name: 'Add the map to the board' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await maps.count()).toBe(0);

    await page
      .locator('input[type=file][aria-label="Spreadsheet with a journey map (XLSX or CSV)"]')
      .setInputFiles(good);
    await dialog.getByText(/^“Обработка обращений”: 8 stages, 12 lanes, 4 moments of truth\./).waitFor();
    const preview = dialog.getByRole('table', { name: 'Preview of the journey map' });
    expect(await preview.getByRole('columnheader').first().textContent()).toBe('Lane');
    expect(await preview.getByRole('rowheader').first().textContent()).toBe('Goals / JTBD');
    expect(await maps.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Add the map to the board' }).click();
    await page.getByRole('region', { name: /^CJM: Обработка обращений/ }).waitFor();
    await page.getByText('Journey map “Обработка обращений” added.').waitFor();
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
