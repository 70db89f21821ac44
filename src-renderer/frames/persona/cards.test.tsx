import i18next from 'i18next';
import type { ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { ReactFlowProvider } from '@xyflow/react';
import { BoardProvider, ViewOnlyBoardProvider } from '../../board/BoardContext';
import { ExportRenderContext } from '../../export/context';
import { journeyFrame } from '../journey/frame';
import { collectResources } from '../../i18n/resources';
import { auditFrameHtml } from '../common/a11yAudit';
import { maturityFrame } from '../maturity/frame';
import { maturityCardSize } from '../maturity/layout';
import type { FrameKind } from '../types';
import { pasteJourney } from '../journey/copy';
import { personaFrame } from './frame';

/**
 * The persona and maturity card kinds: drawn in both languages with every control named and
 * no key left untranslated, read-only for viewers, a persona quote redacted in exports, a
 * barrier's metric marked, nothing focusable at far zoom, and copies
 * that survive the clipboard and refuse what the board would refuse.
 */

const resources = collectResources(
  import.meta.glob(['../../*/locales/*.json', '../*/locales/*.json'], { eager: true }),
);

function i18n(lng: 'en' | 'ru') {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    resources: { en: { translation: resources.en }, ru: { translation: resources.ru } },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

function filledBoard() {
  const board = BoardDoc.create();
  const journey = board.addJourney({
    kind: 'cjm',
    preset: 'light',
    title: 'Pension card',
    x: 0,
    y: 0,
    stageTitles: ['Use'],
  });
  const persona = board.addPersona({
    name: 'Anna Petrova, 67',
    segment: 'Pensioners',
    goals: 'Pension on a card',
    quote: 'Do not rush me',
    expectations: { speed: 'Same day' },
    x: -500,
    y: 0,
  });
  board.updateJourney(journey, { personaId: persona });
  const stage = board.snapshot().journeys[journey]!.stages[0]!.id;
  board.addMetric({ journeyId: journey, stageId: stage, kind: 'nps' });
  const maturity = board.addMaturityCard({
    x: -500,
    y: 800,
    title: 'Where we stand',
    areas: [
      { kind: 'service', level: 'proactive' },
      { kind: 'custom', name: 'Branches' },
    ],
  });
  return { board, persona, maturity };
}

interface DrawOptions {
  far?: boolean;
  /** Drawn as a viewer (or the export stage) sees it. */
  viewOnly?: boolean;
  /** Drawn for an export with these redaction options. */
  exporting?: { redactAllQuotes: boolean };
}

function draw(
  board: BoardDoc,
  kind: FrameKind,
  id: string,
  lng: 'en' | 'ru',
  options: DrawOptions = {},
): string {
  const record = kind.records(board.snapshot())[id]!;
  const Drawing = (options.far ? kind.Far : kind.Detailed) as ComponentType<{
    record: unknown;
    selected: boolean;
  }>;
  const Provider = options.viewOnly ? ViewOnlyBoardProvider : BoardProvider;
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n(lng)}>
      <ExportRenderContext.Provider value={options.exporting ?? null}>
        <Provider board={board}>
          <ReactFlowProvider>
            <Drawing record={record} selected={false} />
          </ReactFlowProvider>
        </Provider>
      </ExportRenderContext.Provider>
    </I18nextProvider>,
  );
}

