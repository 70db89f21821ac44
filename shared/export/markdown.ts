import type { SheetCell } from './matrix-export';

/**
 * Markdown tables (GitHub-flavoured, as Confluence and Notion paste them): a pipe inside a
 * cell is escaped, a line break becomes `<br>`, so every row stays one line.
 */
function cell(value: SheetCell): string {
  if (value === null) return '';
  return String(value)
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\r\n|\r|\n/g, '<br>')
    .trim();
}

/** A table with a header row. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly SheetCell[])[]): string {
  const line = (cells: readonly SheetCell[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

/** A heading on one line (`#` level), its text escaped like a cell. */
export function markdownHeading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${cell(text).replaceAll('<br>', ' ')}`;
}
