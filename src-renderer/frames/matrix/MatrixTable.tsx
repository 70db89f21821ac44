import type { TFunction } from 'i18next';
import { type KeyboardEvent, memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BoardCommandError,
  MATRIX_COLUMNS,
  MATRIX_DECISIONS,
  type MatrixColumn,
  type MatrixDecision,
  type MatrixRowPatch,
} from '../../../shared/board';
import type { MatrixRowView } from '../../../shared/matrix';
import { AI_HUMAN_FIT_CAP, AI_HUMAN_REASONS, AI_RISKS, type AiHumanReason } from '../../../shared/metrics';
import { useBoard, useBoardReadOnly } from '../../board/BoardContext';
import { notify } from '../../shell/notices';
import { LineField, ScoreField, TextCell } from './fields';
import { handleNavKey, navControlOf } from './gridNav';
import { COLUMN_LEFT, COLUMN_WIDTHS, MATRIX_METRICS, TABLE_COLUMNS, type TableColumn } from './layout';
import { SuggestButton } from './Suggestions';

/** A stage's title as shown (untitled stages get a placeholder). */
export function stageName(title: string, t: TFunction): string {
  return title.trim() || t('matrix.stageUntitled');
}

/** Rounds a priority for display (0..100, whole numbers). */
export function shownPriority(priority: number): string {
  return String(Math.round(priority));
}

/** Runs a row command; a refusal (the stage deleted meanwhile by someone else) is reported, not thrown. */
export function attemptEdit(fn: () => void, t: TFunction): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof BoardCommandError) notify(t('matrix.error.save'), 'error');
    else throw error;
  }
}

/** Places of each control in a row for the spreadsheet keys (gaps are fine). */
const NAV = {
  targetMoment: 1,
  momentPick: 2,
  today: 3,
  handToAi: 4,
  metricPick: 5,
  metric: 6,
  companyValue: 7,
  clientValue: 8,
  pain: 9,
  money: 10,
  fit: 11,
  human: 12,
  humanReasonKind: 13,
  humanReason: 14,
  risk: 15, // 15..17, one per risk kind
  risks: 18,
  decision: 19,
  suggest: 20,
} as const;

/**
 * The matrix as a table on the canvas: the stage, the method's six columns, the scores, the
 * human-must-stay flag, risks, decision and priority, one row per stage in the order asked
 * (stage order or priority; a view, never written). Spreadsheet keys move between cells.
 */
