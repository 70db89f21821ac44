import { type KeyboardEvent, type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type JourneySnapshot, LANE_TYPES } from '../../../shared/board';
import { useBoard, useBoardReadOnly, useSessionStore } from '../../board/BoardContext';
import { addBlueprintUnder } from '../blueprint/create';
import { CardEditor, MomentEditor } from './editors';
import { ConfirmLane, ConfirmStage } from './confirms';
import { blueprintCardsInStage, stageContent, stageDeleteNeedsConfirmation } from './content';
import { cardPosition, JOURNEY_METRICS, type JourneyLayout } from './layout';
import { Menu } from '../common/Menu';
import { laneDisplayTitle, laneTypeName } from './reading';
import { stepTarget } from './dragTargets';
import { type JourneyPopover, useJourneyUi } from './uiStore';

/** Where a popover sits in the frame, or null when what it edits is gone (deleted, undone). */
function anchorOf(
  popover: JourneyPopover,
  journey: JourneySnapshot,
  layout: JourneyLayout,
): { x: number; y: number } | null {
  const m = JOURNEY_METRICS;
  switch (popover.kind) {
    case 'card': {
      for (const [key, cards] of Object.entries(journey.cells)) {
        const index = cards.findIndex((c) => c.id === popover.id);
        if (index < 0) continue;
        const [stageId = '', laneId = ''] = key.split(':');
        const at = cardPosition(layout, stageId, laneId, index);
        return at && { x: at.x + m.stageWidth - m.cellPadding, y: at.y };
      }
      return null;
    }
    case 'moment': {
      const moment = journey.moments.find((mo) => mo.id === popover.id);
      const lane = layout.lanes.find((l) => l.type === 'moments');
      if (!moment || !lane) return null;
      const index = journey.moments.filter((mo) => mo.stageId === moment.stageId).indexOf(moment);
      const at = cardPosition(layout, moment.stageId, lane.laneId, index);
      return at && { x: at.x + m.stageWidth - m.cellPadding, y: at.y };
    }
    case 'stageMenu':
    case 'confirmStage': {
      const column = layout.columns.find((c) => c.stageId === popover.id);
      return column ? { x: column.x + m.stageWidth - 200, y: layout.stageHeaderY + 32 } : null;
    }
    case 'laneMenu':
    case 'confirmLane': {
      const lane = layout.lanes.find((l) => l.laneId === popover.id);
      return lane ? { x: m.padding + m.laneHeaderWidth - 40, y: lane.y + 32 } : null;
    }
    case 'addLane':
      return { x: m.padding, y: layout.addLaneRow.y + layout.addLaneRow.height - 4 };
    case 'journeyMenu':
      return { x: Math.max(m.padding, layout.width - 280), y: m.padding + 44 };
  }
}

/** Popovers that only change the map (menus, confirmations): none of them opens for a viewer. */
function isEditingOnly(popover: JourneyPopover): boolean {
  return popover.kind !== 'card' && popover.kind !== 'moment';
}

/**
 * The frame's popover layer: the one open menu, editor or confirmation, positioned from
 * the layout next to what it edits. Outside clicks and Escape close it; Escape and menu
 * choices give focus back to the button that opened it. On a board open for viewing only,
 * card and moment details show for reading and nothing else opens.
 */
