/**
 * The export formats the app writes: file extension, MIME type and how to recognise the
 * bytes of each. One table for the save dialog's filter (main), the browser download
 * (renderer), the command line and the IPC contract. Pure constants and functions: the
 * preload bundle imports this file, so it stays free of zod and of any library.
 */
export const EXPORT_FORMATS = {
  xlsx: {
    extension: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    binary: true,
  },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8', binary: false },
  md: { extension: 'md', mime: 'text/markdown;charset=utf-8', binary: false },
  png: { extension: 'png', mime: 'image/png', binary: true },
  svg: { extension: 'svg', mime: 'image/svg+xml', binary: false },
  pdf: { extension: 'pdf', mime: 'application/pdf', binary: true },
  pptx: {
    extension: 'pptx',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    binary: true,
  },
} as const satisfies Record<string, { extension: string; mime: string; binary: boolean }>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** Largest export file the app writes (bytes): a bound on what the renderer may hand to main. */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

/** Longest file name (without folder) an export suggests. */
export const MAX_EXPORT_NAME_LENGTH = 120;

/** True when `value` names an export format. */
export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** First non-space character of a text file, after an optional UTF-8 byte-order mark. */
function firstTextChar(bytes: Uint8Array): string {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return i < bytes.length ? String.fromCharCode(bytes[i]!) : '';
}

/**
 * Whether `bytes` look like a file of `format` (its signature: a zip for XLSX/PPTX, PNG's and
 * PDF's magic numbers, markup for SVG, text without NUL bytes for CSV/Markdown). The main
 * process checks this before writing, so a faulty renderer cannot write, say, an executable
 * under a `.xlsx` name.
 */
export function looksLikeFormat(bytes: Uint8Array, format: ExportFormat): boolean {
  switch (format) {
    case 'xlsx':
    case 'pptx':
      return startsWith(bytes, ZIP);
    case 'png':
      return startsWith(bytes, PNG);
    case 'pdf':
      return startsWith(bytes, PDF);
    case 'svg':
      return firstTextChar(bytes) === '<' && !bytes.includes(0);
    case 'csv':
    case 'md':
      return !bytes.includes(0);
  }
}

// Characters Windows, macOS or Linux refuse in a file name, control characters, and the
// path separators: a suggested name can never name a folder.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const UNSAFE_NAME_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name for an export: the board's or frame's title with characters no file system
 * accepts replaced, no leading dots, shortened, and the format's extension appended
 * (`Онбординг — матрица.xlsx`). Never empty, never a path.
 */
export function exportFileName(title: string, format: ExportFormat, fallback = 'export'): string {
  const extension = `.${EXPORT_FORMATS[format].extension}`;
  let base = title.replace(UNSAFE_NAME_CHARS, ' ').replace(/\s+/g, ' ').trim();
  if (base.toLowerCase().endsWith(extension)) base = base.slice(0, -extension.length);
  base = base.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  base = [...base]
    .slice(0, MAX_EXPORT_NAME_LENGTH - extension.length)
    .join('')
    .trim();
  if (!base || WINDOWS_RESERVED.test(base)) base = fallback;
  return `${base}${extension}`;
}

/** Whether `name` is a file name `exportFileName` could have produced for `format`. */
export function isSafeExportFileName(name: string, format: ExportFormat): boolean {
  return exportFileName(name, format) === name;
}
