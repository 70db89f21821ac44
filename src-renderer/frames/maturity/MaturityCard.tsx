import type { TFunction } from 'i18next';
import { memo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MATURITY_AREAS,
  MATURITY_LEVELS,
  MATURITY_STAGE_METRICS,
  type MaturityAreaSnapshot,
  type MaturityCardSnapshot,
  type MaturityLevel,
  MAX_MATURITY_AREAS,
  MAX_TITLE_LENGTH,
} from '../../../shared/board';
import { useBoard, useBoardReadOnly, useBoardSelector } from '../../board/BoardContext';
import { keepKeysInside } from '../common/keys';
import { InlineField } from '../common/InlineField';
import { Menu } from '../common/Menu';
import { RadioGroup } from '../common/RadioGroup';
import type { FrameDrawingProps } from '../types';
import { maturityCardSizeOf } from './layout';
import './maturity.css';

/** The card's accessible name: "CX maturity: <title>" (or just "CX maturity"). */
export function maturityLabel(card: MaturityCardSnapshot, t: TFunction): string {
  const title = card.title.trim().slice(0, 80);
  return title ? t('maturity.node.named', { title }) : t('maturity.node.kind');
}

/** The name an area shows: its own, or its kind's translated name while it has none. */
export function areaName(area: MaturityAreaSnapshot, t: TFunction): string {
  return area.name.trim() || t(`maturity.area.${area.kind}`);
}

/** Metric kinds the board measures (on any stage of any map), as one string so the selector is stable. */
function useMeasuredKinds(): Set<string> {
  const joined = useBoardSelector((s) =>
    [...new Set(Object.values(s.metrics).map((m) => m.kind))].sort().join(' '),
  );
  return new Set(joined.split(' '));
}

/**
 * The CX maturity self-assessment card (DOMAIN 2.7) at working zoom: the four stages as
 * columns (reactive service → proactive orientation → customer-centric → monetisation) with
 * the metrics typical of each (ticked where the board measures them), and one row per area
 * where the team marks the stage the company stands at. Areas are added from a menu of the
 * usual ones or as the team's own, renamed in place and removed; viewers only read.
 */
