import { type FormEvent, memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GOAL_KINDS,
  type GoalKind,
  type JourneySnapshot,
  MAX_TITLE_LENGTH,
  type MapState,
} from '../../../shared/board';
import { useBoard, useBoardReadOnly, useBoardSelector } from '../../board/BoardContext';
import { useCreateMatrixFromJourney } from '../matrix';
import { JourneyCxIndexBadge } from '../../metrics/CxIndex';
import { MetricTreeButton } from '../../metrics/MetricTree';
import { CaptionedField, InlineField } from '../common/InlineField';
import { RadioGroup } from '../common/RadioGroup';
import { initialsOf } from '../persona/initials';
import { PERSONA_CARD_SIZE } from '../persona/size';
import type { ReverseView } from './layout';
import { JOURNEY_METRICS } from './layout';
import { forwardSummary, subjectContext } from './reading';
import { useJourneyUi } from './uiStore';

const NEW_PERSONA = '__new__';
/** Gap between a map and the persona card created from its header. */
const PERSONA_CARD_GAP = 80;

/**
 * The frame's header: kind badge, title, as-is/to-be state, persona/segment and scenario
 * goal; on a reverse CJM also the end goal, its kind, the "why?" ladder and the switch
 * between building backwards and reading the map forward. Its background stays a drag
 * handle for the frame; every control is marked `nodrag`.
 */
