import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readSheetFile } from '../../shared/export/journey-files';
import {
  addJourneyFromDraft,
  type JourneyDraft,
  parseJourneySheet,
  type SheetIssue,
} from '../../shared/export/journey-sheet';
import { exportLabels } from '../../shared/export/labels';
import { useBoard, useBoardReadOnly } from '../board/BoardContext';
import { Dialog } from '../shell/Dialog';
import { notify } from '../shell/notices';

type Preview =
  | { kind: 'draft'; name: string; draft: JourneyDraft }
  | { kind: 'issues'; name: string; issues: SheetIssue[] }
  | { kind: 'unreadable'; name: string; message: string };

/** Where an imported map goes: below everything on the board, so it covers nothing. */
function freePlace(board: ReturnType<typeof useBoard>): { x: number; y: number } {
  const snapshot = board.snapshot();
  const bottoms = [
    ...Object.values(snapshot.elements).map((e) => e.y + e.height),
    ...Object.values(snapshot.journeys).map((j) => j.y + 200 * (j.lanes.length + 2)),
    ...Object.values(snapshot.matrices).map((m) => m.y + 100 * (m.rows.length + 2)),
  ];
  return { x: 0, y: bottoms.length ? Math.max(...bottoms) + 200 : 0 };
}

/**
 * "Import a journey…" (top bar): pick an XLSX or CSV laid out as the journey export (first
 * row stages, first column lanes in ru or en), see a preview or the problems row by row, and
 * only on confirm the map is added (one undo step). Nothing changes before that.
 */
export function ImportJourneyButton({ className }: { className: string }) {
  const { t, i18n } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  if (readOnly) return null;

  const read = async (file: File) => {
    const kind = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
    const sheet = await readSheetFile(new Uint8Array(await file.arrayBuffer()), kind);
    const name = file.name.replace(/\.(xlsx|csv)$/i, '');
    if (!sheet.ok) {
      setPreview({ kind: 'unreadable', name: file.name, message: t(`importJourney.read.${sheet.code}`) });
      return;
    }
    const parsed = parseJourneySheet(sheet.rows);
    setPreview(
      parsed.ok
        ? { kind: 'draft', name: sheet.name || name, draft: parsed.draft }
        : { kind: 'issues', name: file.name, issues: parsed.issues },
    );
  };
  const choose = () => input.current?.click();
  const confirm = (p: Extract<Preview, { kind: 'draft' }>) => {
    addJourneyFromDraft(board, p.draft, { title: p.name, ...freePlace(board) });
    setPreview(null);
    notify(t('importJourney.added', { name: p.name }));
  };
  const laneTypes = exportLabels(i18n.language.startsWith('ru') ? 'ru' : 'en').journey.laneTypes;

  return (
    <>
      <button type="button" className={className} onClick={choose}>
        {t('importJourney.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label={t('importJourney.file')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void read(file);
        }}
      />
      {preview && (
        <Dialog title={t('importJourney.title')} onClose={() => setPreview(null)}>
          <div className="cx-dialog__body cx-import">
            {preview.kind === 'draft' ? (
              <>
                <p>
                  {t('importJourney.summary', {
                    name: preview.name,
                    stages: preview.draft.stages.length,
                    lanes: preview.draft.lanes.length,
                    moments: preview.draft.moments.length,
                  })}
                </p>
                <table className="cx-import__preview" aria-label={t('importJourney.preview')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('importJourney.lane')}</th>
                      {preview.draft.stages.map((s, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: stage titles may repeat; the column is its position
                        <th key={i} scope="col">
                          {s.title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.draft.lanes.map((lane, l) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: lanes are rows of the sheet, by position
                      <tr key={l}>
                        <th scope="row">{lane.title || laneTypes[lane.type]}</th>
                        {lane.cells.map((cards, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a cell is a stage position
                          <td key={i}>{cards.join(' · ')}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : preview.kind === 'issues' ? (
              <>
                <p>{t('importJourney.hasIssues', { name: preview.name, count: preview.issues.length })}</p>
                <ul className="cx-import__issues" aria-label={t('importJourney.issues')}>
                  {preview.issues.map((issue, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: issues are listed in sheet order
                    <li key={i}>
                      {t('importJourney.row', { row: issue.row })}
                      {issue.column ? `, ${t('importJourney.column', { column: issue.column })}` : ''}:{' '}
                      {t(`importJourney.issue.${issue.code}`, { value: issue.value ?? '' })}
                    </li>
                  ))}
                </ul>
                <p>{t('importJourney.nothingChanged')}</p>
              </>
            ) : (
              <p role="alert">
                {preview.name}: {preview.message}
              </p>
            )}
          </div>
          <div className="cx-dialog__buttons">
            <button type="button" className="cx-button" onClick={() => setPreview(null)}>
              {t('importJourney.cancel')}
            </button>
            {preview.kind === 'draft' ? (
              <button type="button" className="cx-button cx-button--primary" onClick={() => confirm(preview)}>
                {t('importJourney.confirm')}
              </button>
            ) : (
              <button type="button" className="cx-button cx-button--primary" onClick={choose}>
                {t('importJourney.another')}
              </button>
            )}
          </div>
        </Dialog>
      )}
    </>
  );
}
