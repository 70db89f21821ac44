import type { Node, NodeProps } from '@xyflow/react';
import { type FocusEvent, type KeyboardEvent, memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneySnapshot, LaneSnapshot, MomentSnapshot } from '../../shared/board';
import { useBoard, useBoardReadOnly, useBoardSelector } from '../board/BoardContext';
import { useFarDrawing } from '../canvas/detail';
import { CardCell } from './CardCell';
import { EmotionLane } from './EmotionLane';
import { frameLabel, JourneyFarFrame } from './FarFrame';
import { JourneyHeader } from './JourneyHeader';
import { focusStageTitle, JourneyPopovers } from './JourneyPopovers';
import { LaneHeader } from './LaneHeader';
import {
  computeJourneyLayout,
  JOURNEY_METRICS,
  type JourneyLayout,
  type LaneBox,
  type ReverseView,
} from './layout';
import { MomentsCell } from './MomentsCell';
import { addStageTarget, isBuildingBackwards, laneDisplayTitle, stageNumbers } from './reading';
import { StageHeader } from './StageHeader';
import { shareJourney } from './stable';
import { useJourneyUi } from './uiStore';
import './journey.css';

/** Data of a journey node: the canvas passes only the id; the node reads the document itself. */
export type JourneyNodeData = { journeyId: string };
/** The React Flow node type the canvas registers as 'journey'. */
export type JourneyFlowNode = Node<JourneyNodeData, 'journey'>;

/**
 * A journey map frame: one React Flow node laying out its own grid of stages × lanes (cards,
 * the emotion curve, moments of truth) from the journey's snapshot. It subscribes to that
 * one journey, so edits elsewhere on the board do not re-render it, and inside it memoised
 * cells and cards re-render only when their own snapshot changed.
 */
export const JourneyNode = memo(function JourneyNode({ data, selected }: NodeProps<JourneyFlowNode>) {
  const raw = useBoardSelector((s) => s.journeys[data.journeyId]);
  // Keep unchanged cards, cells and stages as the same objects so memoised parts skip rendering.
  const shared = useRef<JourneySnapshot | undefined>(undefined);
  const journey = useMemo(() => {
    const next = raw && shareJourney(shared.current, raw);
    shared.current = next;
    return next;
  }, [raw]);
  const view = useJourneyUi((s) => s.reverseView[data.journeyId] ?? 'build');
  // Below the canvas's FAR_ZOOM the frame is one drawing; its cells show cards as tiles
  // below COMPACT_ZOOM (CardCell). Both switch only when the zoom crosses them, progressively.
  // Drawing the frame in detail mounts a header per stage and lane and a cell per both:
  // as much work as a few stickies per cell.
  const far = useFarDrawing(data.journeyId, journey ? (journey.stages.length * journey.lanes.length) / 3 : 1);
  // Focus inside (a field being edited) keeps the controls when zooming out past FAR_ZOOM,
  // so the draft is not dropped; the frame turns into its drawing once focus leaves.
  const [focusInside, setFocusInside] = useState(false);
  if (!journey) return null; // deleted: the canvas drops the node on its next render
  if (far && !focusInside) {
    return <JourneyFarFrame journey={journey} view={view} selected={!!selected} />;
  }
  return <JourneyFrame journey={journey} view={view} selected={!!selected} onFocusInside={setFocusInside} />;
});

