import type { SheetCell } from './matrix-export';

/**
 * CSV as Excel and LibreOffice open it: UTF-8 with a byte-order mark (without it Excel on
 * Windows reads Cyrillic as mojibake), CRLF line ends, fields quoted when they hold the
 * separator, a quote or a line break (RFC 4180).
 *
 * The separator: a comma, or a semicolon for Excel in locales whose decimal mark is a comma
 * (Russian, most of Europe), which splits columns on `;` when opening a file.
 */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** The separator a spreadsheet in this language expects by default. */
export function defaultCsvSeparator(language: string): CsvSeparator {
  return language === 'ru' ? ';' : ',';
}

export const UTF8_BOM = '\uFEFF';

// A text cell starting with one of these is run as a formula by spreadsheets ("CSV
// injection"); a leading apostrophe keeps it text. Numbers are written as numbers.
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: SheetCell, separator: CsvSeparator): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table as CSV text, BOM first. */
export function toCsv(rows: readonly (readonly SheetCell[])[], separator: CsvSeparator): string {
  const lines = rows.map((row) => row.map((v) => field(v, separator)).join(separator));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * Parses CSV text (a BOM, `,` or `;` — guessed from the first line when not given — quoted
 * fields with doubled quotes and line breaks, CRLF or LF). A leading apostrophe that
 * `toCsv` added before a formula character is removed again.
 */
export function parseCsv(text: string, separator?: CsvSeparator): string[][] {
  const source = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const sep = separator ?? guessSeparator(source);
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  const endField = () => {
    row.push(/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);
    value = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          value += '"';
          i++;
        } else quoted = false;
      } else value += c;
    } else if (c === '"' && value === '') {
      quoted = true;
    } else if (c === sep) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else value += c;
  }
  if (value !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** `;` when the first line has more semicolons than commas outside quotes, else `,`. */
function guessSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
