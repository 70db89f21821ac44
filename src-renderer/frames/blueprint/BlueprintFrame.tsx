import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BlueprintColumnSnapshot,
  type BlueprintSnapshot,
  type CardSnapshot,
  cellKey,
  MAX_TITLE_LENGTH,
  type ProcessCardSnapshot,
} from '../../../shared/board';
import { useBoard, useBoardReadOnly, useBoardSelector } from '../../board/BoardContext';
import { InlineField } from '../common/InlineField';
import { useJourneyUi } from '../journey/uiStore';
import { keepKeysInside } from '../common/keys';
import type { FrameDrawingProps } from '../types';
import { BlueprintPopovers } from './BlueprintPopovers';
import { focusIn } from './focus';
import { Handoffs } from './Handoffs';
import { BLUEPRINT_METRICS, type BlueprintLayout, computeBlueprintLayout, mirroredSteps } from './layout';
import { linkedJourney, stageColumnsOf } from './place';
import { ProcessCard } from './ProcessCard';
import { blueprintLabel, columnName, laneName } from './reading';
import { togglePopover, useBlueprintUi } from './uiStore';
import './blueprint.css';

/** The blueprint's layout, from its snapshot and, when linked, its journey's columns now. */
export function useBlueprintLayout(bp: BlueprintSnapshot): {
  layout: BlueprintLayout;
  mirrors: ReadonlyMap<string, CardSnapshot[]>;
  journeyTitle: string | null;
} {
  const journey = useBoardSelector((s) => linkedJourney(s, bp));
  // A reverse map read forward draws its columns elsewhere: follow its reading.
  const view = useJourneyUi((s) => (journey ? s.reverseView[journey.id] : undefined));
  const mirrors = useMemo(() => mirroredSteps(bp, journey), [bp, journey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `view` changes where the journey draws its columns (read inside stageColumnsOf)
  const layout = useMemo(
    () => computeBlueprintLayout(bp, journey ? stageColumnsOf(journey) : null, mirrors),
    [bp, journey, mirrors, view],
  );
  return { layout, mirrors, journeyTitle: journey ? journey.title : null };
}

/**
 * A service blueprint at working zoom (DOMAIN 2.4): columns (the linked journey's stages, each
 * right under its stage, or its own) × lanes (five fixed ones and custom lanes in their zones),
 * the three lines between the zones, process cards and handoff arrows.
 */
export const BlueprintFrame = memo(function BlueprintFrame({
  record: bp,
  selected,
}: FrameDrawingProps<BlueprintSnapshot>) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const { layout, mirrors, journeyTitle } = useBlueprintLayout(bp);
  const m = BLUEPRINT_METRICS;
  const linked = bp.journeyId !== null;

  return (
    <section
      className={`jm-frame bp-frame${linked ? ' is-linked' : ''}${selected ? ' is-selected' : ''}${readOnly ? ' is-readonly' : ''}`}
      style={{ width: layout.width, height: layout.height }}
      data-blueprint-id={bp.id}
      onKeyDown={keepKeysInside}
      aria-label={blueprintLabel(bp, t)}
    >
      <header
        className="bp-header"
        style={{ left: m.padding, top: m.padding, width: layout.width - m.padding * 2 }}
      >
        <span className="bp-kind-badge">{t('blueprint.node.kind')}</span>
        <InlineField
          className="jm-title bp-title"
          value={bp.title}
          label={t('blueprint.header.title')}
          placeholder={t('blueprint.header.titlePlaceholder')}
          maxLength={MAX_TITLE_LENGTH}
          onCommit={(title) => board.updateBlueprint(bp.id, { title })}
        />
        <span className="bp-link">
          {journeyTitle !== null
            ? t('blueprint.header.linkedTo', {
                title: journeyTitle.trim() || t('blueprint.header.untitledJourney'),
              })
            : t('blueprint.header.standalone')}
        </span>
        {linked && (
          <label className="bp-mirror nodrag nokey">
            <input
              type="checkbox"
              checked={bp.mirrorSteps}
              disabled={readOnly}
              onChange={(event) => board.setBlueprintMirror(bp.id, event.target.checked)}
            />
            {t('blueprint.header.mirror')}
          </label>
        )}
        {!readOnly && (
          <button
            type="button"
            className="jm-icon-button bp-options nodrag nokey"
            data-popover-trigger
            aria-haspopup="menu"
            aria-label={t('blueprint.header.options')}
            title={t('blueprint.header.options')}
            onClick={() => togglePopover({ kind: 'options', blueprintId: bp.id })}
          >
            ⋯
          </button>
        )}
      </header>

      <div
        className="bp-corner"
        style={{
          left: m.padding,
          top: layout.columnHeaderY,
          width: m.laneHeaderWidth,
          height: m.columnHeaderHeight,
        }}
      >
        {t('blueprint.column.corner')}
      </div>
      {bp.columns.map((column, i) => {
        const box = layout.columns[i];
        return box ? (
          <ColumnHeader
            key={column.id}
            bp={bp}
            column={column}
            x={box.x}
            width={box.width}
            y={layout.columnHeaderY}
            own={!linked || column.kept}
          />
        ) : null;
      })}
      {layout.addColumnX !== null && !readOnly && (
        <button
          type="button"
          className="bp-add-column nodrag nokey"
          style={{
            left: layout.addColumnX,
            top: layout.columnHeaderY,
            width: m.addColumnWidth,
            height: m.columnHeaderHeight,
          }}
          aria-label={t('blueprint.column.add')}
          title={t('blueprint.column.add')}
          onClick={() => {
            const id = board.addBlueprintColumn(bp.id, {
              title: t('blueprint.column.newTitle', { number: bp.columns.length + 1 }),
            });
            focusIn(bp.id, `.bp-column-header[data-column-id="${CSS.escape(id)}"] input`);
          }}
        >
          +
        </button>
      )}

      {layout.lanes.map(({ lane, y, height }) => {
        const name = laneName(lane, t);
        return (
          <LaneRow
            key={lane.id}
            bp={bp}
            laneId={lane.id}
            laneKind={lane.kind}
            laneTitle={lane.title}
            name={name}
            y={y}
            height={height}
            layout={layout}
            mirrors={lane.kind === 'customer' ? mirrors : undefined}
          />
        );
      })}

      {layout.lines.map(({ line, y }) => (
        <div
          key={line}
          className={`bp-line bp-line-${line}`}
          style={{
            left: m.padding,
            top: y - m.lineBand / 2,
            width: layout.gridRight - m.padding,
            height: m.lineBand,
          }}
        >
          <span className="bp-line-label">{t(`blueprint.line.${line}`)}</span>
        </div>
      ))}

      <Handoffs bp={bp} layout={layout} mirrors={mirrors} />

      {!readOnly && (
        <div className="bp-add-lane-row" style={{ left: m.padding, top: layout.addLaneRowY }}>
          <button
            type="button"
            className="bp-add-lane nodrag nokey"
            data-popover-trigger
            aria-haspopup="menu"
            onClick={() => togglePopover({ kind: 'addLane', blueprintId: bp.id })}
          >
            + {t('blueprint.lane.add')}
          </button>
        </div>
      )}

      <BlueprintPopovers bp={bp} layout={layout} mirrors={mirrors} />
    </section>
  );
});

/** A column's header: a linked stage's title (renamed on the journey), or an own column's editable title and menu. */
const ColumnHeader = memo(function ColumnHeader({
  bp,
  column,
  x,
  width,
  y,
  own,
}: {
  bp: BlueprintSnapshot;
  column: BlueprintColumnSnapshot;
  x: number;
  width: number;
  y: number;
  own: boolean;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const m = BLUEPRINT_METRICS;
  const name = columnName(column.title, t);
  return (
    <div
      className={`bp-column-header${column.kept ? ' is-kept' : ''}`}
      data-column-id={column.id}
      style={{ left: x, top: y, width, height: m.columnHeaderHeight }}
    >
      {own ? (
        <InlineField
          className="bp-column-title"
          value={column.title}
          label={t('blueprint.column.title')}
          placeholder={t('blueprint.column.untitled')}
          onCommit={(title) => board.renameBlueprintColumn(bp.id, column.id, title)}
        />
      ) : (
        <span className="bp-column-title">{name}</span>
      )}
      {column.kept && <span className="bp-kept-note">{t('blueprint.column.kept')}</span>}
      {own && !readOnly && (
        <button
          type="button"
          className="jm-icon-button nodrag nokey"
          data-popover-trigger
          aria-haspopup="menu"
          aria-label={t('blueprint.column.options', { title: name })}
          onClick={() => togglePopover({ kind: 'column', blueprintId: bp.id, id: column.id })}
        >
          ⋯
        </button>
      )}
    </div>
  );
});

/** One lane: its header (a fixed lane's name and hint, or a custom lane's title and menu) and a cell per column. */
function LaneRow({
  bp,
  laneId,
  laneKind,
  laneTitle,
  name,
  y,
  height,
  layout,
  mirrors,
}: {
  bp: BlueprintSnapshot;
  laneId: string;
  laneKind: string;
  laneTitle: string;
  name: string;
  y: number;
  height: number;
  layout: BlueprintLayout;
  mirrors: ReadonlyMap<string, CardSnapshot[]> | undefined;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const m = BLUEPRINT_METRICS;
  const custom = laneKind === 'custom';
  return (
    <>
      <div
        className={`bp-lane-header bp-lane-${laneKind}`}
        data-lane-id={laneId}
        style={{ left: m.padding, top: y, width: m.laneHeaderWidth, height }}
      >
        {custom ? (
          <div className="bp-lane-bar">
            <InlineField
              className="bp-lane-title"
              value={laneTitle}
              label={t('blueprint.lane.title')}
              placeholder={t('blueprint.lane.newTitle')}
              onCommit={(title) => board.renameBlueprintLane(bp.id, laneId, title)}
            />
            {!readOnly && (
              <button
                type="button"
                className="jm-icon-button nodrag nokey"
                data-popover-trigger
                aria-haspopup="menu"
                aria-label={t('blueprint.lane.options', { title: name })}
                onClick={() => togglePopover({ kind: 'lane', blueprintId: bp.id, id: laneId })}
              >
                ⋯
              </button>
            )}
          </div>
        ) : (
          <>
            <span className="bp-lane-name">{name}</span>
            <span className="bp-lane-hint">{t(`blueprint.lane.hint.${laneKind}`)}</span>
          </>
        )}
      </div>
      {bp.columns.map((column, i) => {
        const box = layout.columns[i];
        if (!box) return null;
        return (
          <Cell
            key={column.id}
            blueprintId={bp.id}
            columnId={column.id}
            laneId={laneId}
            label={t('blueprint.card.addIn', { lane: name, column: columnName(column.title, t) })}
            cards={bp.cells[cellKey(column.id, laneId)]}
            mirrored={mirrors?.get(column.id)}
            x={box.x}
            width={box.width}
            y={y}
            height={height}
          />
        );
      })}
    </>
  );
}

/** A cell: mirrored journey steps (read-only), its process cards in order and the add button. */
const Cell = memo(function Cell({
  blueprintId,
  columnId,
  laneId,
  label,
  cards,
  mirrored,
  x,
  width,
  y,
  height,
}: {
  blueprintId: string;
  columnId: string;
  laneId: string;
  label: string;
  cards: readonly ProcessCardSnapshot[] | undefined;
  mirrored: readonly CardSnapshot[] | undefined;
  x: number;
  width: number;
  y: number;
  height: number;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  return (
    <div className="bp-cell" style={{ left: x, top: y, width, height }}>
      {mirrored && mirrored.length > 0 && (
        <ul className="bp-mirror-list">
          {mirrored.map((step) => (
            <li
              key={step.id}
              className="bp-mirrored"
              aria-label={t('blueprint.card.mirror', { text: step.text })}
            >
              {step.text}
            </li>
          ))}
        </ul>
      )}
      {cards && cards.length > 0 && (
        <ul className="bp-card-list">
          {cards.map((card) => (
            <li key={card.id}>
              <ProcessCard blueprintId={blueprintId} card={card} />
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <button
          type="button"
          className="bp-add-card nodrag nokey"
          aria-label={label}
          title={label}
          onClick={() => {
            const id = board.addProcessCard(blueprintId, { columnId, lane: laneId });
            useBlueprintUi.getState().openPopover({ kind: 'card', blueprintId, id });
          }}
        >
          +
        </button>
      )}
    </div>
  );
});