function JourneyFrame({
  journey,
  view,
  selected,
  onFocusInside,
}: {
  journey: JourneySnapshot;
  view: ReverseView;
  selected: boolean;
  onFocusInside(inside: boolean): void;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  // Viewing only: no add-stage / add-lane buttons (their places in the layout stay empty).
  const readOnly = useBoardReadOnly();
  const layout = useMemo(() => computeJourneyLayout(journey, view), [journey, view]);
  const numbers = useMemo(() => stageNumbers(journey, view), [journey, view]);
  const stageOrder = useMemo(() => journey.stages.map((s) => s.id), [journey.stages]);
  const laneOrder = useMemo(() => journey.lanes.map((l) => l.id), [journey.lanes]);
  const momentsByStage = useMemo(() => groupMoments(journey.moments), [journey.moments]);
  const toBeShownByDefault = journey.state === 'to-be' || journey.stages.some((s) => s.emotion.toBe !== null);
  const m = JOURNEY_METRICS;
  const backwards = isBuildingBackwards(journey, view);

  const addStage = () => {
    const id = board.addStage(journey.id, {
      title: t('journey.stage.newTitle', { number: journey.stages.length + 1 }),
      ...addStageTarget(journey, view),
    });
    focusStageTitle(journey.id, id);
  };

  return (
    <section
      className={`jm-frame jm-kind-${journey.kind}${selected ? ' is-selected' : ''}${readOnly ? ' is-readonly' : ''}`}
      style={{ width: layout.width, height: layout.height }}
      data-journey-id={journey.id}
      onKeyDown={keepKeysInside}
      onFocus={() => onFocusInside(true)}
      onBlur={(event: FocusEvent<HTMLElement>) => {
        if (!event.currentTarget.contains(event.relatedTarget as globalThis.Node | null))
          onFocusInside(false);
      }}
      aria-label={frameLabel(journey, t)}
    >
      <JourneyHeader journey={journey} view={view} width={layout.width} height={layout.headerHeight} />

      <div
        className="jm-corner"
        style={{
          left: m.padding,
          top: layout.stageHeaderY,
          width: m.laneHeaderWidth,
          height: m.stageHeaderHeight,
        }}
      >
        {t(backwards ? 'journey.stage.cornerBackwards' : 'journey.stage.corner')}
      </div>
      {journey.stages.map((stage, i) => (
        <StageHeader
          key={stage.id}
          journeyId={journey.id}
          stage={stage}
          number={numbers[i] ?? ''}
          order={stageOrder}
          x={layout.columns[i]?.x ?? 0}
          y={layout.stageHeaderY}
          t={t}
        />
      ))}
      <div
        className="jm-add-column"
        style={{ left: layout.addColumn.x, top: layout.stageHeaderY, width: layout.addColumn.width }}
      >
        {!readOnly && (
          <button
            type="button"
            className="jm-add-stage nodrag nokey"
            aria-label={t(backwards ? 'journey.stage.addEarlier' : 'journey.stage.add')}
            title={t(backwards ? 'journey.stage.addEarlierHint' : 'journey.stage.add')}
            style={{ height: m.stageHeaderHeight }}
            onClick={addStage}
          >
            +
          </button>
        )}
      </div>
      {layout.goalColumn && (
        <div
          className="jm-goal-column"
          style={{
            left: layout.goalColumn.x,
            top: layout.stageHeaderY,
            width: layout.goalColumn.width,
            height: layout.lanesBottom - layout.stageHeaderY,
          }}
        >
          <div className="jm-goal-caption">{t('journey.reverse.goalColumn')}</div>
          <div className="jm-goal-text">
            {journey.endGoal.trim() || t('journey.reverse.endGoalPlaceholder')}
          </div>
          {journey.goalKind && (
            <div className="jm-goal-kind">{t(`journey.reverse.goalKinds.${journey.goalKind}`)}</div>
          )}
        </div>
      )}

      {layout.lanes.map((box, i) => {
        const lane = journey.lanes[i];
        return lane ? (
          <LaneRow
            key={lane.id}
            journey={journey}
            lane={lane}
            box={box}
            layout={layout}
            laneOrder={laneOrder}
            momentsByStage={momentsByStage}
            toBeShownByDefault={toBeShownByDefault}
          />
        ) : null;
      })}

      {!readOnly && (
        <div className="jm-add-lane-row" style={{ left: m.padding, top: layout.addLaneRow.y }}>
          <button
            type="button"
            className="jm-add-lane nodrag nokey"
            data-popover-trigger
            aria-haspopup="menu"
            onClick={() => {
              const ui = useJourneyUi.getState();
              if (ui.popover?.kind === 'addLane' && ui.popover.journeyId === journey.id) ui.closePopover();
              else ui.openPopover({ kind: 'addLane', journeyId: journey.id });
            }}
          >
            + {t('journey.lane.add')}
          </button>
        </div>
      )}

      <JourneyPopovers journey={journey} layout={layout} />
    </section>
  );
}

/** One lane: its header and a cell per stage (cards, the emotion curve, or moments of truth). */
function LaneRow({
  journey,
  lane,
  box,
  layout,
  laneOrder,
  momentsByStage,
  toBeShownByDefault,
}: {
  journey: JourneySnapshot;
  lane: LaneSnapshot;
  box: LaneBox;
  layout: JourneyLayout;
  laneOrder: readonly string[];
  momentsByStage: ReadonlyMap<string, MomentSnapshot[]>;
  toBeShownByDefault: boolean;
}) {
  const { t } = useTranslation();
  const title = laneDisplayTitle(lane, t);
  const firstColumn = layout.columns[0];
  return (
    <>
      <LaneHeader
        journeyId={journey.id}
        lane={lane}
        title={title}
        order={laneOrder}
        y={box.y}
        height={box.height}
        toBeShownByDefault={toBeShownByDefault}
        t={t}
      />
      {lane.type === 'emotions' ? (
        <EmotionLane
          journeyId={journey.id}
          stages={journey.stages}
          x={firstColumn?.x ?? layout.gridLeft}
          y={box.y}
          height={box.height}
          toBeShownByDefault={toBeShownByDefault}
          t={t}
        />
      ) : (
        journey.stages.map((stage, i) => {
          const column = layout.columns[i];
          if (!column) return null;
          const stageTitle = stage.title.trim() || t('journey.stage.untitled');
          return lane.type === 'moments' ? (
            <MomentsCell
              key={stage.id}
              journeyId={journey.id}
              stageId={stage.id}
              stageTitle={stageTitle}
              stageIndex={i}
              stageCount={journey.stages.length}
              moments={momentsByStage.get(stage.id)}
              x={column.x}
              y={box.y}
              height={box.height}
              t={t}
            />
          ) : (
            <CardCell
              key={stage.id}
              journeyId={journey.id}
              stageId={stage.id}
              laneId={lane.id}
              laneType={lane.type}
              stageTitle={stageTitle}
              laneTitle={title}
              cards={journey.cells[`${stage.id}:${lane.id}`]}
              x={column.x}
              y={box.y}
              height={box.height}
            />
          );
        })
      )}
    </>
  );
}

/** Keys that operate the focused control inside the frame (activate, edit, move within it). */
const CONTROL_KEYS = new Set([
  'Enter',
  ' ',
  'Delete',
  'Backspace',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/**
 * Keeps a focused control's own keys from reaching the canvas: Delete on a card must not
 * delete the whole selected frame, arrows must not nudge it, Enter must not start editing it.
 * Shortcuts with Ctrl/Cmd (undo, redo…) still reach the canvas.
 */
function keepKeysInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.target === event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
  if (CONTROL_KEYS.has(event.key)) event.stopPropagation();
}

function groupMoments(moments: readonly MomentSnapshot[]): Map<string, MomentSnapshot[]> {
  const byStage = new Map<string, MomentSnapshot[]>();
  for (const moment of moments) {
    const list = byStage.get(moment.stageId);
    if (list) list.push(moment);
    else byStage.set(moment.stageId, [moment]);
  }
  return byStage;
}
