import { type NodeProps, ReactFlowProvider } from '@xyflow/react';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { BoardProvider } from '../../board/BoardContext';
import { type FrameFlowNode, frameNodeFor } from '../FrameNode';
import { journeyFrame } from './frame';

const JourneyNode = frameNodeFor(journeyFrame);
import { journeyNodeSize } from './layout';
import en from './locales/en.json';
import { useJourneyUi } from './uiStore';

/**
 * The journey node at different canvas zooms, rendered to HTML: the full frame with its
 * controls at 100 %, one drawing without controls when zoomed far out.
 */

function board(): { board: BoardDoc; id: string } {
  const doc = BoardDoc.create();
  const id = doc.addJourney({ kind: 'cjm', preset: 'full', x: 0, y: 0, stageTitles: ['Search', 'Pay'] });
  doc.updateJourney(id, { title: 'Checkout' });
  const j = doc.snapshot().journeys[id]!;
  for (const lane of j.lanes.filter((l) => l.type === 'steps' || l.type === 'barriers')) {
    for (const stage of j.stages) doc.addCard(id, { stageId: stage.id, laneId: lane.id, text: 'A card' });
  }
  return { board: doc, id };
}

/** Renders the node in a flow whose zoom fits the frame into a `viewportWidth` px wide view. */
function render(doc: BoardDoc, journeyId: string, viewportWidth: number): string {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  const size = journeyNodeSize(doc.snapshot().journeys[journeyId]!);
  const props = {
    id: journeyId,
    data: { record: doc.snapshot().journeys[journeyId] },
    selected: false,
  } as unknown as NodeProps<FrameFlowNode>;
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <BoardProvider board={doc}>
        <ReactFlowProvider
          initialNodes={[{ id: journeyId, position: { x: 0, y: 0 }, data: {}, ...size }]}
          initialWidth={viewportWidth}
          initialHeight={viewportWidth * 10}
          initialMinZoom={0.01}
          fitView
          initialFitViewOptions={{ padding: 0 }}
        >
          <JourneyNode {...props} />
        </ReactFlowProvider>
      </BoardProvider>
    </I18nextProvider>,
  );
}

describe('journey node level of detail', () => {
  it('draws the full frame with its controls when the map is readable', () => {
    const { board: doc, id } = board();
    const width = journeyNodeSize(doc.snapshot().journeys[id]!).width;
    const html = render(doc, id, width); // zoom 1
    expect(html).not.toContain('jm-far');
    expect(html).toContain('A card');
    expect(html).toMatch(/<button[^>]*aria-label="Add card/);
  });

  it('draws one picture with the frame name and no controls when zoomed far out', () => {
    const { board: doc, id } = board();
    const width = journeyNodeSize(doc.snapshot().journeys[id]!).width;
    const html = render(doc, id, width * 0.1); // zoom 0.1
    expect(html).toMatch(/<section[^>]*class="jm-frame jm-far[^"]*"[^>]*aria-label="CJM: Checkout"/);
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
    expect(html).not.toMatch(/<(button|input|textarea|select|li)\b/);
    expect(html).not.toContain('tabindex');
    expect(html).not.toContain('A card');
    expect(html).toContain('>Checkout</text>');
    expect(html).toContain('>Search</tspan>');
    expect(html).toMatch(/>Customer<\/tspan><tspan[^>]*>steps<\/tspan>/); // wrapped in two lines
    // 2 lanes × 2 stages of cards: four blocks in paths per colour.
    const blocks = [...html.matchAll(/<path class="jm-c-[a-z]+" d="([^"]+)"/g)].flatMap(
      (m) => m[1]!.match(/M/g) ?? [],
    );
    expect(blocks).toHaveLength(4);
  });

  it('draws cards as tiles between the far and the compact zoom, except in a cell being edited', () => {
    const { board: doc, id } = board();
    const width = journeyNodeSize(doc.snapshot().journeys[id]!).width;
    const html = render(doc, id, width * 0.35); // zoom 0.35: frame in detail, cells compact
    expect(html).toContain('jm-header');
    expect(html.match(/jm-card-tile/g)).toHaveLength(4);
    expect(html).not.toContain('data-card-id');

    const journey = doc.snapshot().journeys[id]!;
    const editing = Object.values(journey.cells).flat()[0]!;
    useJourneyUi.getState().setEditingCard(editing.id);
    try {
      const editingHtml = render(doc, id, width * 0.35);
      expect(editingHtml.match(/jm-card-tile/g)).toHaveLength(3);
      expect(editingHtml.match(/data-card-id/g)).toHaveLength(1);
      expect(editingHtml).toMatch(/<textarea[^>]*aria-label="Card text"/);
    } finally {
      useJourneyUi.getState().setEditingCard(null);
    }
  });
});
