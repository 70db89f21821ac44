import { createContext, useContext } from 'react';
import type { RedactionOptions } from '../../shared/export/redaction';

/**
 * Set while a part of the board is drawn for an export (the offscreen export stage), null on
 * the canvas. Drawings with quotes read it to draw a redacted quote as a placeholder that
 * never holds the words (`data-cx-redacted` on its element), and to leave out anything that
 * only makes sense on screen.
 */
export const ExportRenderContext = createContext<RedactionOptions | null>(null);

/** The export's redaction options while drawing for an export, null on the canvas. */
export function useExportRedaction(): RedactionOptions | null {
  return useContext(ExportRenderContext);
}
