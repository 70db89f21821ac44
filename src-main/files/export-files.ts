import { basename, extname } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/export/formats';
import type { SaveExportRequest, SaveExportResult } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';

/** The native Save dialog for an export: the only place its folder comes from. */
export type ChooseExportTarget = (suggestedName: string, format: ExportFormat) => Promise<string | null>;

/**
 * Saves an export the renderer produced (arguments already validated against the contract's
 * `saveExportSchema`): asks where, adds the format's extension when the person typed a name
 * without it, and writes atomically, so an existing file is replaced whole or not at all.
 */
export async function saveExport(
  request: SaveExportRequest,
  chooseTarget: ChooseExportTarget,
  write: (target: string, bytes: Uint8Array) => Promise<void> = writeFileAtomic,
): Promise<SaveExportResult> {
  const chosen = await chooseTarget(request.suggestedName, request.format);
  if (!chosen) return { status: 'cancelled' };
  const extension = `.${EXPORT_FORMATS[request.format].extension}`;
  const target = extname(chosen).toLowerCase() === extension ? chosen : `${chosen}${extension}`;
  try {
    await write(target, request.bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'write-failed';
    return {
      status: 'failed',
      error: { code: 'export-write-failed', message: `${basename(target)}: ${code}` },
    };
  }
  return { status: 'saved', name: basename(target) };
}
