import { type KeyboardEvent, type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BLUEPRINT_LANES, type BlueprintSnapshot, type CardSnapshot } from '../../../shared/board';
import { useBoard, useBoardReadOnly, useSessionStore } from '../../board/BoardContext';
import { Menu } from '../common/Menu';
import { focusIn } from './focus';
import { CardEditor } from './CardEditor';
import { BLUEPRINT_METRICS, type BlueprintLayout } from './layout';
import { cardBoxes } from './Handoffs';
import { linkedJourney, positionUnder } from './place';
import { columnName, laneName } from './reading';
import { type BlueprintPopover, useBlueprintUi } from './uiStore';

/** Where a popover sits in the frame, or null when what it edits is gone (deleted, undone). */
function anchorOf(
  popover: BlueprintPopover,
  bp: BlueprintSnapshot,
  layout: BlueprintLayout,
  mirrors: ReadonlyMap<string, readonly CardSnapshot[]>,
): { x: number; y: number } | null {
  const m = BLUEPRINT_METRICS;
  switch (popover.kind) {
    case 'card': {
      const box = cardBoxes(bp, layout, mirrors).get(popover.id);
      return box ? { x: box.x + box.width + 4, y: box.y } : null;
    }
    case 'column': {
      const column = layout.columns.find((c) => c.id === popover.id);
      return column
        ? { x: column.x + column.width - 200, y: layout.columnHeaderY + m.columnHeaderHeight }
        : null;
    }
    case 'lane': {
      const lane = layout.lanes.find((l) => l.lane.id === popover.id);
      return lane ? { x: m.padding + m.laneHeaderWidth - 40, y: lane.y + 32 } : null;
    }
    case 'addLane':
      return { x: m.padding, y: layout.addLaneRowY + m.addLaneRowHeight - 4 };
    case 'options':
      return { x: Math.max(m.padding, layout.width - 260), y: m.padding + m.headerHeight - 8 };
  }
}

/**
 * The frame's popover layer: the one open editor or menu, positioned next to what it edits.
 * Outside clicks and Escape close it; Escape gives focus back to the button that opened it.
 * A viewer sees a card's details read-only and no menus.
 */
export function BlueprintPopovers({
  bp,
  layout,
  mirrors,
}: {
  bp: BlueprintSnapshot;
  layout: BlueprintLayout;
  mirrors: ReadonlyMap<string, readonly CardSnapshot[]>;
}) {
  const readOnly = useBoardReadOnly();
  const open = useBlueprintUi((s) => (s.popover?.blueprintId === bp.id ? s.popover : null));
  const popover = open && readOnly && open.kind !== 'card' ? null : open;
  const boxRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const anchor = popover ? anchorOf(popover, bp, layout, mirrors) : null;

  useLayoutEffect(() => {
    const active = document.activeElement as HTMLElement | null;
    if (popover && active && active !== document.body && !boxRef.current?.contains(active))
      returnFocus.current = active;
  }, [popover]);

  useEffect(() => {
    if (!popover) return;
    if (!anchor) {
      useBlueprintUi.getState().closePopover();
      return;
    }
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element | null;
      if (boxRef.current?.contains(target) || target?.closest?.('[data-popover-trigger]')) return;
      useBlueprintUi.getState().closePopover();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [popover, anchor]);

  if (!popover || !anchor) return null;
  const close = (restoreFocus = true) => {
    useBlueprintUi.getState().closePopover();
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
      className="jm-popover bp-popover nodrag nowheel nokey"
      style={{ left: anchor.x, top: anchor.y }}
      onKeyDown={onKeyDown}
    >
      <PopoverContent popover={popover} bp={bp} close={close} />
    </div>
  );
}

function PopoverContent({
  popover,
  bp,
  close,
}: {
  popover: BlueprintPopover;
  bp: BlueprintSnapshot;
  close(restoreFocus?: boolean): void;
}): ReactNode {
  const { t } = useTranslation();
  const board = useBoard();
  const session = useSessionStore();
  switch (popover.kind) {
    case 'card':
      return <CardEditor bp={bp} cardId={popover.id} close={close} />;
    case 'options':
      return (
        <Menu
          label={t('blueprint.menu.label')}
          onClose={close}
          items={[
            ...(bp.journeyId !== null
              ? [
                  {
                    label: t('blueprint.menu.detach'),
                    onSelect: () => {
                      const snapshot = board.snapshot();
                      const journey = linkedJourney(snapshot, bp);
                      // It stays where it is drawn now, under the map, but no longer follows it.
                      board.detachBlueprint(bp.id, journey ? positionUnder(journey) : { x: bp.x, y: bp.y });
                      close();
                    },
                  },
                ]
              : []),
            {
              label: t('blueprint.menu.addLane'),
              onSelect: () => useBlueprintUi.getState().openPopover({ kind: 'addLane', blueprintId: bp.id }),
            },
            {
              label: t('blueprint.menu.delete'),
              danger: true,
              onSelect: () => {
                close(false);
                board.deleteBlueprint(bp.id);
                const state = session.getState();
                state.setSelection(state.selection.filter((id) => id !== bp.id));
              },
            },
          ]}
        />
      );
    case 'addLane':
      return (
        <Menu
          label={t('blueprint.lane.addMenu')}
          onClose={close}
          items={BLUEPRINT_LANES.map((zone) => ({
            label: t('blueprint.lane.under', { lane: t(`blueprint.lane.${zone}`) }),
            onSelect: () => {
              const id = board.addBlueprintLane(bp.id, { title: t('blueprint.lane.newTitle'), zone });
              close(false);
              focusIn(bp.id, `.bp-lane-header[data-lane-id="${CSS.escape(id)}"] input`);
            },
          }))}
        />
      );
    case 'lane': {
      const lane = bp.lanes.find((l) => l.id === popover.id);
      if (!lane) return null;
      return (
        <Menu
          label={t('blueprint.lane.options', { title: laneName(lane, t) })}
          onClose={close}
          items={[
            {
              label: t('blueprint.lane.delete'),
              danger: true,
              onSelect: () => {
                board.deleteBlueprintLane(bp.id, lane.id);
                close(false);
              },
            },
          ]}
        />
      );
    }
    case 'column': {
      const column = bp.columns.find((c) => c.id === popover.id);
      if (!column) return null;
      const own = bp.columns.filter((c) => bp.journeyId === null || c.kept).map((c) => c.id);
      const at = own.indexOf(column.id);
      const move = (direction: -1 | 1) => {
        const neighbour = own[at + direction];
        if (neighbour)
          board.moveBlueprintColumn(
            bp.id,
            column.id,
            direction < 0 ? { before: neighbour } : { after: neighbour },
          );
        close();
      };
      return (
        <Menu
          label={t('blueprint.column.options', { title: columnName(column.title, t) })}
          onClose={close}
          items={[
            { label: t('blueprint.column.moveLeft'), onSelect: () => move(-1), disabled: at <= 0 },
            {
              label: t('blueprint.column.moveRight'),
              onSelect: () => move(1),
              disabled: at >= own.length - 1,
            },
            {
              label: t('blueprint.column.delete'),
              danger: true,
              onSelect: () => {
                board.deleteBlueprintColumn(bp.id, column.id);
                close(false);
              },
            },
          ]}
        />
      );
    }
  }
}