describe('persona and maturity cards', () => {
  const { board, persona, maturity } = filledBoard();
  const kinds: [FrameKind, string][] = [
    [personaFrame, persona],
    [maturityFrame, maturity],
  ];

  it('name every control and leave no key untranslated, in both languages', () => {
    for (const lng of ['en', 'ru'] as const) {
      for (const [kind, id] of kinds) {
        const html = draw(board, kind, id, lng);
        expect(auditFrameHtml(html, ['persona', 'maturity', 'journey']), `${kind.type} ${lng}`).toEqual([]);
      }
    }
    const ru = draw(board, personaFrame, persona, 'ru');
    expect(ru).toContain('aria-label="Персона: Anna Petrova, 67"');
    expect(ru).toContain('Карты:</span> Pension card');
    const en = draw(board, maturityFrame, maturity, 'en');
    expect(en).toContain('aria-label="CX maturity: Where we stand"');
    // NPS is measured on this board: ticked among the reactive stage's typical metrics.
    expect(en).toMatch(/<li class="is-measured">NPS<span class="mc-measured">✓ measured<\/span><\/li>/);
    expect(en).toContain('checked="" value="proactive"');
  });

  it('draw initials as the photo placeholder', () => {
    expect(draw(board, personaFrame, persona, 'en')).toContain(
      '<div class="pc-avatar" aria-hidden="true">AP</div>',
    );
  });

  it('offer no editing to viewers', () => {
    for (const [kind, id] of kinds) {
      const html = draw(board, kind, id, 'en', { viewOnly: true });
      expect(html, kind.type).not.toContain('<button');
      const fields = [...html.matchAll(/<(?:input type="text"|textarea)[\s/>][^>]*/g)].map(([tag]) => tag);
      expect(fields.length, kind.type).toBeGreaterThan(2);
      for (const field of fields) expect(field).toContain('readOnly=""');
      for (const [radio] of html.matchAll(/<input type="radio"[^>]*>/g))
        expect(radio).toContain('disabled=""');
    }
  });

  it('leave a persona quote out of an export that redacts every quote', () => {
    const plain = draw(board, personaFrame, persona, 'en', { exporting: { redactAllQuotes: false } });
    expect(plain).toContain('Do not rush me');
    const redacted = draw(board, personaFrame, persona, 'en', { exporting: { redactAllQuotes: true } });
    expect(redacted).not.toContain('Do not rush me');
    expect(redacted).toContain('data-cx-redacted=""');
  });

  it('mark a barrier card tied to a metric on its map', () => {
    const journey = Object.values(board.snapshot().journeys)[0]!;
    const stage = journey.stages[0]!.id;
    const barriers = journey.lanes.find((l) => l.type === 'barriers')!.id;
    const card = board.addCard(journey.id, { stageId: stage, laneId: barriers, text: 'Queue at the branch' });
    const metric = Object.values(board.snapshot().metrics)[0]!.id;
    const before = draw(board, journeyFrame, journey.id, 'en');
    expect(before).not.toContain('Tied to metric');
    board.updateCard(journey.id, card, { metricId: metric });
    const html = draw(board, journeyFrame, journey.id, 'ru');
    expect(html).toContain('aria-label="Связана с метрикой NPS"');
    expect(auditFrameHtml(html, ['journey'])).toEqual([]);
    board.deleteCard(journey.id, card);
  });

  it('have nothing focusable at far zoom', () => {
    for (const [kind, id] of kinds) {
      const html = draw(board, kind, id, 'en', { far: true });
      expect(html).not.toMatch(/<(input|textarea|select|button|a)\b|tabindex/);
      expect(html).toContain('aria-label=');
    }
    expect(draw(board, maturityFrame, maturity, 'en', { far: true })).toContain(
      'mc-far-cell mc-stage-proactive is-checked',
    );
  });

  it('copy and paste through the clipboard with fresh ids, refusing what the board would refuse', () => {
    for (const [kind, id] of kinds) {
      const record = kind.records(board.snapshot())[id]!;
      const parsed = kind.parse(JSON.parse(JSON.stringify(record)));
      expect(parsed, kind.type).toEqual(record);
      const other = BoardDoc.create();
      let copy = '';
      other.batch('paste', () => {
        copy = kind.paste(other, parsed!, { x: 40, y: 50 }, new Map());
      });
      const pasted = kind.records(other.snapshot())[copy]!;
      expect(pasted.id).not.toBe(id);
      expect({ ...pasted, id: record.id, x: record.x, y: record.y, areas: undefined }).toEqual({
        ...record,
        areas: undefined,
      });
      expect([pasted.x, pasted.y]).toEqual([40, 50]);
      expect(kind.parse({ ...record, x: Number.NaN })).toBeNull();
      expect(kind.parse(null)).toBeNull();
    }
    const card = board.snapshot().maturityCards[maturity]!;
    expect(
      personaFrame.parse({ ...personaFrame.records(board.snapshot())[persona]!, quote: 'q'.repeat(100_001) }),
    ).toBeNull();
    expect(maturityFrame.parse({ ...card, areas: [card.areas[0], card.areas[0]] })).toBeNull();
    expect(maturityFrame.parse({ ...card, areas: [{ ...card.areas[0], level: 'legendary' }] })).toBeNull();
  });

  it('link a map copied with its persona to the copied persona', () => {
    const journey = Object.values(board.snapshot().journeys)[0]!;
    const other = BoardDoc.create();
    other.batch('paste', () => {
      const personaCopy = personaFrame.paste(
        other,
        board.snapshot().personas[persona]!,
        { x: 0, y: 0 },
        new Map(),
      );
      const mapCopy = pasteJourney(other, journey, { x: 600, y: 0 }, new Map([[persona, personaCopy]]));
      expect(other.snapshot().journeys[mapCopy]!.personaId).toBe(personaCopy);
    });
    // Without the persona, a map pasted into another board has none.
    const third = BoardDoc.create();
    third.batch('paste', () => {
      const mapCopy = pasteJourney(third, journey, { x: 0, y: 0 }, new Map());
      expect(third.snapshot().journeys[mapCopy]!.personaId).toBeNull();
    });
  });

  it('size the maturity card from its areas', () => {
    expect(maturityCardSize(0)).toEqual({ width: 966, height: 274 });
    expect(maturityCardSize(5).height - maturityCardSize(4).height).toBe(46);
  });
});
