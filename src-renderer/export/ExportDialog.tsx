import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard, useSessionStore } from '../board/BoardContext';
import { canvasSelector } from '../canvas/viewModel';
import { Dialog } from '../shell/Dialog';
import { type DialogFormat, dialogFormatId, type ExportRequest } from './dialogFormats';
import './export.css';
import { startExport } from './exportTask';
import { DIALOG_FORMATS } from './registry';
import { type ExportableFrame, type ExportScope, exportableFrames } from './scope';

type What = 'selection' | 'frame' | 'board';

function useFrameLabel() {
  const { t } = useTranslation();
  const board = useBoard();
  return (frame: ExportableFrame): string => {
    if (frame.kind && frame.record) {
      try {
        return frame.kind.label(frame.record, t);
      } catch {
        return frame.id;
      }
    }
    const el = board.snapshot().elements[frame.id];
    return el?.text.trim() || t('export.what.untitledFrame');
  };
}

/**
 * The Export dialog: what (the selection, a frame, the whole board), the format (from
 * `DIALOG_FORMATS`) and its options, "redact all quotes". Export closes it and runs the
 * format with `startExport` (progress with Cancel after half a second; then the desktop Save
 * dialog or a browser download).
 */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const board = useBoard();
  const session = useSessionStore();
  const frameLabel = useFrameLabel();
  const [initial] = useState(() => {
    const canvas = canvasSelector()(board.snapshot());
    const frames = exportableFrames(canvas);
    const selection = session.getState().selection;
    const selectedFrame = selection.length === 1 ? frames.find((f) => f.id === selection[0]) : undefined;
    return { frames, selection, selectedFrame };
  });
  const { frames, selection } = initial;
  const [what, setWhat] = useState<What>(
    initial.selectedFrame ? 'frame' : selection.length > 0 ? 'selection' : 'board',
  );
  const [frameId, setFrameId] = useState(initial.selectedFrame?.id ?? frames[0]?.id ?? '');
  const [redactAllQuotes, setRedactAllQuotes] = useState(false);
  const [formatId, setFormatId] = useState<string>(dialogFormatId(DIALOG_FORMATS[0]!));
  const [optionsByFormat, setOptionsByFormat] = useState<Record<string, unknown>>({});

  const title = board.snapshot().meta.title;
  const language = i18n.language;
  const request: ExportRequest = useMemo(() => {
    const scope: ExportScope =
      what === 'selection'
        ? { kind: 'selection', ids: selection }
        : what === 'frame'
          ? { kind: 'frame', id: frameId }
          : { kind: 'board' };
    return {
      board,
      scope,
      redaction: { redactAllQuotes },
      title: title || t('start.untitledBoard'),
      language,
      t,
    };
  }, [board, what, frameId, selection, redactAllQuotes, title, language, t]);
  const formats = DIALOG_FORMATS.filter((f) => f.accepts(request));
  const format: DialogFormat | undefined = formats.find((f) => dialogFormatId(f) === formatId) ?? formats[0];
  const options = format ? (optionsByFormat[dialogFormatId(format)] ?? format.defaults) : undefined;

  const ids = useId();
  const whatName = `${ids}-what`;

  const run = () => {
    if (!format) return;
    const part =
      what === 'frame'
        ? (() => {
            const f = frames.find((x) => x.id === frameId);
            return f ? frameLabel(f) : '';
          })()
        : what === 'selection'
          ? t('export.what.selection')
          : '';
    onClose();
    void startExport({
      label: t('export.running'),
      title: part ? `${request.title} - ${part}` : request.title,
      format: format.format,
      job: (context) =>
        format.produce(request, options, {
          signal: context.signal,
          progress: (fraction) => context.progress(Math.round(fraction * 1000), 1000),
        }),
    });
  };

  return (
    <Dialog title={t('export.title')} onClose={onClose}>
      <form
        className="cx-dialog__body cx-export"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <fieldset className="cx-export__what">
          <legend>{t('export.what.label')}</legend>
          <label className="cx-export__check">
            <input
              type="radio"
              name={whatName}
              checked={what === 'selection'}
              disabled={selection.length === 0}
              onChange={() => setWhat('selection')}
            />
            {t('export.what.selectionCount', { count: selection.length })}
          </label>
          <label className="cx-export__check">
            <input
              type="radio"
              name={whatName}
              checked={what === 'frame'}
              disabled={frames.length === 0}
              onChange={() => setWhat('frame')}
            />
            {t('export.what.frame')}
          </label>
          {what === 'frame' && (
            <label className="cx-export__field cx-export__field--nested">
              <span>{t('export.what.whichFrame')}</span>
              <select value={frameId} onChange={(event) => setFrameId(event.target.value)}>
                {frames.map((f) => (
                  <option key={f.id} value={f.id}>
                    {frameLabel(f)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="cx-export__check">
            <input
              type="radio"
              name={whatName}
              checked={what === 'board'}
              onChange={() => setWhat('board')}
            />
            {t('export.what.board')}
          </label>
        </fieldset>
        <fieldset className="cx-export__how">
          <legend>{t('export.how')}</legend>
          <label className="cx-export__field">
            <span>{t('export.format.label')}</span>
            <select
              value={format ? dialogFormatId(format) : ''}
              onChange={(event) => setFormatId(event.target.value)}
            >
              {formats.map((f) => (
                <option key={dialogFormatId(f)} value={dialogFormatId(f)}>
                  {t(f.labelKey)}
                </option>
              ))}
            </select>
          </label>
          {format?.Options && (
            <format.Options
              value={options}
              onChange={(value) => setOptionsByFormat((all) => ({ ...all, [dialogFormatId(format)]: value }))}
            />
          )}
          <label className="cx-export__check">
            <input
              type="checkbox"
              checked={redactAllQuotes}
              onChange={(event) => setRedactAllQuotes(event.target.checked)}
            />
            {t('export.redactAllQuotes')}
          </label>
        </fieldset>
        <div className="cx-dialog__buttons">
          <button type="button" className="cx-button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="cx-button cx-button--primary" disabled={!format}>
            {t('export.run')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The top bar's "Export…" button and its dialog. */
export function ExportButton({ className }: { className: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('export.open')}
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
