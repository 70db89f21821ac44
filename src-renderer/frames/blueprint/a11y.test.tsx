import { ReactFlowProvider } from '@xyflow/react';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { BoardProvider, ViewOnlyBoardProvider } from '../../board/BoardContext';
import { auditFrameHtml } from '../common/a11yAudit';
import journeyEn from '../journey/locales/en.json';
import journeyRu from '../journey/locales/ru.json';
import { BlueprintFrame } from './BlueprintFrame';
import { BlueprintFarFrame } from './FarFrame';
import en from './locales/en.json';
import ru from './locales/ru.json';
import { placedBlueprints } from './place';
import { useBlueprintUi } from './uiStore';

/**
 * Renders whole blueprints (linked with a kept column, mirror, custom lane, handoff; and
 * standalone) to HTML in each language, with a card editor and each menu open, and checks
 * what a screen reader and a translator would: every control named, no untranslated key.
 */
function board() {
  const b = BoardDoc.create();
  const journey = b.addJourney({
    kind: 'cjm',
    preset: 'light',
    x: 0,
    y: 0,
    stageTitles: ['Search', 'Pay', 'Use'],
  });
  const j = b.snapshot().journeys[journey]!;
  const steps = j.lanes.find((l) => l.type === 'steps')!;
  b.addCard(journey, { stageId: j.stages[0]!.id, laneId: steps.id, text: 'Opens the app' });
  const linked = b.addBlueprint({ journeyId: journey, title: 'Support', x: 0, y: 0 });
  b.setBlueprintMirror(linked, true);
  const lane = b.addBlueprintLane(linked, { title: 'Partners', zone: 'backstage' });
  const bot = b.addProcessCard(linked, {
    columnId: j.stages[0]!.id,
    lane: 'frontstage',
    text: 'Bot',
    actorKind: 'bot',
    pros: ['24/7'],
    cons: ['rigid'],
  });
  const crm = b.addProcessCard(linked, {
    columnId: j.stages[1]!.id,
    lane,
    text: 'CRM',
    owner: 'Sales',
    system: 'amoCRM',
  });
  b.addHandoff(linked, bot, crm);
  b.deleteStage(journey, j.stages[1]!.id, { blueprintCards: 'keep' });
  const standalone = b.addBlueprint({ x: 0, y: 3000, columnTitles: ['One', ''] });
  return { b, linked, standalone, bot, lane };
}

function i18n(lng: 'en' | 'ru') {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    resources: { en: { translation: { ...journeyEn, ...en } }, ru: { translation: { ...journeyRu, ...ru } } },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

function render(
  b: BoardDoc,
  id: string,
  lng: 'en' | 'ru',
  options: { viewer?: boolean; far?: boolean } = {},
): string {
  const record = placedBlueprints(b.snapshot())[id]!;
  const Drawing = options.far ? BlueprintFarFrame : BlueprintFrame;
  const Provider = options.viewer ? ViewOnlyBoardProvider : BoardProvider;
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n(lng)}>
      <Provider board={b}>
        <ReactFlowProvider>
          <Drawing record={record} selected />
        </ReactFlowProvider>
      </Provider>
    </I18nextProvider>,
  );
}

const audit = (html: string) => auditFrameHtml(html, ['blueprint', 'journey']);

describe('blueprint frame accessibility and translation', () => {
  for (const lng of ['en', 'ru'] as const) {
    it(`names every control and translates every string, menus and editor open (${lng})`, () => {
      const { b, linked, standalone, bot, lane } = board();
      const ui = useBlueprintUi.getState();
      const popovers = [
        null,
        { kind: 'card', blueprintId: linked, id: bot } as const,
        { kind: 'options', blueprintId: linked } as const,
        { kind: 'addLane', blueprintId: linked } as const,
        { kind: 'lane', blueprintId: linked, id: lane } as const,
      ];
      try {
        for (const popover of popovers) {
          if (popover) ui.openPopover(popover);
          else ui.closePopover();
          const html = render(b, linked, lng);
          expect(audit(html), JSON.stringify(popover)).toEqual([]);
        }
        const column = b.snapshot().blueprints[standalone]!.columns[0]!.id;
        ui.openPopover({ kind: 'column', blueprintId: standalone, id: column });
        expect(audit(render(b, standalone, lng))).toEqual([]);
      } finally {
        ui.closePopover();
      }
    });
  }

  it('draws lines, kept column, mirror and handoff, in the chosen language', () => {
    const { b, linked } = board();
    const html = render(b, linked, 'ru');
    for (const text of [
      'Линия взаимодействия',
      'Линия видимости',
      'Линия внутреннего взаимодействия',
      'сохранена от удалённого этапа',
      'Opens the app',
      'Передача: Bot → CRM',
    ])
      expect(html).toContain(text);
    expect(render(b, linked, 'en')).toContain('Process card: Bot (Bot)');
  });

  it('a viewer gets no add, menu or delete controls; fields are read-only', () => {
    const { b, linked, bot } = board();
    useBlueprintUi.getState().openPopover({ kind: 'card', blueprintId: linked, id: bot });
    try {
      const html = render(b, linked, 'en', { viewer: true });
      expect(html).toContain('Process card: Bot (Bot)');
      expect(html).not.toContain('Add process card');
      expect(html).not.toContain('Blueprint options');
      expect(html).not.toContain('Delete process card');
      expect(html).not.toContain('New pro');
      expect(html).toMatch(/aria-label="Owner"[^>]*readOnly|readOnly[^>]*aria-label="Owner"/i);
      expect(audit(html)).toEqual([]);
    } finally {
      useBlueprintUi.getState().closePopover();
    }
  });

  it('at far zoom it is one picture with the frame’s name and nothing focusable', () => {
    const { b, linked } = board();
    const html = render(b, linked, 'en', { far: true });
    expect(html).toContain('aria-label="Service blueprint: Support"');
    expect(html).not.toMatch(/<(button|input|select|textarea)\b/);
    expect(html.match(/<path/g)?.length).toBeLessThan(20);
  });
});
