/**
 * Reading a metric's dated history from a spreadsheet: text pasted from one (tab-separated),
 * a CSV file or an XLSX file. All three become a table of cells, and one rule reads the table:
 *
 * - column 1 is the date, column 2 the value; further columns are ignored (a comment column);
 * - a date is `yyyy-mm-dd` or `dd.mm.yyyy` (`d.m.yyyy` too), or a date cell of a workbook;
 * - a value is a number; a decimal comma is accepted (`72,5`), spaces as thousands separators
 *   (`1 200 000`), and a trailing `%`;
 * - empty rows are skipped; a first row of words (`Date | Value`, no digits) is a header;
 * - every other row that is not a reading is a problem naming its row (1-based, as the
 *   spreadsheet or editor numbers it), and so is a date given twice.
 *
 * Nothing here writes: the UI shows the readings and the problems, and imports only a table
 * without problems (`BoardDoc.importMetricReadings`, all or nothing).
 */
import { LIMITS } from '../board/schema';
import { METRIC_VALUE_LIMIT } from '../board/records/metric';

/** One reading read from a row. */
export interface ParsedReading {
  /** Row in the source, 1-based. */
  row: number;
  /** yyyy-mm-dd. */
  date: string;
  value: number;
}

/** Why a row (or the whole source) is not readings; the UI translates `metrics.readings.problem.<code>`. */
export const READING_PROBLEM_CODES = [
  'no-value',
  'bad-date',
  'bad-value',
  'out-of-range',
  'duplicate-date',
  'too-many',
  'empty',
  'unreadable',
] as const;
export type ReadingProblemCode = (typeof READING_PROBLEM_CODES)[number];

/** A problem of one row (`row` ≥ 1) or of the whole source (`row` 0: empty, unreadable, too many). */
export interface ReadingProblem {
  row: number;
  code: ReadingProblemCode;
  /** The cell text it is about (cut to 60 characters), or the other row of a duplicate date. */
  text?: string;
  otherRow?: number;
}

/** What a source holds: the readings, in source order, and every problem. */
export interface ReadingsTable {
  readings: ParsedReading[];
  problems: ReadingProblem[];
  /** Row number of the skipped header, or null. */
  headerRow: number | null;
}

