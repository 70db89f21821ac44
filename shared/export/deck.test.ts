import { describe, expect, it } from 'vitest';
import { buildExportBoard, EXPORT_FIXTURE } from '../../test/fixtures/exportBoard';
import { buildDeck } from './deck';
import { base64 } from './pptx';

describe('the deck projection', () => {
  const { board, journeyId, secondJourneyId } = buildExportBoard();
  const snapshot = board.snapshot();

  it('has the journeys, their stage tables, moments, metrics and the matrix by priority', () => {
    const deck = buildDeck(snapshot, [journeyId, secondJourneyId], {
      language: 'ru',
      redaction: { redactAllQuotes: false },
      date: new Date('2026-11-29T12:00:00Z'),
    });
    expect(deck.title).toBe(EXPORT_FIXTURE.title);
    expect(deck.date).toContain('2026');
    expect(deck.personas[0]).toContain(EXPORT_FIXTURE.personaName);
    expect(deck.journeys.map((j) => j.title)).toEqual([
      EXPORT_FIXTURE.journeyTitle,
      EXPORT_FIXTURE.secondJourneyTitle,
    ]);
    const [first] = deck.journeys;
    expect(first!.table[0]!.slice(1)).toEqual(EXPORT_FIXTURE.stages);
    expect(first!.moments).toHaveLength(1);
    expect(first!.metrics.map((m) => m[1])).toEqual(['CSAT бронирования', 'Решено с первого обращения']);
    const priorities = deck.matrix!.sheets[0]!.priorities;
    expect(priorities).toEqual([...priorities].sort((a, b) => (b ?? -1) - (a ?? -1)));
    expect(deck.matrix!.notToDo).toHaveLength(1);
  });

  it('never holds a redacted quote; "redact all quotes" hides the others too', () => {
    const marked = JSON.stringify(
      buildDeck(snapshot, [journeyId], {
        language: 'en',
        redaction: { redactAllQuotes: false },
        date: new Date(),
      }),
    );
    expect(marked).not.toContain(EXPORT_FIXTURE.secretQuote);
    expect(marked).toContain(EXPORT_FIXTURE.quotes[0]);
    const all = JSON.stringify(
      buildDeck(snapshot, [journeyId], {
        language: 'en',
        redaction: { redactAllQuotes: true },
        date: new Date(),
      }),
    );
    for (const quote of [...EXPORT_FIXTURE.quotes, EXPORT_FIXTURE.secretQuote])
      expect(all).not.toContain(quote);
  });

  it('base64 round-trips through the platform decoder', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 255);
      const decoded = Uint8Array.from(atob(base64(bytes)), (c) => c.charCodeAt(0));
      expect(decoded).toEqual(bytes);
    }
  });
});
