import { useTranslation } from 'react-i18next';
import { type CsvSeparator, defaultCsvSeparator } from '../../shared/export/csv';
import { journeyCsv, journeyXlsx } from '../../shared/export/journey-files';
import type { ExportLanguage } from '../../shared/export/language';
import { buildMatrixExport } from '../../shared/export/matrix-export';
import { matrixCsv, matrixMarkdown } from '../../shared/export/matrix-text';
import { matrixXlsx } from '../../shared/export/matrix-xlsx';
import { exportContext } from '../../shared/export/runner';
import { spreadsheetScope } from '../../shared/export/scope';
import { defineDialogFormat, type ExportRequest, type FormatOptionsProps } from './dialogFormats';

/**
 * The spreadsheet formats of the Export dialog: the AI matrices in scope as XLSX, CSV or
 * Markdown, and journey maps as XLSX or CSV, written by the pure writers in shared/export
 * (the same as `npm run export`), in the UI language.
 */

function languageOf(request: ExportRequest): ExportLanguage {
  return request.language.startsWith('ru') ? 'ru' : 'en';
}

function scopeOf(request: ExportRequest) {
  return spreadsheetScope(request.board.snapshot(), request.scope);
}

function matrixData(request: ExportRequest) {
  const data = buildMatrixExport(
    request.board.snapshot(),
    scopeOf(request).matrices.map((m) => m.id),
    { language: languageOf(request) },
  );
  if (!data) throw new Error(request.t('export.sheets.noMatrix'));
  return data;
}

interface CsvOptions {
  separator: CsvSeparator | 'auto';
}

/** The CSV separator choice: a semicolon for Excel in Russian (and most of Europe), or a comma. */
function CsvOptionsFields({ value, onChange }: FormatOptionsProps<CsvOptions>) {
  const { t, i18n } = useTranslation();
  const current =
    value.separator === 'auto' ? defaultCsvSeparator(i18n.language.slice(0, 2)) : value.separator;
  return (
    <label className="cx-export__field">
      <span>{t('export.sheets.separator')}</span>
      <select
        value={current}
        onChange={(event) => onChange({ separator: event.target.value as CsvSeparator })}
      >
        <option value=";">{t('export.sheets.semicolon')}</option>
        <option value=",">{t('export.sheets.comma')}</option>
      </select>
    </label>
  );
}

function separatorOf(options: CsvOptions, request: ExportRequest): CsvSeparator {
  return options.separator === 'auto' ? defaultCsvSeparator(languageOf(request)) : options.separator;
}

const hasMatrix = (request: ExportRequest) => scopeOf(request).matrices.length > 0;

export const matrixXlsxFormat = defineDialogFormat<Record<string, never>>({
  id: 'xlsx-matrix',
  format: 'xlsx',
  labelKey: 'export.sheets.matrixXlsx',
  accepts: hasMatrix,
  defaults: {},
  produce: (request, _options, task) =>
    matrixXlsx(matrixData(request), exportContext(task.signal, task.progress)),
});

export const matrixCsvFormat = defineDialogFormat<CsvOptions>({
  id: 'csv-matrix',
  format: 'csv',
  labelKey: 'export.sheets.matrixCsv',
  accepts: hasMatrix,
  defaults: { separator: 'auto' },
  Options: CsvOptionsFields,
  produce: async (request, options) => matrixCsv(matrixData(request), separatorOf(options, request)),
});

export const matrixMarkdownFormat = defineDialogFormat<Record<string, never>>({
  id: 'md-matrix',
  format: 'md',
  labelKey: 'export.sheets.matrixMd',
  accepts: hasMatrix,
  defaults: {},
  produce: async (request) => matrixMarkdown(matrixData(request)),
});

export const journeyXlsxFormat = defineDialogFormat<Record<string, never>>({
  id: 'xlsx-journey',
  format: 'xlsx',
  labelKey: 'export.sheets.journeyXlsx',
  accepts: (request) => scopeOf(request).journeys.length > 0,
  defaults: {},
  produce: (request, _options, task) =>
    journeyXlsx(
      scopeOf(request).journeys,
      { language: languageOf(request), redactQuotes: request.redaction.redactAllQuotes },
      exportContext(task.signal, task.progress),
    ),
});

export const journeyCsvFormat = defineDialogFormat<CsvOptions>({
  id: 'csv-journey',
  format: 'csv',
  labelKey: 'export.sheets.journeyCsv',
  // A CSV file holds one table: one journey.
  accepts: (request) => scopeOf(request).journeys.length === 1,
  defaults: { separator: 'auto' },
  Options: CsvOptionsFields,
  produce: async (request, options) =>
    journeyCsv(
      scopeOf(request).journeys[0]!,
      { language: languageOf(request), redactQuotes: request.redaction.redactAllQuotes },
      separatorOf(options, request),
    ),
});