/** A cell as read from a source: text, a number, a date (workbooks), or empty. */
export type Cell = string | number | Date | boolean | null | undefined;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31.02 over into March: a real date survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  if (year < 1000) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A cell read as a date (yyyy-mm-dd), or null when it is not one. */
export function readDate(cell: Cell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    // Workbooks store dates as UTC midnight of the calendar day.
    return isoOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  const iso = ISO.exec(text);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED.exec(text);
  if (dotted) return isoOf(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  return null;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A cell read as a number (decimal comma, spaces and a trailing % allowed), or null. */
export function readValue(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  let text = cell
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(/^\u2212/, '-');
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  // The separator that comes last is the decimal one; the other groups thousands.
  if (comma >= 0 && dot >= 0)
    text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  else if (comma >= 0) text = text.indexOf(',') === comma ? text.replace(',', '.') : text.replace(/,/g, '');
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function shown(cell: Cell): string {
  const text = cell instanceof Date ? cell.toISOString() : String(cell ?? '');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * Reads a table of cells (rows numbered from `firstRow`, 1 by default) into readings and
 * problems as described at the top of this file.
 */
export function readingsFromRows(rows: readonly (readonly Cell[])[], firstRow = 1): ReadingsTable {
  const readings: ParsedReading[] = [];
  const problems: ReadingProblem[] = [];
  const seen = new Map<string, number>();
  let headerRow: number | null = null;
  let first = true;
  for (let i = 0; i < rows.length; i++) {
    const row = firstRow + i;
    const cells = rows[i] ?? [];
    if (cells.every(isBlank)) continue;
    const [dateCell, valueCell] = cells;
    const date = readDate(dateCell);
    const value = readValue(valueCell);
    if (first) {
      first = false;
      // A header names its columns; a first row with digits is a reading gone wrong, not a header.
      if (date === null && value === null && !/\d/.test(shown(dateCell))) {
        headerRow = row;
        continue;
      }
    }
    if (readings.length + problems.length >= LIMITS.history) {
      problems.push({ row: 0, code: 'too-many', text: String(LIMITS.history) });
      break;
    }
    if (date === null) {
      problems.push({ row, code: 'bad-date', text: shown(dateCell) });
      continue;
    }
    if (isBlank(valueCell)) {
      problems.push({ row, code: 'no-value' });
      continue;
    }
    if (value === null) {
      problems.push({ row, code: 'bad-value', text: shown(valueCell) });
      continue;
    }
    if (Math.abs(value) > METRIC_VALUE_LIMIT) {
      problems.push({ row, code: 'out-of-range', text: shown(valueCell) });
      continue;
    }
    const earlier = seen.get(date);
    if (earlier !== undefined) {
      problems.push({ row, code: 'duplicate-date', text: date, otherRow: earlier });
      continue;
    }
    seen.set(date, row);
    readings.push({ row, date, value });
  }
  if (readings.length === 0 && problems.length === 0) problems.push({ row: 0, code: 'empty' });
  return { readings, problems, headerRow };
}

/** Most characters of pasted text or a CSV file that is read (a 10 000-row history is far less). */
export const MAX_READINGS_TEXT = 2_000_000;

/** Splits delimited text into rows of cells: double quotes enclose cells with delimiters, quotes or line breaks. */
export function splitDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The delimiter of CSV text: a tab or semicolon when the first line has one, else a comma. */
export function csvDelimiter(text: string): string {
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .find((line) => line.trim() !== '') ?? '';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}

function tooLong(): ReadingsTable {
  return {
    readings: [],
    problems: [{ row: 0, code: 'too-many', text: String(LIMITS.history) }],
    headerRow: null,
  };
}

/** Readings from text pasted from a spreadsheet: one row per line, cells separated by tabs. */
export function readingsFromPaste(text: string): ReadingsTable {
  if (text.length > MAX_READINGS_TEXT) return tooLong();
  return readingsFromRows(splitDelimited(text.replace(/^\uFEFF/, ''), '\t'));
}

/** Readings from a CSV file's text (comma, semicolon or tab separated, see `csvDelimiter`). */
export function readingsFromCsv(text: string): ReadingsTable {
  if (text.length > MAX_READINGS_TEXT) return tooLong();
  const clean = text.replace(/^\uFEFF/, '');
  return readingsFromRows(splitDelimited(clean, csvDelimiter(clean)));
}

/** Largest XLSX file read (bytes). */
export const MAX_READINGS_XLSX_BYTES = 20 * 1024 * 1024;

/** An exceljs cell value as a plain cell: formulas give their result, rich text its text. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text?: unknown }[]; text?: unknown };
    if ('result' in v) return cellOf(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((r) => String(r.text ?? '')).join('');
    if (typeof v.text === 'string') return v.text;
  }
  return null;
}

/**
 * Readings from the first worksheet of an XLSX file (read with exceljs, loaded only when a
 * workbook is read). A file that is not a readable workbook is one `unreadable` problem.
 */
export async function readingsFromXlsx(bytes: ArrayBuffer | Uint8Array): Promise<ReadingsTable> {
  if (bytes.byteLength > MAX_READINGS_XLSX_BYTES)
    return { readings: [], problems: [{ row: 0, code: 'unreadable', text: 'size' }], headerRow: null };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for a Node Buffer; it reads any ArrayBuffer (browser build too).
    const buffer = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes;
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { readings: [], problems: [{ row: 0, code: 'unreadable' }], headerRow: null };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { readings: [], problems: [{ row: 0, code: 'empty' }], headerRow: null };
  const rows: Cell[][] = [];
  const last = Math.min(sheet.rowCount, LIMITS.history + 1000);
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    rows.push([cellOf(row.getCell(1).value), cellOf(row.getCell(2).value)]);
  }
  const table = readingsFromRows(rows);
  if (sheet.rowCount > last) table.problems.push({ row: 0, code: 'too-many', text: String(LIMITS.history) });
  return table;
}
