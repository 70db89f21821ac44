import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  csvDelimiter,
  readDate,
  readingsFromCsv,
  readingsFromPaste,
  readingsFromRows,
  readingsFromXlsx,
  readValue,
  splitDelimited,
} from './readings';

describe('cells', () => {
  it('reads ISO and dd.mm.yyyy dates and refuses impossible ones', () => {
    expect(readDate('2026-01-31')).toBe('2026-01-31');
    expect(readDate(' 31.01.2026 ')).toBe('2026-01-31');
    expect(readDate('1.2.2026')).toBe('2026-02-01');
    expect(readDate(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    for (const bad of ['31.02.2026', '2026-13-01', '01/31/2026', 'soon', '', 45000, null])
      expect(readDate(bad as string)).toBeNull();
  });

  it('reads numbers with a decimal comma, spaces, thousands separators and a trailing %', () => {
    expect(readValue('72,5')).toBe(72.5);
    expect(readValue('1 200 000')).toBe(1_200_000);
    expect(readValue('1\u00a0200,75')).toBe(1200.75);
    expect(readValue('1,234,567')).toBe(1_234_567);
    expect(readValue('1.234,5')).toBe(1234.5);
    expect(readValue('1,234.5')).toBe(1234.5);
    expect(readValue('81%')).toBe(81);
    expect(readValue('-12')).toBe(-12);
    expect(readValue('\u221212')).toBe(-12);
    expect(readValue(45)).toBe(45);
    for (const bad of ['', 'abc', '12abc', '1-2', Number.NaN, true])
      expect(readValue(bad as string)).toBeNull();
  });

  it('splits quoted CSV cells with delimiters, quotes and line breaks', () => {
    expect(splitDelimited('a,"b,c"\r\n"say ""hi""",2\n"multi\nline",3', ',')).toEqual([
      ['a', 'b,c'],
      ['say "hi"', '2'],
      ['multi\nline', '3'],
    ]);
    expect(csvDelimiter('Date;Value\n2026-01-01;5')).toBe(';');
    expect(csvDelimiter('\uFEFFDate\tValue')).toBe('\t');
    expect(csvDelimiter('Date,Value')).toBe(',');
  });
});

describe('readings from a table', () => {
  it('skips a header and empty rows, and names every bad row', () => {
    const table = readingsFromRows([
      ['Date', 'Value'],
      ['2026-01-31', '70'],
      [],
      ['31.02.2026', '71'],
      ['2026-03-31'],
      ['2026-04-30', 'n/a'],
      ['2026-01-31', '73'],
      ['2026-05-31', '1e20'],
      ['2026-06-30', '74,5', 'a comment'],
    ]);
    expect(table.headerRow).toBe(1);
    expect(table.readings).toEqual([
      { row: 2, date: '2026-01-31', value: 70 },
      { row: 9, date: '2026-06-30', value: 74.5 },
    ]);
    expect(table.problems).toEqual([
      { row: 4, code: 'bad-date', text: '31.02.2026' },
      { row: 5, code: 'no-value' },
      { row: 6, code: 'bad-value', text: 'n/a' },
      { row: 7, code: 'duplicate-date', text: '2026-01-31', otherRow: 2 },
      { row: 8, code: 'out-of-range', text: '1e20' },
    ]);
  });

  it('a first row with digits is a bad reading, not a header', () => {
    const table = readingsFromRows([
      ['2026-02-30', 'x'],
      ['2026-03-01', '1'],
    ]);
    expect(table.headerRow).toBeNull();
    expect(table.problems).toEqual([{ row: 1, code: 'bad-date', text: '2026-02-30' }]);
  });

  it('an empty source is one problem', () => {
    expect(readingsFromPaste('\n  \n').problems).toEqual([{ row: 0, code: 'empty' }]);
    expect(readingsFromCsv('Date,Value\n').problems).toEqual([{ row: 0, code: 'empty' }]);
  });
});

describe('pasted text and CSV files', () => {
  it('reads tab-separated text pasted from a spreadsheet', () => {
    const table = readingsFromPaste('Дата\tЗначение\n31.01.2026\t72,5\n28.02.2026\t74\n');
    expect(table.problems).toEqual([]);
    expect(table.readings.map(({ date, value }) => [date, value])).toEqual([
      ['2026-01-31', 72.5],
      ['2026-02-28', 74],
    ]);
  });

  it('reads a semicolon CSV with decimal commas and a comma CSV with quoted decimal commas', () => {
    expect(readingsFromCsv('\uFEFFdate;value\r\n2026-01-31;72,5\r\n').readings).toEqual([
      { row: 2, date: '2026-01-31', value: 72.5 },
    ]);
    const table = readingsFromCsv('date,value\n2026-01-31,"72,5"\n2026-02-28,oops\n');
    expect(table.readings).toEqual([{ row: 2, date: '2026-01-31', value: 72.5 }]);
    expect(table.problems).toEqual([{ row: 3, code: 'bad-value', text: 'oops' }]);
  });
});

describe('XLSX files (exceljs)', () => {
  async function workbook(rows: unknown[][]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('NPS');
    for (const row of rows) sheet.addRow(row);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads date cells, text dates, numbers, formulas and names a bad row', async () => {
    const bytes = await workbook([
      ['Date', 'NPS'],
      [new Date(Date.UTC(2026, 0, 31)), 42],
      ['28.02.2026', '44,5'],
      ['2026-03-31', { formula: '40+5', result: 45 }],
      ['April', 46],
    ]);
    const table = await readingsFromXlsx(bytes);
    expect(table.readings).toEqual([
      { row: 2, date: '2026-01-31', value: 42 },
      { row: 3, date: '2026-02-28', value: 44.5 },
      { row: 4, date: '2026-03-31', value: 45 },
    ]);
    expect(table.problems).toEqual([{ row: 5, code: 'bad-date', text: 'April' }]);
  });

  it('a file that is not a workbook is one problem, never a throw', async () => {
    const table = await readingsFromXlsx(new TextEncoder().encode('date,value\n2026-01-01,1'));
    expect(table).toEqual({ readings: [], problems: [{ row: 0, code: 'unreadable' }], headerRow: null });
  });
});
