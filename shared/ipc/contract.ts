/**
 * The typed contract between the renderer and the Electron main process.
 *
 * Every request channel has a zod schema for its arguments; the main process validates
 * each call against it in one place (src-main/ipc/ipc-router.ts) before any handler runs.
 * Nothing here carries a file-system path from the renderer: files are picked in native
 * dialogs or named by a recent-list id that only the main process can resolve.
 *
 * Pure TypeScript + zod: imported by main, preload and renderer alike.
 */
import { z } from 'zod';
import {
  type AppInfo,
  type BoardSessionInfo,
  type HostingStatus,
  LANGUAGES,
  type NetworkInterfaceOption,
  type OpenBoardResult,
  type RecentEntry,
  type ResolveWorkshopResult,
  type SaveBoardResult,
  type SaveExportResult,
  type UnsavedChoice,
} from './api';
import {
  EXPORT_FORMAT_IDS,
  type ExportFormat,
  isSafeExportFileName,
  looksLikeFormat,
  MAX_EXPORT_BYTES,
  MAX_EXPORT_NAME_LENGTH,
} from '../export/formats';

export * from './api';
export { MAX_EXPORT_BYTES } from '../export/formats';

/** Largest board file the app reads or writes (bytes). Larger input is refused. */
export const MAX_BOARD_BYTES = 64 * 1024 * 1024;

/** Serialized `.cxboard` bytes, as produced by `serializeBoardFile`. */
export const boardBytesSchema = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength > 0, 'The board is empty.')
  .refine((bytes) => bytes.byteLength <= MAX_BOARD_BYTES, 'The board is larger than the allowed size.');

/** Id of a recent-list entry (issued by the main process). */
export const recentIdSchema = z.string().regex(/^[a-f0-9-]{8,64}$/);

export const languageSchema = z.enum(LANGUAGES);

/** Id of a network interface offered for hosting (issued by the main process). */
export const interfaceIdSchema = z.string().min(1).max(200);

/**
 * An export to save: bytes within `MAX_EXPORT_BYTES` that carry the format's signature, and a
 * plain file name with that format's extension (no folder, no characters a file system
 * refuses). The folder comes only from the native dialog.
 */
export const saveExportSchema = z
  .object({
    bytes: z
      .instanceof(Uint8Array)
      .refine((bytes) => bytes.byteLength > 0, 'The export is empty.')
      .refine((bytes) => bytes.byteLength <= MAX_EXPORT_BYTES, 'The export is larger than the allowed size.'),
    suggestedName: z.string().min(1).max(MAX_EXPORT_NAME_LENGTH),
    format: z.enum(EXPORT_FORMAT_IDS as [ExportFormat, ...ExportFormat[]]),
  })
  .strict()
  .refine((r) => isSafeExportFileName(r.suggestedName, r.format), {
    message: 'The suggested name is not a plain file name with the format’s extension.',
    path: ['suggestedName'],
  })
  .refine((r) => looksLikeFormat(r.bytes, r.format), {
    message: 'The bytes are not a file of this format.',
    path: ['bytes'],
  });

const bytesArg = z.object({ bytes: boardBytesSchema }).strict();
const noArgs = z.tuple([]);

/**
 * Request channels: name → schema of the argument list. The keys are the complete set of
 * channels the main process answers; any other channel is refused.
 */
export const requestSchemas = {
  'app:info': noArgs,
  'app:setLanguage': z.tuple([z.object({ language: languageSchema }).strict()]),
  'board:new': noArgs,
  'board:takePending': noArgs,
  'board:open': noArgs,
  'board:openRecent': z.tuple([z.object({ id: recentIdSchema }).strict()]),
  'board:save': z.tuple([bytesArg]),
  'board:saveAs': z.tuple([bytesArg]),
  'board:saveCopy': z.tuple([bytesArg]),
  'board:autosave': z.tuple([bytesArg]),
  'board:close': noArgs,
  'export:save': z.tuple([saveExportSchema]),
  'board:confirmUnsaved': noArgs,
  'window:close': noArgs,
  'recent:list': noArgs,
  'recent:remove': z.tuple([z.object({ id: recentIdSchema }).strict()]),
  'recent:clear': noArgs,
  'hosting:interfaces': noArgs,
  'hosting:start': z.tuple([
    z
      .object({
        interfaceId: interfaceIdSchema,
        port: z.number().int().min(0).max(65535).optional(),
      })
      .strict(),
  ]),
  'hosting:stop': noArgs,
  'hosting:status': noArgs,
  'workshop:resolve': z.tuple([
    z
      .object({
        /** A join link, a sync server URL, or a bare join code. */
        input: z.string().trim().min(1).max(2048),
        /** Host address (`192.168.1.20:4321`) when `input` is a bare code. */
        host: z.string().trim().max(300).optional(),
        /** Room token when the server requires one. */
        token: z.string().trim().max(4096).optional(),
      })
      .strict(),
  ]),
  'workshop:joined': z.tuple([
    z
      .object({
        room: z.string().min(1).max(200),
        serverUrl: z.string().min(1).max(2048),
      })
      .strict(),
  ]),
} as const;

export type RequestChannel = keyof typeof requestSchemas;
export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestSchemas)[C]>;

/** True when `channel` is one of the contract's request channels. */
export function isRequestChannel(channel: string): channel is RequestChannel {
  return Object.hasOwn(requestSchemas, channel);
}

/** Result type of each request channel, as the main-process handler returns it. */
export interface RequestResults {
  'app:info': AppInfo;
  'app:setLanguage': null;
  'board:new': BoardSessionInfo;
  'board:takePending': OpenBoardResult | null;
  'board:open': OpenBoardResult;
  'board:openRecent': OpenBoardResult;
  'board:save': SaveBoardResult;
  'board:saveAs': SaveBoardResult;
  'board:saveCopy': SaveBoardResult;
  'board:autosave': null;
  'board:close': null;
  'export:save': SaveExportResult;
  'board:confirmUnsaved': UnsavedChoice;
  'window:close': null;
  'recent:list': RecentEntry[];
  'recent:remove': RecentEntry[];
  'recent:clear': RecentEntry[];
  'hosting:interfaces': NetworkInterfaceOption[];
  'hosting:start': HostingStatus;
  'hosting:stop': HostingStatus;
  'hosting:status': HostingStatus;
  'workshop:resolve': ResolveWorkshopResult;
  'workshop:joined': BoardSessionInfo;
}
