import { EXPORT_FORMATS, type ExportFormat, exportFileName } from '../../shared/export/formats';
import type { SaveExportResult } from '../../shared/ipc/api';
import { getDesktopBridge } from '../desktop/bridge';

/** A finished export: its bytes, the name to suggest and its format. */
export interface ExportFile {
  bytes: Uint8Array;
  /** A title (board, frame, journey); made a safe file name with the format's extension. */
  title: string;
  format: ExportFormat;
}

/**
 * Hands a finished export to the person: in the desktop app, main's native Save dialog (the
 * renderer sends bytes, a file name and the format, never a path); in a browser, a download.
 */
export async function saveExportFile(file: ExportFile): Promise<SaveExportResult> {
  const suggestedName = exportFileName(file.title, file.format);
  const desktop = getDesktopBridge();
  if (desktop) return desktop.saveExport({ bytes: file.bytes, suggestedName, format: file.format });
  downloadInBrowser(file.bytes, suggestedName, EXPORT_FORMATS[file.format].mime);
  return { status: 'saved', name: suggestedName };
}

/** The browser's download of `bytes` as `name` (an object URL on a temporary link). */
function downloadInBrowser(bytes: Uint8Array, name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next turn; free it a little later for slow hosts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
