import type * as ExcelJS from 'exceljs';
import type { ExportContext } from './runner';

/**
 * exceljs, loaded on first use: in the renderer it is a separate ~1 MB chunk fetched only
 * when someone exports or imports a spreadsheet; in Node (command line, tests) the package.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  const loaded = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  return loaded.default ?? loaded;
}

/** Longest sheet name Excel accepts. */
export const MAX_SHEET_NAME = 31;

/**
 * A sheet name Excel accepts, unique in `taken` (compared case-insensitively, as Excel does):
 * no `\ / ? * [ ] :`, not empty, no apostrophe at either end, not the reserved "History",
 * at most 31 characters (Cyrillic counted as characters); a clash gets " (2)", " (3)"…
 * Adds the name to `taken`.
 */
export function sheetName(wanted: string, taken: Set<string>, fallback = 'Sheet'): string {
  let base = wanted
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused too
    .replace(/[\\/?*[\]:\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  base = base.replace(/^'+|'+$/g, '').trim();
  if (!base || base.toLowerCase() === 'history') base = base ? `${base} 1` : fallback;
  const cut = (text: string, max: number) => [...text].slice(0, max).join('').trim();
  let name = cut(base, MAX_SHEET_NAME);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${cut(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The workbook's bytes (exceljs gives a Buffer in Node, an ArrayBuffer-backed array in browsers). */
export async function workbookBytes(
  workbook: ExcelJS.Workbook,
  context?: ExportContext,
): Promise<Uint8Array> {
  await context?.checkpoint();
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
