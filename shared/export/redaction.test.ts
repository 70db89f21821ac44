import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../board';
import { exportedCardText, isCardRedacted, REDACTED_MARK } from './redaction';

function board() {
  const doc = BoardDoc.create({ title: 'Redaction' });
  const journeyId = doc.addJourney({ kind: 'cjm', preset: 'full', x: 0, y: 0, stageTitles: ['Поиск'] });
  const journey = doc.snapshot().journeys[journeyId]!;
  const stageId = journey.stages[0]!.id;
  const lane = (type: string) => journey.lanes.find((l) => l.type === type)!.id;
  const marked = doc.addCard(journeyId, { stageId, laneId: lane('quotes'), text: 'Секрет клиента' });
  doc.updateCard(journeyId, marked, { redact: true });
  const quote = doc.addCard(journeyId, { stageId, laneId: lane('quotes'), text: 'Обычная цитата' });
  const step = doc.addCard(journeyId, { stageId, laneId: lane('steps'), text: 'Шаг' });
  // The flag on a card that is not a quote means nothing.
  doc.updateCard(journeyId, step, { redact: true });
  const j = doc.snapshot().journeys[journeyId]!;
  const card = (id: string) =>
    Object.values(j.cells)
      .flat()
      .find((c) => c.id === id)!;
  return { j, marked: card(marked), quote: card(quote), step: card(step) };
}

describe('redaction of quotes in exports', () => {
  it('redacts a quote marked "redact on export", and only quotes', () => {
    const { j, marked, quote, step } = board();
    const options = { redactAllQuotes: false };
    expect(isCardRedacted(j, marked, options)).toBe(true);
    expect(isCardRedacted(j, quote, options)).toBe(false);
    expect(isCardRedacted(j, step, options)).toBe(false);
    expect(exportedCardText(j, marked, options)).toBe(REDACTED_MARK);
    expect(exportedCardText(j, quote, options)).toBe('Обычная цитата');
  });

  it('redacts every quote when asked to, and still no other card', () => {
    const { j, marked, quote, step } = board();
    const options = { redactAllQuotes: true };
    expect(isCardRedacted(j, marked, options)).toBe(true);
    expect(isCardRedacted(j, quote, options)).toBe(true);
    expect(isCardRedacted(j, step, options)).toBe(false);
  });
});
