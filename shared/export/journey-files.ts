import type { JourneySnapshot } from '../board';
import { type CsvSeparator, parseCsv, toCsv } from './csv';
import { type JourneySheetOptions, journeyTable } from './journey-sheet';
import type { ExportContext } from './runner';
import { loadExcel, sheetName, workbookBytes } from './xlsx';

/** Journeys as an XLSX workbook: a sheet per journey (named after it), stages across, lanes down. */
export async function journeyXlsx(
  journeys: readonly JourneySnapshot[],
  options: JourneySheetOptions,
  context?: ExportContext,
): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'CX Board';
  const taken = new Set<string>();
  let done = 0;
  for (const journey of journeys) {
    await context?.checkpoint();
    const table = journeyTable(journey, options);
    const sheet = workbook.addWorksheet(sheetName(journey.title, taken, 'Journey'), {
      views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    });
    for (const values of table) {
      const row = sheet.addRow(values.map((v) => (v === '' ? null : v)));
      row.alignment = { wrapText: true, vertical: 'top' };
    }
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn(1).font = { bold: true };
    sheet.getColumn(1).width = 30;
    for (let c = 2; c <= (table[0]?.length ?? 1); c++) sheet.getColumn(c).width = 32;
    context?.progress(++done, journeys.length + 1);
  }
  return workbookBytes(workbook, context);
}

/** One journey as CSV (BOM, the separator asked for). */
export function journeyCsv(
  journey: JourneySnapshot,
  options: JourneySheetOptions,
  separator: CsvSeparator,
): Uint8Array {
  return new TextEncoder().encode(toCsv(journeyTable(journey, options), separator));
}

// ── reading a spreadsheet someone gives us (untrusted) ─────────────────────────────────────

/** Largest spreadsheet file the import reads. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Largest total size the parts of an XLSX may unpack to (a zip bomb is refused before unpacking). */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Most rows and columns the import reads from a sheet. */
export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_COLUMNS = 502;

export type SheetReadResult =
  | { ok: true; name: string; rows: string[][] }
  | {
      ok: false;
      code: 'too-large' | 'not-a-spreadsheet' | 'unpacks-too-large' | 'no-sheet';
      message: string;
    };

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

/**
 * What the zip's entries say they unpack to, from its central directory; null when the bytes
 * are not a readable zip (or use ZIP64, which no spreadsheet of this size needs).
 */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const min = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let i = bytes.length - 22; i >= min; i--)
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const entries = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const size = u32(bytes, at + 24);
    if (size === 0xffffffff) return null;
    total += size;
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return total;
}

function bounded(rows: string[][]): string[][] {
  return rows.slice(0, MAX_IMPORT_ROWS).map((r) => r.slice(0, MAX_IMPORT_COLUMNS));
}

/** Reads the first sheet of an XLSX file, or a CSV file, as rows of text; never throws. */
export async function readSheetFile(bytes: Uint8Array, kind: 'xlsx' | 'csv'): Promise<SheetReadResult> {
  if (bytes.length > MAX_IMPORT_BYTES)
    return { ok: false, code: 'too-large', message: `The file is larger than ${MAX_IMPORT_BYTES} bytes.` };
  if (kind === 'csv') {
    const text = new TextDecoder('utf-8').decode(bytes);
    if (text.includes('\u0000'))
      return { ok: false, code: 'not-a-spreadsheet', message: 'The file is not a CSV text file.' };
    return { ok: true, name: '', rows: bounded(parseCsv(text)) };
  }
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null)
    return { ok: false, code: 'not-a-spreadsheet', message: 'The file is not an XLSX workbook.' };
  if (unpacked > MAX_XLSX_UNPACKED_BYTES)
    return {
      ok: false,
      code: 'unpacks-too-large',
      message: 'The workbook unpacks to more than the allowed size.',
    };
  try {
    const Excel = await loadExcel();
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    if (!sheet) return { ok: false, code: 'no-sheet', message: 'The workbook has no sheet.' };
    const rows: string[][] = [];
    const last = Math.min(sheet.rowCount, MAX_IMPORT_ROWS);
    for (let r = 1; r <= last; r++) {
      const row = sheet.getRow(r);
      const values: string[] = [];
      const width = Math.min(row.cellCount, MAX_IMPORT_COLUMNS);
      for (let c = 1; c <= width; c++) values.push(row.getCell(c).text ?? '');
      rows.push(values);
    }
    return { ok: true, name: sheet.name, rows };
  } catch (error) {
    return {
      ok: false,
      code: 'not-a-spreadsheet',
      message: `The workbook cannot be read (${(error as Error).message}).`,
    };
  }
}
