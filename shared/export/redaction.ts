import type { CardSnapshot, JourneySnapshot, LaneType } from '../board';

/**
 * Redaction of customer quotes in everything that leaves the app (pictures, PDF, SVG, PPTX,
 * spreadsheets). One rule for every format: a card in a journey's `quotes` lane is redacted
 * when it is marked "redact on export" (`card.redact`), or when the export asks to redact
 * every quote. Exporters never write a redacted card's words; they write `REDACTED_MARK`
 * (vector formats, tables) or a blurred placeholder (pictures) instead.
 */
export interface RedactionOptions {
  /** The export dialog's "redact all quotes" switch (CLI `--redact-quotes`). */
  redactAllQuotes: boolean;
}

/** The neutral mark written where a redacted quote was (language-neutral on purpose). */
export const REDACTED_MARK = '███';

/** Whether a card of a lane of type `laneType` is redacted in exports. */
export function isRedactedCard(
  laneType: LaneType | undefined,
  card: Pick<CardSnapshot, 'redact'>,
  options: RedactionOptions,
): boolean {
  return laneType === 'quotes' && (card.redact || options.redactAllQuotes);
}

/** Whether `card` of `journey` is redacted in exports (its lane decides whether it is a quote). */
export function isCardRedacted(
  journey: Pick<JourneySnapshot, 'lanes'>,
  card: Pick<CardSnapshot, 'laneId' | 'redact'>,
  options: RedactionOptions,
): boolean {
  const lane = journey.lanes.find((l) => l.id === card.laneId);
  return isRedactedCard(lane?.type, card, options);
}

/** A card's text as exports write it: its words, or the neutral mark when redacted. */
export function exportedCardText(
  journey: Pick<JourneySnapshot, 'lanes'>,
  card: Pick<CardSnapshot, 'laneId' | 'redact' | 'text'>,
  options: RedactionOptions,
): string {
  return isCardRedacted(journey, card, options) ? REDACTED_MARK : card.text;
}
