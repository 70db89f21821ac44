import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { BoardDoc } from '../../shared/board';
import type { ExportFormat } from '../../shared/export/formats';
import type { RedactionOptions } from '../../shared/export/redaction';
import type { ExportScope } from './scope';

/** What the user asked to export (the dialog's "what" and switches). */
export interface ExportRequest {
  board: BoardDoc;
  scope: ExportScope;
  redaction: RedactionOptions;
  /** Board title (file name, document title). */
  title: string;
  /** UI language: exports speak it. */
  language: string;
  t: TFunction;
}

/** A running export: cancel with `signal`, report with `progress` (0..1). */
export interface ExportTaskHooks {
  signal: AbortSignal;
  progress(fraction: number): void;
}

/** Props of a format's own options in the dialog. */
export interface FormatOptionsProps<O> {
  value: O;
  onChange(value: O): void;
}

/**
 * One format of the Export dialog: which file format (`shared/export/formats.ts`), its label
 * and options, which requests it accepts, and its producer. Adding one is an entry in
 * `DIALOG_FORMATS` (registry.ts); the dialog runs it with `startExport` (progress, Cancel, save).
 */
export interface DialogFormat<O = unknown> {
  /** Tells two entries of one file format apart (e.g. `xlsx-matrix`, `xlsx-journey`); default `format`. */
  id?: string;
  format: ExportFormat;
  /** i18n key of its name in the format list. */
  labelKey: string;
  /** Whether it can export this request (e.g. a spreadsheet needs a journey frame). */
  accepts(request: ExportRequest): boolean;
  defaults: O;
  Options?: ComponentType<FormatOptionsProps<O>>;
  produce(request: ExportRequest, options: O, task: ExportTaskHooks): Promise<Uint8Array>;
}

/** Declares a dialog format; the table keeps formats without their options type. */
export function defineDialogFormat<O>(format: DialogFormat<O>): DialogFormat {
  return format as unknown as DialogFormat;
}

/** The key of a dialog format in the list: its id, or its file format. */
export function dialogFormatId(format: DialogFormat): string {
  return format.id ?? format.format;
}
