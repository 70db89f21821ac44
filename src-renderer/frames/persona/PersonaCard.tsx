import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPECTATION_AXES, type PersonaPatch, type PersonaSnapshot } from '../../../shared/board';
import { REDACTED_MARK } from '../../../shared/export/redaction';
import { useBoard, useBoardSelector } from '../../board/BoardContext';
import { useExportRedaction } from '../../export/context';
import { keepKeysInside } from '../common/keys';
import { CaptionedField, InlineField } from '../common/InlineField';
import type { FrameDrawingProps } from '../types';
import { initialsOf } from './initials';
import { PERSONA_CARD_SIZE } from './size';
import './persona.css';

/** The card's accessible name: "Persona: <name>" (or just "Persona" while unnamed). */
export function personaLabel(persona: PersonaSnapshot, t: TFunction): string {
  const name = persona.name.trim().slice(0, 80);
  return name ? t('persona.node.named', { name }) : t('persona.node.kind');
}

/** Titles of the maps that point to this persona, joined (a string, so the selector is stable). */
function useMapsOf(personaId: string, untitled: string): string {
  return useBoardSelector((s) =>
    Object.values(s.journeys)
      .filter((j) => j.personaId === personaId)
      .map((j) => j.title.trim() || untitled)
      .sort((a, b) => a.localeCompare(b))
      .join(', '),
  );
}

/**
 * A persona / segment card (DOMAIN 2.7) at working zoom: a photo placeholder with the
 * initials, name and segment, goals, jobs to be done, expectations along personalisation,
 * speed and simplicity, a quote (left out of an export that redacts every quote), and the
 * maps that use it. Every field is edited in place
 * (`InlineField`: one command per commit, read-only for viewers); the card's background
 * stays a drag handle.
 */
export const PersonaCard = memo(function PersonaCard({
  record,
  selected,
}: FrameDrawingProps<PersonaSnapshot>) {
  const { t } = useTranslation();
  const board = useBoard();
  const persona = record;
  const maps = useMapsOf(persona.id, t('journey.header.titlePlaceholder'));
  const update = (patch: PersonaPatch) => board.updatePersona(persona.id, patch);
  const initials = initialsOf(persona.name);
  const redactQuote = useExportRedaction()?.redactAllQuotes === true && persona.quote.trim() !== '';
  return (
    <section
      className={`pc-card${selected ? ' is-selected' : ''}`}
      style={PERSONA_CARD_SIZE}
      data-persona-id={persona.id}
      aria-label={personaLabel(persona, t)}
      onKeyDown={keepKeysInside}
    >
      <header className="pc-head">
        <div className="pc-avatar" aria-hidden="true">
          {initials || <span className="pc-avatar-blank" />}
        </div>
        <div className="pc-id">
          <InlineField
            className="pc-name"
            value={persona.name}
            label={t('persona.field.name')}
            placeholder={t('persona.placeholder.name')}
            onCommit={(name) => update({ name })}
          />
          <CaptionedField
            caption={t('persona.field.segment')}
            fieldClassName="pc-inline-field"
            value={persona.segment}
            placeholder={t('persona.placeholder.segment')}
            onCommit={(segment) => update({ segment })}
          />
        </div>
      </header>
      <CaptionedField
        caption={t('persona.field.goals')}
        fieldClassName="pc-field"
        multiline
        value={persona.goals}
        placeholder={t('persona.placeholder.goals')}
        onCommit={(goals) => update({ goals })}
      />
      <CaptionedField
        caption={t('persona.field.jtbd')}
        fieldClassName="pc-field"
        multiline
        value={persona.jtbd}
        placeholder={t('persona.placeholder.jtbd')}
        onCommit={(jtbd) => update({ jtbd })}
      />
      <fieldset className="pc-expectations">
        <legend className="pc-caption">{t('persona.field.expectations')}</legend>
        {EXPECTATION_AXES.map((axis) => (
          <CaptionedField
            key={axis}
            caption={t(`persona.expectation.${axis}`)}
            fieldClassName="pc-inline-field"
            value={persona.expectations[axis]}
            placeholder={t(`persona.placeholder.${axis}`)}
            onCommit={(value) => update({ expectations: { [axis]: value } })}
          />
        ))}
      </fieldset>
      {redactQuote ? (
        // Drawn for an export that redacts every quote: a persona's quote is a customer's words.
        <div className="pc-field pc-quote">
          <span className="pc-caption">{t('persona.field.quote')}</span>
          <div className="pc-quote-redacted" data-cx-redacted="">
            {REDACTED_MARK}
          </div>
        </div>
      ) : (
        <CaptionedField
          caption={t('persona.field.quote')}
          fieldClassName="pc-field pc-quote"
          multiline
          value={persona.quote}
          placeholder={t('persona.placeholder.quote')}
          onCommit={(quote) => update({ quote })}
        />
      )}
      <p className="pc-maps">
        <span>{t('persona.maps')}</span> {maps || t('persona.noMaps')}
      </p>
    </section>
  );
});

/**
 * The card below the canvas's far zoom: the same box and accessible name, the initials and
 * the name and segment in large type. Nothing inside is focusable.
 */
export const PersonaFar = memo(function PersonaFar({ record, selected }: FrameDrawingProps<PersonaSnapshot>) {
  const { t } = useTranslation();
  return (
    <section
      className={`pc-card pc-far${selected ? ' is-selected' : ''}`}
      style={PERSONA_CARD_SIZE}
      data-persona-id={record.id}
      aria-label={personaLabel(record, t)}
    >
      <div className="pc-far-avatar" aria-hidden="true">
        {initialsOf(record.name)}
      </div>
      <div className="pc-far-name">{record.name.trim() || t('persona.placeholder.name')}</div>
      {record.segment.trim() && <div className="pc-far-segment">{record.segment.trim()}</div>}
    </section>
  );
});
