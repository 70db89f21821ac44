import { type NodeProps, ReactFlowProvider } from '@xyflow/react';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { BoardProvider } from '../../board/BoardContext';
import common from '../../i18n/locales/en.json';
import commonRu from '../../i18n/locales/ru.json';
import { type FrameFlowNode, frameNodeFor } from '../FrameNode';
import { FarMatrix } from './FarMatrix';
import { matrixFrame } from './frame';
import en from './locales/en.json';
import ru from './locales/ru.json';
import { MATRIX_VIEWS, useMatrixUi } from './uiStore';

/**
 * Renders a filled matrix frame to HTML in each language and each view and checks what a
 * screen reader and a translator would: every control has a name, no untranslated key shows.
 * (A viewer's read-only matrix is checked in test/e2e/matrix.test.ts, with a real viewer link.)
 */

const MatrixNode = frameNodeFor(matrixFrame);

function filledBoard() {
  const board = BoardDoc.create();
  const journeyId = board.addJourney({
    kind: 'cjm',
    preset: 'light',
    x: 0,
    y: 0,
    stageTitles: ['Первое обращение', 'Answer', 'Closing'],
  });
  const [first, answer] = board.snapshot().journeys[journeyId]!.stages.map((s) => s.id) as [string, string];
  board.addMoment(journeyId, { stageId: first, type: 'FMOT', target: 'They listen to me' });
  const fcr = board.addMetric({ journeyId, stageId: first, kind: 'fcr', current: 67, target: 81 });
  const matrixId = board.addMatrix({ journeyId, title: 'AI', x: 0, y: 600 });
  board.setMatrixCell(matrixId, first, 'handToAi', 'Autofill the request');
  board.updateMatrixRow(matrixId, first, {
    pain: 4,
    money: 4,
    fit: 5,
    humanMustStay: true,
    humanReasonKind: 'elderly-customers',
    riskKinds: ['privacy'],
    decision: 'not-to-do',
    metricId: fcr,
  });
  board.updateMatrixRow(matrixId, answer, { pain: 2, money: 3, fit: 4, decision: 'now' });
  return { board, matrixId };
}

function render(board: BoardDoc, matrixId: string, lng: 'en' | 'ru'): string {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng,
    resources: {
      en: { translation: { ...common, ...en } },
      ru: { translation: { ...commonRu, ...ru } },
    },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  const props = {
    id: matrixId,
    data: { record: board.snapshot().matrices[matrixId] },
    selected: true,
  } as unknown as NodeProps<FrameFlowNode>;
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <BoardProvider board={board}>
        <ReactFlowProvider>
          <MatrixNode {...props} />
        </ReactFlowProvider>
      </BoardProvider>
    </I18nextProvider>,
  );
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z#0-9]+;/g, 'x')
    .trim();

/** Controls without a name, and untranslated keys. */
function audit(html: string): string[] {
  const problems: string[] = [];
  const wrapped = new Set<string>();
  for (const [, inner] of html.matchAll(/<label\b[^>]*>([\s\S]*?)<\/label>/g)) {
    if (!text(inner!.replace(/<select\b[\s\S]*?<\/select>/g, ''))) continue;
    for (const [tag] of inner!.matchAll(/<(?:input|textarea|select)\b[^>]*>/g)) wrapped.add(tag);
  }
  for (const [, open, inner] of html.matchAll(/(<button\b[^>]*>)([\s\S]*?)<\/button>/g))
    if (!attr(open!, 'aria-label') && !text(inner!)) problems.push(`button without a name: ${open}`);
  for (const [tag] of html.matchAll(/<(?:input|textarea|select)\b[^>]*>/g))
    if (!attr(tag, 'aria-label') && !wrapped.has(tag)) problems.push(`field without a name: ${tag}`);
  for (const [key] of html.matchAll(/\bmatrix\.[a-z][\w.-]*/gi)) problems.push(`untranslated key: ${key}`);
  return problems;
}

afterEach(() => useMatrixUi.setState({ views: {}, suggestionsFor: null }));

describe('matrix frame accessibility and translation', () => {
  for (const lng of ['en', 'ru'] as const)
    it(`names every control and translates every string in every view (${lng})`, () => {
      const { board, matrixId } = filledBoard();
      for (const view of MATRIX_VIEWS) {
        useMatrixUi.getState().setView(matrixId, { view });
        const html = render(board, matrixId, lng);
        expect(audit(html), view).toEqual([]);
      }
      useMatrixUi.getState().setView(matrixId, { view: 'table' });
      const table = render(board, matrixId, lng);
      // Three rows, the formula, the linked metric's values, the capped working and the hints.
      expect(table.match(/<tr class="mx-row/g)).toHaveLength(4);
      expect(table).toContain(lng === 'en' ? 'now 67 → target 81' : 'сейчас 67 → цель 81');
      expect(table).toContain('4 × 4 × 2 = 32');
      expect(table).toContain(
        lng === 'en' ? 'A human must stay, yet the fit is high' : 'Нужен человек, а уместность высокая',
      );
      expect(table).toContain(
        lng === 'en'
          ? 'Priority = (pain × money × fit − 1) / 124 × 100'
          : 'Приоритет = (боль × деньги × уместность − 1) / 124 × 100',
      );
    });

  it('draws a cheap far picture: the name, a band and a priority bar per scored stage, nothing focusable', () => {
    const { board, matrixId } = filledBoard();
    const i18n = i18next.createInstance();
    void i18n.init({
      lng: 'en',
      resources: { en: { translation: { ...common, ...en } } },
      initAsync: false,
      showSupportNotice: false,
    });
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <FarMatrix record={board.snapshot().matrices[matrixId]!} selected={false} />
      </I18nextProvider>,
    );
    expect(html).toContain('aria-label="AI matrix: AI"');
    expect(html.match(/class="mx-far-bar/g)).toHaveLength(2);
    expect(html).toContain('1. Первое обращение');
    expect(html).not.toMatch(/<(button|input|textarea|select)\b/);
  });
});
