/**
 * Exports shared by the UI, the desktop main process and `npm run export`: formats, the
 * runner, the export words (ru/en), scopes (frames), the matrix and journey tables and their
 * writers (XLSX, CSV, Markdown), and the journey spreadsheet import. See CONTEXT.md.
 */
export * from './csv';
export * from './formats';
export * from './labels';
export * from './language';
export * from './markdown';
export * from './matrix-export';
export * from './matrix-text';
export * from './matrix-xlsx';
export * from './runner';
export * from './scope';
export * from './xlsx';
export * from './journey-files';
export * from './journey-sheet';
export * from './redaction';