export function MatrixTable({
  matrixId,
  rows,
  top,
}: {
  matrixId: string;
  rows: readonly MatrixRowView[];
  top: number;
}) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLTableElement>(null);
  const m = MATRIX_METRICS;

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    if (!rootRef.current || event.ctrlKey || event.metaKey || event.altKey) return;
    const result = handleNavKey(rootRef.current, target, event.key, event.shiftKey);
    if (result === 'none') return;
    const kind = navControlOf(target).kind;
    if (result === 'moved' || kind === 'select' || kind === 'check' || event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
    }
    // Enter on the last row commits the text where it is.
    if (result === 'edge' && event.key === 'Enter') target.blur();
  };

  return (
    <table
      className="mx-table"
      aria-label={t('matrix.view.table')}
      style={{ left: m.padding, top }}
      ref={rootRef}
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr className="mx-row mx-head" style={{ height: m.columnHeaderHeight }}>
          {TABLE_COLUMNS.map((column) => (
            <th
              key={column}
              scope="col"
              className={`mx-cell mx-col-${column}`}
              style={{ left: COLUMN_LEFT[column], width: COLUMN_WIDTHS[column] }}
              title={
                column === 'pain' || column === 'money' || column === 'fit'
                  ? t(`matrix.columnHint.${column}`)
                  : undefined
              }
            >
              {t(`matrix.column.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((view, index) => (
          <MatrixRow key={view.row.stageId} matrixId={matrixId} view={view} index={index} />
        ))}
      </tbody>
    </table>
  );
}

function cellStyle(column: TableColumn) {
  return { left: COLUMN_LEFT[column], width: COLUMN_WIDTHS[column] };
}

/** One stage's row. Memoised: re-renders only when its projected row changed. */
const MatrixRow = memo(function MatrixRow({
  matrixId,
  view,
  index,
}: {
  matrixId: string;
  view: MatrixRowView;
  index: number;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const { row } = view;
  const stage = stageName(row.stageTitle, t);
  const nav = (place: number) => `${index}:${place}`;
  const label = (column: TableColumn) => t('matrix.cell', { column: t(`matrix.column.${column}`), stage });
  const setCell = (column: MatrixColumn, text: string) =>
    attemptEdit(() => board.setMatrixCell(matrixId, row.stageId, column, text), t);
  const update = (patch: MatrixRowPatch) =>
    attemptEdit(() => board.updateMatrixRow(matrixId, row.stageId, patch), t);

  return (
    <tr
      className={`mx-row${view.hints.length > 0 ? ' has-hints' : ''}`}
      data-stage-id={row.stageId}
      style={{ top: MATRIX_METRICS.columnHeaderHeight + index * MATRIX_METRICS.rowHeight }}
    >
      <th scope="row" className="mx-cell mx-col-stage" style={cellStyle('stage')}>
        <span className="mx-stage-number">{view.stageIndex + 1}</span>
        <span className="mx-stage-title">{stage}</span>
        {view.hints.length > 0 && (
          <ul className="mx-hints" aria-label={t('matrix.hint.list', { stage })}>
            {view.hints.map((hint) => (
              <li key={hint} className={`mx-hint mx-hint-${hint}`}>
                {t(`matrix.hint.${hint}`, { cap: AI_HUMAN_FIT_CAP })}
              </li>
            ))}
          </ul>
        )}
      </th>
      {MATRIX_COLUMNS.map((column) => (
        <td key={column} className={`mx-cell mx-col-${column}`} style={cellStyle(column)}>
          {column === 'metric' && (
            <MetricPicker view={view} stage={stage} readOnly={readOnly} update={update} nav={nav} />
          )}
          <TextCell
            value={row.cells[column]}
            label={label(column)}
            nav={nav(NAV[column])}
            readOnly={readOnly}
            placeholder={column === 'metric' ? t('matrix.metric.freeTextPlaceholder') : undefined}
            className={column === 'metric' || column === 'targetMoment' ? 'is-short' : undefined}
            onCommit={(text) => setCell(column, text)}
          />
          {column === 'targetMoment' && view.moments.length > 0 && !readOnly && (
            <MomentPicker view={view} stage={stage} nav={nav} setCell={setCell} />
          )}
        </td>
      ))}
      {(['pain', 'money', 'fit'] as const).map((score) => (
        <td key={score} className={`mx-cell mx-col-${score}`} style={cellStyle(score)}>
          <ScoreField
            value={row[score]}
            label={label(score)}
            description={t(`matrix.columnHint.${score}`)}
            nav={nav(NAV[score])}
            readOnly={readOnly}
            placeholder={t('matrix.score.placeholder')}
            onCommit={(value) => update({ [score]: value })}
          />
        </td>
      ))}
      <td className="mx-cell mx-col-human" style={cellStyle('human')}>
        <label className="mx-check">
          <input
            type="checkbox"
            className="nodrag nokey"
            data-mx-nav={nav(NAV.human)}
            checked={row.humanMustStay}
            disabled={readOnly}
            aria-label={t('matrix.human.flag', { stage })}
            onChange={(event) => update({ humanMustStay: event.target.checked })}
          />
          <span aria-hidden="true">{t('matrix.column.human')}</span>
        </label>
        <select
          className="nodrag nokey"
          data-mx-nav={nav(NAV.humanReasonKind)}
          aria-label={t('matrix.human.reason', { stage })}
          value={row.humanReasonKind ?? ''}
          disabled={readOnly}
          onChange={(event) =>
            update({
              humanReasonKind: event.target.value === '' ? null : (event.target.value as AiHumanReason),
            })
          }
        >
          <option value="">{t('matrix.human.reasonUnset')}</option>
          {AI_HUMAN_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`matrix.humanReason.${reason}`)}
            </option>
          ))}
        </select>
        <LineField
          value={row.humanReason}
          label={t('matrix.human.note', { stage })}
          placeholder={t('matrix.human.notePlaceholder')}
          nav={nav(NAV.humanReason)}
          readOnly={readOnly}
          onCommit={(humanReason) => update({ humanReason })}
        />
      </td>
      <td className="mx-cell mx-col-risks" style={cellStyle('risks')}>
        <fieldset className="mx-risks">
          <legend className="mx-sr-only">{t('matrix.risk.group', { stage })}</legend>
          {AI_RISKS.map((risk, i) => (
            <label key={risk} className="mx-check">
              <input
                type="checkbox"
                className="nodrag nokey"
                data-mx-nav={nav(NAV.risk + i)}
                checked={row.riskKinds.includes(risk)}
                disabled={readOnly}
                onChange={(event) =>
                  update({
                    riskKinds: AI_RISKS.filter((r) =>
                      r === risk ? event.target.checked : row.riskKinds.includes(r),
                    ),
                  })
                }
              />
              <span>{t(`matrix.riskKind.${risk}`)}</span>
            </label>
          ))}
        </fieldset>
        <LineField
          value={row.risks}
          label={t('matrix.risk.note', { stage })}
          placeholder={t('matrix.risk.notePlaceholder')}
          nav={nav(NAV.risks)}
          readOnly={readOnly}
          onCommit={(risks) => update({ risks })}
        />
      </td>
      <td className="mx-cell mx-col-decision" style={cellStyle('decision')}>
        <select
          className={`nodrag nokey mx-decision is-${row.decision ?? 'unset'}`}
          data-mx-nav={nav(NAV.decision)}
          aria-label={t('matrix.decision.label', { stage })}
          value={row.decision ?? ''}
          disabled={readOnly}
          onChange={(event) =>
            update({ decision: event.target.value === '' ? null : (event.target.value as MatrixDecision) })
          }
        >
          <option value="">{t('matrix.decision.unset')}</option>
          {MATRIX_DECISIONS.map((decision) => (
            <option key={decision} value={decision}>
              {t(`matrix.decision.${decision}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="mx-cell mx-col-priority" style={cellStyle('priority')}>
        <PriorityCell view={view} />
      </td>
      <td className="mx-cell mx-col-suggest" style={cellStyle('suggest')}>
        {!readOnly && (
          <SuggestButton
            matrixId={matrixId}
            stageId={row.stageId}
            stage={stage}
            stageTitle={row.stageTitle}
            current={row.cells.handToAi}
            nav={nav(NAV.suggest)}
            onPick={(text) => setCell('handToAi', text)}
          />
        )}
      </td>
    </tr>
  );
});

/** The priority and its working (pain × money × fit, and the cap when a human must stay). */
function PriorityCell({ view }: { view: MatrixRowView }) {
  const { t } = useTranslation();
  const details = view.priorityDetails;
  if (view.priority === null || !details)
    return (
      <span className="mx-priority is-unscored" title={t('matrix.priority.unscoredHint')}>
        {t('matrix.priority.unscored')}
        <span className="mx-sr-only">{t('matrix.priority.unscoredHint')}</span>
      </span>
    );
  return (
    <span className="mx-priority" data-priority={Math.round(view.priority)}>
      <strong>{shownPriority(view.priority)}</strong>
      <small>
        {t('matrix.priority.working', {
          pain: details.pain,
          money: details.money,
          fit: details.effectiveFit,
          product: details.product,
        })}
      </small>
      {details.capped && (
        <small className="mx-capped">{t('matrix.priority.capped', { cap: AI_HUMAN_FIT_CAP })}</small>
      )}
    </span>
  );
}

/** Picks one of the stage's moments of truth as the target moment (writes its text into the cell). */
function MomentPicker({
  view,
  stage,
  nav,
  setCell,
}: {
  view: MatrixRowView;
  stage: string;
  nav(place: number): string;
  setCell(column: MatrixColumn, text: string): void;
}) {
  const { t } = useTranslation();
  const texts = view.moments.map((moment) =>
    t('matrix.moment.item', { type: moment.type, text: moment.target.trim() || t('matrix.moment.empty') }),
  );
  return (
    <select
      className="nodrag nokey mx-pick"
      data-mx-nav={nav(NAV.momentPick)}
      aria-label={t('matrix.moment.pick', { stage })}
      value=""
      onChange={(event) => {
        const i = Number(event.target.value);
        const moment = view.moments[i];
        if (moment) setCell('targetMoment', texts[i]!);
      }}
    >
      <option value="">{t('matrix.moment.choose')}</option>
      {view.moments.map((moment, i) => (
        <option key={moment.id} value={i}>
          {texts[i]}
        </option>
      ))}
    </select>
  );
}

/** Links one of the stage's metrics and shows its current value and target. */
function MetricPicker({
  view,
  stage,
  readOnly,
  update,
  nav,
}: {
  view: MatrixRowView;
  stage: string;
  readOnly: boolean;
  update(patch: MatrixRowPatch): void;
  nav(place: number): string;
}) {
  const { t, i18n } = useTranslation();
  const format = (value: number | null) =>
    value === null ? t('matrix.metric.unset') : new Intl.NumberFormat(i18n.language).format(value);
  const metric = view.metric;
  return (
    <div className="mx-metric">
      <select
        className="nodrag nokey mx-pick"
        data-mx-nav={nav(NAV.metricPick)}
        aria-label={t('matrix.metric.pick', { stage })}
        value={metric?.id ?? ''}
        disabled={readOnly || view.stageMetrics.length === 0}
        onChange={(event) => update({ metricId: event.target.value || null })}
      >
        <option value="">
          {view.stageMetrics.length === 0 ? t('matrix.metric.noneOnStage') : t('matrix.metric.none')}
        </option>
        {view.stageMetrics.map((m) => (
          <option key={m.id} value={m.id}>
            {metricName(m, t)}
          </option>
        ))}
      </select>
      {metric && (
        <span className="mx-metric-values">
          {t('matrix.metric.values', { current: format(metric.current), target: format(metric.target) })}
          {metric.unit ? ` ${metric.unit}` : ''}
        </span>
      )}
    </div>
  );
}

/** A metric's name as listed: its own name, else its kind's name (the Metrics lane's words). */
export function metricName(metric: { name: string; kind: string }, t: TFunction): string {
  return (
    metric.name.trim() || t(`metrics.kind.${metric.kind}.name`, { defaultValue: metric.kind.toUpperCase() })
  );
}
