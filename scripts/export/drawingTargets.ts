import { BROWSER_FORMATS, type BrowserScope, exportInBrowser } from './browser';
import type { ExportInput, ExportTarget, ExportWhat } from './targets';
import { ExportUsageError } from './targets';

/**
 * Rows of the format table for the drawing formats (png, svg, pdf, pptx) of a board, a frame
 * or journeys: drawn by the built app in headless Chromium (browser.ts).
 */

function scopeOf(what: ExportWhat, input: ExportInput): BrowserScope {
  if (what === 'board') return { kind: 'board' };
  if (what === 'frame') {
    if (!input.frame) throw new ExportUsageError('--what frame needs --frame <title or id>.');
    return { kind: 'frame', id: input.frame.id };
  }
  if (input.journey) return { kind: 'frame', id: input.journey.id };
  const ids = Object.values(input.board.journeys)
    .filter(
      (j) =>
        !input.frame ||
        (j.x >= input.frame.x &&
          j.x <= input.frame.x + input.frame.width &&
          j.y >= input.frame.y &&
          j.y <= input.frame.y + input.frame.height),
    )
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((j) => j.id);
  if (ids.length === 0) throw new ExportUsageError('There is no journey map to export.');
  return { kind: 'selection', ids };
}

export const DRAWING_TARGETS: ExportTarget[] = (['board', 'journey', 'frame'] as const).flatMap((what) =>
  BROWSER_FORMATS.map(
    (format): ExportTarget => ({
      what,
      format,
      run: async (input, context) => {
        const scope = scopeOf(what, input);
        context.progress(1, 3);
        // Several journeys in one PDF: a page each unless told otherwise.
        const options =
          format === 'pdf' && scope.kind === 'selection' && input.drawing.pagePerFrame === undefined
            ? { ...input.drawing, pagePerFrame: true }
            : input.drawing;
        return exportInBrowser({
          boardBytes: input.file,
          scope,
          format,
          options,
          language: input.language,
          redactAllQuotes: input.redactQuotes,
        });
      },
    }),
  ),
);
