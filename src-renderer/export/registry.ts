import { pptxFormat } from './deckFormat';
import type { DialogFormat } from './dialogFormats';
import { pdfFormat, pngFormat, svgFormat } from './drawingFormats';
import {
  journeyCsvFormat,
  journeyXlsxFormat,
  matrixCsvFormat,
  matrixMarkdownFormat,
  matrixXlsxFormat,
} from './sheetFormats';

/**
 * The formats the Export dialog offers, in this order. A format is one entry (see
 * `DialogFormat` in dialogFormats.ts): its file format, label, options, which requests it
 * accepts and its producer.
 */
export const DIALOG_FORMATS: readonly DialogFormat[] = [
  pngFormat,
  svgFormat,
  pdfFormat,
  pptxFormat,
  matrixXlsxFormat,
  matrixCsvFormat,
  matrixMarkdownFormat,
  journeyXlsxFormat,
  journeyCsvFormat,
];