export const MaturityCard = memo(function MaturityCard({
  record,
  selected,
}: FrameDrawingProps<MaturityCardSnapshot>) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const card = record;
  const measured = useMeasuredKinds();
  const size = maturityCardSizeOf(card);
  return (
    <section
      className={`mc-card${selected ? ' is-selected' : ''}`}
      style={size}
      data-maturity-id={card.id}
      aria-label={maturityLabel(card, t)}
      onKeyDown={keepKeysInside}
    >
      <div className="mc-title-row">
        <InlineField
          className="mc-title"
          value={card.title}
          label={t('maturity.title')}
          placeholder={t('maturity.titlePlaceholder')}
          maxLength={MAX_TITLE_LENGTH}
          onCommit={(title) => board.updateMaturityCard(card.id, { title })}
        />
      </div>
      <div className="mc-grid mc-stages">
        <div className="mc-corner">{t('maturity.areasCaption')}</div>
        {MATURITY_LEVELS.map((level, i) => (
          <div key={level} className={`mc-stage mc-stage-${level}`}>
            <div className="mc-stage-name">
              {i + 1}. {t(`maturity.stage.${level}`)}
            </div>
            <div className="mc-stage-metrics">{t('maturity.typicalMetrics')}</div>
            <ul aria-label={t('maturity.metricsOf', { stage: t(`maturity.stage.${level}`) })}>
              {MATURITY_STAGE_METRICS[level].map((kind) => (
                <li key={kind} className={measured.has(kind) ? 'is-measured' : undefined}>
                  {t(`maturity.metric.${kind}`)}
                  {measured.has(kind) && <span className="mc-measured">{t('maturity.measured')}</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {card.areas.map((area) => (
        <AreaRow key={area.id} cardId={card.id} area={area} readOnly={readOnly} t={t} />
      ))}
      {!readOnly && <AddArea cardId={card.id} full={card.areas.length >= MAX_MATURITY_AREAS} t={t} />}
    </section>
  );
});

/** One area: its name, the stage it stands at (a radio per stage), clear and remove. */
const AreaRow = memo(function AreaRow({
  cardId,
  area,
  readOnly,
  t,
}: {
  cardId: string;
  area: MaturityAreaSnapshot;
  readOnly: boolean;
  t: TFunction;
}) {
  const board = useBoard();
  const name = areaName(area, t);
  const setLevel = (level: MaturityLevel | null) => board.updateMaturityArea(cardId, area.id, { level });
  return (
    <div className="mc-grid mc-row" data-area-id={area.id}>
      <InlineField
        className="mc-area-name"
        value={area.name}
        label={t('maturity.areaName', { name })}
        placeholder={area.kind === 'custom' ? t('maturity.areaPlaceholder') : t(`maturity.area.${area.kind}`)}
        maxLength={MAX_TITLE_LENGTH}
        onCommit={(next) => board.updateMaturityArea(cardId, area.id, { name: next })}
      />
      <RadioGroup<MaturityLevel>
        legend={t('maturity.stageOf', { name })}
        className="mc-levels"
        value={area.level}
        onChange={setLevel}
        options={MATURITY_LEVELS.map((level) => ({
          value: level,
          className: `mc-level mc-stage-${level}`,
          content: <span className="jm-sr-only">{t(`maturity.stage.${level}`)}</span>,
        }))}
      />
      <div className="mc-actions">
        {!readOnly && area.level !== null && (
          <button
            type="button"
            className="mc-icon nodrag nokey"
            aria-label={t('maturity.clear', { name })}
            title={t('maturity.clear', { name })}
            onClick={() => setLevel(null)}
          >
            ○
          </button>
        )}
        {!readOnly && (
          <button
            type="button"
            className="mc-icon nodrag nokey"
            aria-label={t('maturity.removeArea', { name })}
            title={t('maturity.removeArea', { name })}
            onClick={() => board.deleteMaturityArea(cardId, area.id)}
          >
            ×
          </button>
        )}
      </div>
    </div>
  );
});

/** "Add area": a menu of the usual areas and the team's own. */
function AddArea({ cardId, full, t }: { cardId: string; full: boolean; t: TFunction }) {
  const board = useBoard();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="mc-add">
      <button
        ref={buttonRef}
        type="button"
        className="nodrag nokey"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={full}
        onClick={() => setOpen(!open)}
      >
        + {t('maturity.addArea')}
      </button>
      {open && (
        <div className="mc-add-menu nodrag nokey nowheel">
          <Menu
            label={t('maturity.addArea')}
            onClose={close}
            items={MATURITY_AREAS.map((kind) => ({
              label: t(`maturity.area.${kind}`),
              onSelect: () => {
                board.addMaturityArea(cardId, { kind });
                close();
              },
            }))}
          />
        </div>
      )}
    </div>
  );
}

/**
 * The card below the canvas's far zoom: the same box and name; the title in large type and
 * the grid of areas × stages with the chosen stage filled. Nothing inside is focusable.
 */
export const MaturityFar = memo(function MaturityFar({
  record,
  selected,
}: FrameDrawingProps<MaturityCardSnapshot>) {
  const { t } = useTranslation();
  return (
    <section
      className={`mc-card mc-far${selected ? ' is-selected' : ''}`}
      style={maturityCardSizeOf(record)}
      data-maturity-id={record.id}
      aria-label={maturityLabel(record, t)}
    >
      <div className="mc-far-title">{record.title.trim() || t('maturity.titlePlaceholder')}</div>
      <div className="mc-far-grid">
        {record.areas.map((area) => (
          <div key={area.id} className="mc-far-row">
            <span className="mc-far-name">{areaName(area, t)}</span>
            {MATURITY_LEVELS.map((level) => (
              <span
                key={level}
                className={`mc-far-cell mc-stage-${level}${area.level === level ? ' is-checked' : ''}`}
              />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
});
