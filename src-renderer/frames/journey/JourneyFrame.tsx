import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneySnapshot, LaneSnapshot, MetricSnapshot, MomentSnapshot } from '../../../shared/board';
import { useBoard, useBoardReadOnly } from '../../board/BoardContext';
import { keepKeysInside } from '../common/keys';
import type { StageMetrics } from '../../stage-metrics/journeyMetrics';
import { StageMetricDialogs } from '../../stage-metrics/StageMetricDialogs';
import { useStageMetrics } from '../../stage-metrics/useStageMetrics';
import type { FrameDrawingProps } from '../types';
import { CardCell } from './CardCell';
import { EmotionLane } from './EmotionLane';
import { frameLabel } from './FarFrame';
import { JourneyHeader } from './JourneyHeader';
import { focusStageTitle, JourneyPopovers } from './JourneyPopovers';
import { LaneHeader } from './LaneHeader';
import { computeJourneyLayout, JOURNEY_METRICS, type JourneyLayout, type LaneBox } from './layout';
import { MomentsCell } from './MomentsCell';
import { addStageTarget, isBuildingBackwards, laneDisplayTitle, stageNumbers } from './reading';
import { StageHeader } from './StageHeader';
import { useJourneyUi } from './uiStore';
import './journey.css';

/**
 * A journey map frame at working zoom: a grid of stages × lanes (cards, the emotion curve,
 * moments of truth) laid out from the journey's snapshot. The canvas's frame node hands it
 * the record (with unchanged parts kept identical by `shareJourney`), so memoised cells and
 * cards re-render only when their own snapshot changed.
 */
export const JourneyFrame = memo(function JourneyFrame({
  record: journey,
  selected,
}: FrameDrawingProps<JourneySnapshot>) {
  const view = useJourneyUi((s) => s.reverseView[journey.id] ?? 'build');
  const { t } = useTranslation();
  const board = useBoard();
  // Viewing only: no add-stage / add-lane buttons (their places in the layout stay empty).
  const readOnly = useBoardReadOnly();
  const stageMetrics = useStageMetrics(journey);
  const layout = useMemo(
    () => computeJourneyLayout(journey, view, stageMetrics.counts),
    [journey, view, stageMetrics.counts],
  );
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
            stageMetrics={stageMetrics}
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
      <StageMetricDialogs journey={journey} stageMetrics={stageMetrics} />
    </section>
  );
});

/** One lane: its header and a cell per stage (cards, the emotion curve, or moments of truth). */
function LaneRow({
  journey,
  lane,
  box,
  layout,
  laneOrder,
  momentsByStage,
  stageMetrics,
  toBeShownByDefault,
}: {
  journey: JourneySnapshot;
  lane: LaneSnapshot;
  box: LaneBox;
  layout: JourneyLayout;
  laneOrder: readonly string[];
  momentsByStage: ReadonlyMap<string, MomentSnapshot[]>;
  stageMetrics: StageMetrics;
  toBeShownByDefault: boolean;
}) {
  const { t } = useTranslation();
  const title = laneDisplayTitle(lane, journey.kind, t);
  const firstColumn = layout.columns[0];
  return (
    <>
      <LaneHeader
        journeyId={journey.id}
        journeyKind={journey.kind}
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
              metrics={
                lane.id === layout.metricsLaneId
                  ? (stageMetrics.byStage.get(stage.id) ?? NO_METRICS)
                  : undefined
              }
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

const NO_METRICS: readonly MetricSnapshot[] = [];

function groupMoments(moments: readonly MomentSnapshot[]): Map<string, MomentSnapshot[]> {
  const byStage = new Map<string, MomentSnapshot[]>();
  for (const moment of moments) {
    const list = byStage.get(moment.stageId);
    if (list) list.push(moment);
    else byStage.set(moment.stageId, [moment]);
  }
  return byStage;
}