export function JourneyPopovers({ journey, layout }: { journey: JourneySnapshot; layout: JourneyLayout }) {
  const readOnly = useBoardReadOnly();
  const open = useJourneyUi((s) => (s.popover?.journeyId === journey.id ? s.popover : null));
  const popover = open && readOnly && isEditingOnly(open) ? null : open;
  const boxRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const anchor = popover ? anchorOf(popover, journey, layout) : null;

  // Remember the opener when a popover opens; one popover replacing another (a menu item
  // opening a confirmation) keeps the original opener.
  useLayoutEffect(() => {
    const active = document.activeElement as HTMLElement | null;
    // (By now the item that was clicked may be gone, leaving focus on <body>.)
    if (popover && active && active !== document.body && !boxRef.current?.contains(active)) {
      returnFocus.current = active;
    }
  }, [popover]);

  useEffect(() => {
    if (!popover) return;
    if (!anchor) {
      useJourneyUi.getState().closePopover(); // its subject is gone
      return;
    }
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element | null;
      if (boxRef.current?.contains(target) || target?.closest?.('[data-popover-trigger]')) return;
      useJourneyUi.getState().closePopover();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [popover, anchor]);

  if (!popover || !anchor) return null;

  const close = (restoreFocus = true) => {
    useJourneyUi.getState().closePopover();
    const opener = returnFocus.current;
    if (restoreFocus && opener?.isConnected) requestAnimationFrame(() => opener.focus());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Escape bubbling from the controls inside the popover
    <div
      ref={boxRef}
      className="jm-popover nodrag nowheel nokey"
      style={{ left: anchor.x, top: anchor.y }}
      onKeyDown={onKeyDown}
    >
      <PopoverContent popover={popover} journey={journey} close={close} />
    </div>
  );
}

function PopoverContent({
  popover,
  journey,
  close,
}: {
  popover: JourneyPopover;
  journey: JourneySnapshot;
  close(restoreFocus?: boolean): void;
}): ReactNode {
  const { t } = useTranslation();
  const board = useBoard();
  const session = useSessionStore();
  const ui = useJourneyUi.getState;

  switch (popover.kind) {
    case 'card':
      return <CardEditor journey={journey} cardId={popover.id} close={close} />;
    case 'moment':
      return <MomentEditor journey={journey} momentId={popover.id} close={close} />;
    case 'confirmStage':
      return <ConfirmStage journey={journey} stageId={popover.id} close={close} />;
    case 'confirmLane':
      return <ConfirmLane journey={journey} laneId={popover.id} close={close} />;
    case 'stageMenu': {
      const stage = journey.stages.find((s) => s.id === popover.id);
      if (!stage) return null;
      const order = journey.stages.map((s) => s.id);
      const title = stage.title.trim() || t('journey.stage.untitled');
      const add = (where: 'before' | 'after') => {
        const id = board.addStage(journey.id, {
          title: t('journey.stage.newTitle', { number: journey.stages.length + 1 }),
          [where]: stage.id,
        });
        close(false);
        focusStageTitle(journey.id, id);
      };
      const move = (direction: -1 | 1) => {
        const target = stepTarget(order, stage.id, direction);
        if (target) board.moveStage(journey.id, stage.id, target);
        close();
      };
      const remove = () => {
        const snapshot = board.snapshot();
        const metrics = Object.values(snapshot.metrics).filter(
          (m) => m.journeyId === journey.id && m.stageId === stage.id,
        ).length;
        const hasMatrix = Object.values(snapshot.matrices).some((m) => m.journeyId === journey.id);
        const processCards = blueprintCardsInStage(snapshot, journey.id, stage.id);
        if (stageDeleteNeedsConfirmation(stageContent(journey, stage.id), metrics, hasMatrix, processCards)) {
          ui().openPopover({ kind: 'confirmStage', journeyId: journey.id, id: stage.id });
        } else {
          board.deleteStage(journey.id, stage.id);
          close(false);
        }
      };
      return (
        <Menu
          label={t('journey.stage.options', { title })}
          onClose={close}
          items={[
            { label: t('journey.stage.addBefore'), onSelect: () => add('before') },
            { label: t('journey.stage.addAfter'), onSelect: () => add('after') },
            { label: t('journey.stage.moveLeft'), onSelect: () => move(-1), disabled: order[0] === stage.id },
            {
              label: t('journey.stage.moveRight'),
              onSelect: () => move(1),
              disabled: order.at(-1) === stage.id,
            },
            { label: t('journey.stage.delete'), danger: true, onSelect: remove },
          ]}
        />
      );
    }
    case 'laneMenu': {
      const lane = journey.lanes.find((l) => l.id === popover.id);
      if (!lane) return null;
      const order = journey.lanes.map((l) => l.id);
      const move = (direction: -1 | 1) => {
        const target = stepTarget(order, lane.id, direction);
        if (target) board.moveLane(journey.id, lane.id, target);
        close();
      };
      return (
        <Menu
          label={t('journey.lane.options', { title: laneDisplayTitle(lane, journey.kind, t) })}
          onClose={close}
          items={[
            { label: t('journey.lane.moveUp'), onSelect: () => move(-1), disabled: order[0] === lane.id },
            {
              label: t('journey.lane.moveDown'),
              onSelect: () => move(1),
              disabled: order.at(-1) === lane.id,
            },
            {
              label: t('journey.lane.delete'),
              danger: true,
              onSelect: () => ui().openPopover({ kind: 'confirmLane', journeyId: journey.id, id: lane.id }),
            },
          ]}
        />
      );
    }
    case 'journeyMenu':
      return (
        <Menu
          label={t('blueprint.journey.menu', {
            title: journey.title.trim() || t('journey.header.titlePlaceholder'),
          })}
          onClose={close}
          items={[
            {
              label: t('blueprint.journey.addBelow'),
              onSelect: () => {
                close(false);
                addBlueprintUnder(board, session, journey.id, t('blueprint.picker.defaultTitle'));
              },
            },
          ]}
        />
      );
    case 'addLane':
      return (
        <Menu
          label={t('journey.lane.addMenu')}
          onClose={close}
          items={LANE_TYPES.map((type) => ({
            label: laneTypeName(type, journey.kind, t),
            onSelect: () => {
              board.addLane(journey.id, { type });
              close();
            },
          }))}
        />
      );
  }
}

/** Focuses (and selects) the title field of a stage once it is on screen. */
export function focusStageTitle(journeyId: string, stageId: string): void {
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLInputElement>(
      `[data-journey-id="${CSS.escape(journeyId)}"] .jm-stage-header[data-stage-id="${CSS.escape(stageId)}"] input`,
    );
    input?.focus();
    input?.select();
  });
}
