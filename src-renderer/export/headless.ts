import i18next from 'i18next';
import { parseBoardFile } from '../../shared/board/file';
import type { ExportFormat } from '../../shared/export/formats';
import { DIALOG_FORMATS } from './registry';
import type { ExportScope } from './scope';

/**
 * The command line's way into the drawing formats (`npm run export` with png, svg, pdf or
 * pptx): it opens the built app in Chromium at `#/headless-export` and calls
 * `window.cxHeadlessExport`, which runs the same dialog format as the Export dialog on the
 * board file it is given and hands the bytes back (base64). Nothing is stored or saved here.
 */
export const HEADLESS_EXPORT_HASH = '#/headless-export';

export interface HeadlessExportRequest {
  /** The .cxboard file, base64. */
  board: string;
  scope: ExportScope;
  format: ExportFormat;
  /** Options of the format (missing ones take the dialog's defaults). */
  options?: Record<string, unknown>;
  language: string;
  redactAllQuotes: boolean;
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function headlessExport(request: HeadlessExportRequest): Promise<string> {
  const format = DIALOG_FORMATS.find((f) => f.format === request.format);
  if (!format) throw new Error(`no drawing export for ${request.format}`);
  const loaded = parseBoardFile(fromBase64(request.board));
  if (!loaded.ok) throw new Error(loaded.error.message);
  await i18next.changeLanguage(request.language);
  const board = loaded.board;
  try {
    const exportRequest = {
      board,
      scope: request.scope,
      redaction: { redactAllQuotes: request.redactAllQuotes },
      title: board.snapshot().meta.title || i18next.t('start.untitledBoard'),
      language: request.language,
      t: i18next.t,
    };
    if (!format.accepts(exportRequest)) throw new Error(i18next.t('export.error.nothing'));
    const options = { ...(format.defaults as object), ...request.options };
    const bytes = await format.produce(exportRequest, options, {
      signal: new AbortController().signal,
      progress: () => {},
    });
    return toBase64(bytes);
  } finally {
    board.destroy();
  }
}

/** Offers `window.cxHeadlessExport` when the page was opened for the command line. */
export function installHeadlessExport(): void {
  if (window.location.hash !== HEADLESS_EXPORT_HASH) return;
  (window as unknown as { cxHeadlessExport: typeof headlessExport }).cxHeadlessExport = headlessExport;
}
