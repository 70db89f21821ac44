import type { TFunction } from 'i18next';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, type MatrixSnapshot } from '../../../shared/board';
import {
  MATRIX_FILTERS,
  MATRIX_SORTS,
  type MatrixFilter,
  type MatrixSort,
  projectMatrix,
} from '../../../shared/matrix';
import { AI_PRIORITY_FORMULA } from '../../../shared/metrics';
import { useBoard, useBoardReadOnly, useBoardSelector } from '../../board/BoardContext';
import { keepKeysInside } from '../common/keys';
import { InlineField } from '../common/InlineField';
import type { FrameDrawingProps } from '../types';
import { MATRIX_METRICS, matrixNodeSize } from './layout';
import { MatrixChart } from './MatrixChart';
import { attemptEdit, MatrixTable } from './MatrixTable';
import { NotToDoList } from './NotToDo';
import { MATRIX_VIEWS, useMatrixUi, useMatrixView } from './uiStore';
import './matrix.css';

/** The frame's accessible name: "AI matrix: <title>". */
export function matrixLabel(matrix: Pick<MatrixSnapshot, 'title'>, t: TFunction): string {
  const title = matrix.title.trim().slice(0, 80);
  return title ? t('canvas.node.named', { kind: t('matrix.node.kind'), text: title }) : t('matrix.node.kind');
}

/**
 * An AI-automation matrix at working zoom (DOMAIN 2.6): a header (title, the journey it
 * follows, the view switch, sort and filter, the priority formula) over one of three views —
 * the table, the 2×2 chart, the not-to-do list. Rows come from `projectMatrix`, so they follow
 * the journey's stages live; the view, sort and filter are this person's session state.
 */
export const MatrixFrame = memo(function MatrixFrame({
  record: matrix,
  selected,
}: FrameDrawingProps<MatrixSnapshot>) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const journey = useBoardSelector((s) =>
    Object.hasOwn(s.journeys, matrix.journeyId) ? s.journeys[matrix.journeyId] : undefined,
  );
  const metrics = useBoardSelector((s) => s.metrics);
  const { view, sort, filter } = useMatrixView(matrix.id);
  const source = useMemo(
    () =>
      journey ? { matrices: { [matrix.id]: matrix }, journeys: { [journey.id]: journey }, metrics } : null,
    [matrix, journey, metrics],
  );
  // The table is sorted and filtered as asked; the chart and the not-to-do list show every stage.
  const projection = useMemo(
    () => (source ? projectMatrix(source, matrix.id, { sort, filter }) : null),
    [source, matrix.id, sort, filter],
  );
  const all = useMemo(() => (source ? projectMatrix(source, matrix.id) : null), [source, matrix.id]);
  const size = matrixNodeSize(matrix);
  const m = MATRIX_METRICS;
  const setView = (patch: Parameters<ReturnType<typeof useMatrixUi.getState>['setView']>[1]) =>
    useMatrixUi.getState().setView(matrix.id, patch);
  const bodyTop = m.padding + m.headerHeight;

  return (
    <section
      className={`mx-frame${selected ? ' is-selected' : ''}${readOnly ? ' is-readonly' : ''}`}
      style={{ width: size.width, height: size.height }}
      data-matrix-id={matrix.id}
      aria-label={matrixLabel(matrix, t)}
      onKeyDown={keepKeysInside}
    >
      <header className="mx-header" style={{ left: m.padding, top: m.padding, height: m.headerHeight }}>
        <div className="mx-header-row">
          <span className="mx-kind-badge">{t('matrix.node.kind')}</span>
          <InlineField
            className="mx-title"
            value={matrix.title}
            label={t('matrix.header.title')}
            placeholder={t('matrix.header.titlePlaceholder')}
            maxLength={MAX_TITLE_LENGTH}
            onCommit={(title) => attemptEdit(() => board.updateMatrix(matrix.id, { title }), t)}
          />
          <span className="mx-journey">
            {t('matrix.header.journey', {
              title: journey?.title.trim() || t('matrix.header.journeyUntitled'),
            })}
          </span>
        </div>
        <div className="mx-header-row">
          <fieldset className="mx-views">
            <legend className="mx-sr-only">{t('matrix.header.views')}</legend>
            {MATRIX_VIEWS.map((v) => (
              <button
                key={v}
                type="button"
                className="nodrag nokey"
                aria-pressed={view === v}
                onClick={() => setView({ view: v })}
              >
                {t(`matrix.view.${v}`)}
                {v === 'notToDo' && projection ? ` (${projection.notToDo.length})` : ''}
              </button>
            ))}
          </fieldset>
          {view === 'table' && (
            <>
              <label className="mx-header-field">
                <span>{t('matrix.header.sort')}</span>
                <select
                  className="nodrag nokey"
                  value={sort}
                  onChange={(event) => setView({ sort: event.target.value as MatrixSort })}
                >
                  {MATRIX_SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`matrix.sort.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="mx-header-field">
                <span>{t('matrix.header.filter')}</span>
                <select
                  className="nodrag nokey"
                  value={filter}
                  onChange={(event) => setView({ filter: event.target.value as MatrixFilter })}
                >
                  {MATRIX_FILTERS.map((f) => (
                    <option key={f} value={f}>
                      {t(`matrix.filter.${f}`)}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
        </div>
        <p className="mx-formula">{t('matrix.priority.formula', AI_PRIORITY_FORMULA.params)}</p>
      </header>
      {projection && view === 'table' && (
        <MatrixTable matrixId={matrix.id} rows={projection.rows} top={bodyTop} />
      )}
      {all && view === 'chart' && (
        <div className="mx-body" style={{ left: m.padding, top: bodyTop }}>
          <MatrixChart rows={all.rows} />
        </div>
      )}
      {projection && view === 'notToDo' && (
        <div className="mx-body nowheel" style={{ left: m.padding, top: bodyTop, bottom: m.padding }}>
          <NotToDoList rows={projection.notToDo} />
        </div>
      )}
      {projection && projection.detached.length > 0 && (
        <p className="mx-detached" style={{ left: m.padding, bottom: m.padding }}>
          {t('matrix.detached', { count: projection.detached.length })}
        </p>
      )}
    </section>
  );
});
