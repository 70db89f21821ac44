import { type NodeProps, ReactFlowProvider } from '@xyflow/react';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { BoardProvider } from '../../board/BoardContext';
import { auditFrameHtml } from '../common/a11yAudit';
import { type FrameFlowNode, frameNodeFor } from '../FrameNode';
import { journeyFrame } from './frame';

const JourneyNode = frameNodeFor(journeyFrame);
import bpEn from '../blueprint/locales/en.json';
import bpRu from '../blueprint/locales/ru.json';
import en from './locales/en.json';
import ru from './locales/ru.json';
import { useJourneyUi } from './uiStore';

/**
 * Renders whole journey frames (every lane type, cards, quotes, moments, emotions, a reverse
 * map in both readings) to HTML in each language and checks what a screen reader and a
 * translator would: every control has a name, and no untranslated key leaks into the UI.
 */

function richBoard(): { board: BoardDoc; ids: string[] } {
  const board = BoardDoc.create();
  const cjm = board.addJourney({ kind: 'cjm', preset: 'full', x: 0, y: 0, stageTitles: ['Search', 'Pay'] });
  board.addLane(cjm, { type: 'custom' });
  const j = board.snapshot().journeys[cjm]!;
  const [search, pay] = j.stages.map((s) => s.id) as [string, string];
  for (const lane of j.lanes) {
    if (lane.type === 'emotions' || lane.type === 'moments') continue;
    const card = board.addCard(cjm, { stageId: search, laneId: lane.id, text: `${lane.type} card` });
    board.updateCard(cjm, card, { tags: ['t'], evidence: 'Interview 3', redact: lane.type === 'quotes' });
  }
  board.addCard(cjm, { stageId: pay, laneId: j.lanes[1]!.id }); // an empty card
  board.addMoment(cjm, { stageId: pay, type: 'UMOT', target: 'Will come back' });
  board.setEmotion(cjm, search, 'asIs', 1);
  board.setEmotion(cjm, pay, 'toBe', 2);
  const reverse = board.addJourney({ kind: 'reverse', x: 0, y: 2000, stageTitles: ['Tickets'] });
  board.setWhyLadder(reverse, ['Share with friends']);
  board.updateJourney(reverse, { endGoal: 'Photo on the ice', goalKind: 'positive-emotion' });
  const ejm = board.addJourney({ kind: 'ejm', x: 0, y: 4000, stageTitles: [] });
  return { board, ids: [cjm, reverse, ejm] };
}

function render(board: BoardDoc, journeyId: string, lng: 'en' | 'ru'): string {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng,
    // The map's options menu offers the blueprint's action, named in the blueprint's strings.
    resources: { en: { translation: { ...en, ...bpEn } }, ru: { translation: { ...ru, ...bpRu } } },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  const props = {
    id: journeyId,
    data: { record: board.snapshot().journeys[journeyId] },
    selected: true,
  } as unknown as NodeProps<FrameFlowNode>;
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <BoardProvider board={board}>
        <ReactFlowProvider>
          <JourneyNode {...props} />
        </ReactFlowProvider>
      </BoardProvider>
    </I18nextProvider>,
  );
}

/** Problems: controls without a name, untranslated keys. */
const audit = (html: string) => auditFrameHtml(html, ['journey']);

describe('journey frame accessibility and translation', () => {
  for (const lng of ['en', 'ru'] as const) {
    it(`names every control and translates every string (${lng})`, () => {
      const { board, ids } = richBoard();
      for (const id of ids) {
        const html = render(board, id, lng);
        expect(html.length).toBeGreaterThan(1000);
        expect(audit(html)).toEqual([]);
      }
      // The forward reading of the reverse map too.
      useJourneyUi.getState().setReverseView(ids[1]!, 'forward');
      const forward = render(board, ids[1]!, lng);
      expect(forward).toContain('jm-forward-summary');
      expect(audit(forward)).toEqual([]);
      useJourneyUi.getState().setReverseView(ids[1]!, 'build');
    });
  }

  it('really speaks the chosen language', () => {
    const { board, ids } = richBoard();
    expect(render(board, ids[0]!, 'en')).toContain('Add card: Search · Customer steps');
    expect(render(board, ids[0]!, 'ru')).toContain('Добавить карточку: Search · Шаги клиента');
    expect(render(board, ids[1]!, 'ru')).toContain('Лестница «зачем?»');
  });

  it('asks what to do with the AI matrix row when a matrix follows the journey', () => {
    const { board, ids } = richBoard();
    const journey = board.snapshot().journeys[ids[0]!]!;
    const stageId = journey.stages[0]!.id;
    useJourneyUi.getState().openPopover({ kind: 'confirmStage', journeyId: journey.id, id: stageId });
    try {
      const plain = render(board, journey.id, 'en');
      expect(plain).toContain('role="alertdialog"');
      expect(plain).toContain('Delete the stage “Search” with everything in it?');
      expect(plain).not.toContain('matrix row');
      board.addMatrix({ journeyId: journey.id, x: 3000, y: 0 });
      board.addMetric({ journeyId: journey.id, stageId, kind: 'nps' });
      const withMatrix = render(board, journey.id, 'en');
      expect(withMatrix).toContain('Delete, with its AI matrix row');
      expect(withMatrix).toContain('Delete, keep the matrix row');
      expect(withMatrix).toContain('metrics: 1');
      expect(audit(withMatrix)).toEqual([]);
    } finally {
      useJourneyUi.getState().closePopover();
    }
  });

  it('catches a control without a name (the audit itself works)', () => {
    expect(audit('<button type="button"></button>')).toHaveLength(1);
    expect(audit('<input type="text">')).toHaveLength(1);
    expect(audit('<label><span>Kind</span><select></select></label>')).toEqual([]);
    expect(audit('<label><select><option>a</option></select></label>')).toHaveLength(1);
    expect(audit('<span>journey.card.add</span>')).toHaveLength(1);
  });
});