export const JourneyHeader = memo(function JourneyHeader({
  journey,
  view,
  width,
  height,
}: {
  journey: JourneySnapshot;
  view: ReverseView;
  width: number;
  height: number;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  // Viewing only: fields are read-only (InlineField, RadioGroup), selects disabled, no ladder edits.
  const readOnly = useBoardReadOnly();
  const reverse = journey.kind === 'reverse';
  const m = JOURNEY_METRICS;

  const setState = (state: MapState) => {
    if (state !== journey.state) board.updateJourney(journey.id, { state });
  };

  return (
    <header
      className="jm-header"
      style={{ left: m.padding, top: m.padding, width: width - m.padding * 2, height }}
    >
      <div className="jm-header-row">
        <span className={`jm-kind-badge jm-kind-${journey.kind}`}>{t(`journey.kind.${journey.kind}`)}</span>
        <InlineField
          className="jm-title"
          value={journey.title}
          label={t('journey.header.title')}
          placeholder={t('journey.header.titlePlaceholder')}
          maxLength={MAX_TITLE_LENGTH}
          onCommit={(title) => board.updateJourney(journey.id, { title })}
        />
        <RadioGroup
          legend={t('journey.header.state')}
          className="jm-segmented"
          value={journey.state}
          onChange={setState}
          options={[
            { value: 'as-is', content: t('journey.header.asIs') },
            { value: 'to-be', content: t('journey.header.toBe') },
          ]}
        />
        <CreateMatrixButton journey={journey} />
        <JourneyCxIndexBadge journey={journey} />
        <MetricTreeButton journey={journey} />
        {reverse && (
          <button
            type="button"
            className="jm-toggle nodrag nokey"
            aria-pressed={view === 'forward'}
            onClick={() =>
              useJourneyUi.getState().setReverseView(journey.id, view === 'forward' ? 'build' : 'forward')
            }
          >
            {t('journey.reverse.viewForward')}
          </button>
        )}
        {!readOnly && (
          <button
            type="button"
            className="jm-icon-button jm-map-options nodrag nokey"
            data-popover-trigger
            aria-haspopup="menu"
            aria-label={t('blueprint.journey.options')}
            title={t('blueprint.journey.options')}
            onClick={() => {
              const ui = useJourneyUi.getState();
              if (ui.popover?.kind === 'journeyMenu' && ui.popover.journeyId === journey.id)
                ui.closePopover();
              else ui.openPopover({ kind: 'journeyMenu', journeyId: journey.id });
            }}
          >
            ⋯
          </button>
        )}
      </div>
      <div className="jm-header-row">
        <PersonaPicker journey={journey} readOnly={readOnly} />
        <CaptionedField
          caption={t('journey.header.segment')}
          fieldClassName="jm-header-field"
          value={journey.segment}
          placeholder={t('journey.header.segmentPlaceholder')}
          onCommit={(segment) => board.updateJourney(journey.id, { segment })}
        />
        <CaptionedField
          caption={t('journey.header.scenarioGoal')}
          fieldClassName="jm-header-field jm-grow"
          value={journey.scenarioGoal}
          placeholder={t('journey.header.scenarioGoalPlaceholder', subjectContext(journey.kind))}
          onCommit={(scenarioGoal) => board.updateJourney(journey.id, { scenarioGoal })}
        />
      </div>
      {reverse && (
        <div className="jm-header-row">
          <CaptionedField
            caption={t('journey.reverse.endGoal')}
            fieldClassName="jm-header-field jm-grow"
            value={journey.endGoal}
            placeholder={t('journey.reverse.endGoalPlaceholder')}
            onCommit={(endGoal) => board.updateJourney(journey.id, { endGoal })}
          />
          <label className="jm-header-field">
            <span>{t('journey.reverse.goalKind')}</span>
            <select
              className="nodrag nokey"
              value={journey.goalKind ?? ''}
              disabled={readOnly}
              onChange={(event) =>
                board.updateJourney(journey.id, {
                  goalKind: event.target.value === '' ? null : (event.target.value as GoalKind),
                })
              }
            >
              <option value="">{t('journey.reverse.goalKindUnset')}</option>
              {GOAL_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`journey.reverse.goalKinds.${kind}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {reverse && view === 'build' && <WhyLadder journey={journey} readOnly={readOnly} />}
      {reverse && view === 'forward' && (
        <p className="jm-forward-summary">
          <span>{t('journey.reverse.forwardReading')}</span>{' '}
          {forwardSummary(journey, t('journey.stage.untitled')).join(' → ') ||
            t('journey.reverse.forwardEmpty')}
        </p>
      )}
    </header>
  );
});

/** "Create AI matrix" for this map (not for viewers). */
function CreateMatrixButton({ journey }: { journey: JourneySnapshot }) {
  const { t } = useTranslation();
  const create = useCreateMatrixFromJourney(journey);
  if (!create) return null;
  return (
    <button
      type="button"
      className="jm-toggle nodrag nokey"
      title={t('matrix.create.fromJourneyHint')}
      onClick={create}
    >
      {t('matrix.create.fromJourney')}
    </button>
  );
}

/** Chooses the map's persona from the board's personas, or creates one by name. */
function PersonaPicker({ journey, readOnly }: { journey: JourneySnapshot; readOnly: boolean }) {
  const { t } = useTranslation();
  const board = useBoard();
  const personas = useBoardSelector((s) => s.personas);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const list = Object.values(personas).sort((a, b) => a.name.localeCompare(b.name));
  const current = journey.personaId && personas[journey.personaId] ? journey.personaId : '';

  if (creating) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      const trimmed = name.trim();
      if (!trimmed) return;
      board.batch('createPersonaForJourney', () => {
        // The new persona's card goes left of the map, its top in line with the map's.
        const personaId = board.addPersona({
          name: trimmed,
          segment: journey.segment,
          x: journey.x - PERSONA_CARD_SIZE.width - PERSONA_CARD_GAP,
          y: journey.y,
        });
        board.updateJourney(journey.id, { personaId });
      });
      setCreating(false);
      setName('');
    };
    return (
      <form className="jm-persona-form" onSubmit={submit}>
        <input
          className="nodrag nokey"
          aria-label={t('journey.persona.newName')}
          placeholder={t('journey.persona.newName')}
          value={name}
          autoFocus
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setCreating(false);
          }}
        />
        <button type="submit" className="nodrag nokey" disabled={!name.trim()}>
          {t('journey.persona.create')}
        </button>
        <button type="button" className="nodrag nokey" onClick={() => setCreating(false)}>
          {t('journey.common.cancel')}
        </button>
      </form>
    );
  }

  const chosen = current ? personas[current] : undefined;
  return (
    <label className="jm-header-field">
      <span>{t('journey.persona.label')}</span>
      {chosen && (
        <span className="jm-persona-avatar" aria-hidden="true">
          {initialsOf(chosen.name)}
        </span>
      )}
      <select
        className="nodrag nokey"
        value={current}
        disabled={readOnly}
        onChange={(event) => {
          const value = event.target.value;
          if (value === NEW_PERSONA) setCreating(true);
          else board.updateJourney(journey.id, { personaId: value || null });
        }}
      >
        <option value="">{t('journey.persona.none')}</option>
        {list.map((persona) => (
          <option key={persona.id} value={persona.id}>
            {persona.name.trim() || t('journey.persona.unnamed')}
          </option>
        ))}
        <option value={NEW_PERSONA}>{t('journey.persona.new')}</option>
      </select>
    </label>
  );
}

/**
 * The reverse CJM's "why?" ladder (DOMAIN 2.3): answers to "what for?", from the first,
 * most concrete one up to the deepest motive. Steps are added at the top of the chain,
 * edited in place, and removed.
 */
function WhyLadder({ journey, readOnly }: { journey: JourneySnapshot; readOnly: boolean }) {
  const { t } = useTranslation();
  const board = useBoard();
  const steps = journey.whyLadder;
  const save = (next: string[]) => board.setWhyLadder(journey.id, next);

  return (
    <div className="jm-why">
      <div className="jm-why-caption">
        <span>{t('journey.why.caption')}</span>
        {!readOnly && (
          <button
            type="button"
            className="nodrag nokey"
            onClick={() => {
              save([...steps, '']);
              requestAnimationFrame(() => {
                const inputs = document.querySelectorAll<HTMLInputElement>(
                  `[data-journey-id="${CSS.escape(journey.id)}"] .jm-why-step input`,
                );
                inputs[inputs.length - 1]?.focus();
              });
            }}
          >
            + {t('journey.why.add')}
          </button>
        )}
      </div>
      <ol className="jm-why-steps">
        {steps.map((step, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: ladder steps are plain strings; position is their identity
          <li key={i} className="jm-why-step">
            <span className="jm-why-arrow" aria-hidden="true">
              {i === 0 ? '•' : t('journey.why.arrow')}
            </span>
            <InlineField
              value={step}
              label={t('journey.why.step', { number: i + 1 })}
              placeholder={t(i === 0 ? 'journey.why.firstHint' : 'journey.why.nextHint')}
              onCommit={(next) => save(steps.map((s, j) => (j === i ? next : s)))}
            />
            {!readOnly && (
              <button
                type="button"
                className="jm-icon-button nodrag nokey"
                aria-label={t('journey.why.remove', { number: i + 1 })}
                onClick={() => save(steps.filter((_, j) => j !== i))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
