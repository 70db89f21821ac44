/**
 * Export plumbing of the renderer: run an export with progress and Cancel (`startExport`),
 * then save it (desktop: main's Save dialog over the validated `export:save` channel;
 * browser: a download). Formats plug in by giving `startExport` a job that builds bytes.
 */
export { ExportProgress } from './ExportProgress';
export { type ExportTask, PROGRESS_DELAY_MS, startExport, useExportTask } from './exportTask';
export { type ExportFile, saveExportFile } from './save';
