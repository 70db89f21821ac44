import { describe, expect, it } from 'vitest';
import { BoardDoc, type JourneySnapshot } from '../../../shared/board';
import { parseJourney, pasteJourney } from './copy';

/** A journey with every kind of content: stages with both emotion series, custom lanes, cards with tags/evidence/redaction, moments, header and "why?" ladder. */
function richJourney(board: BoardDoc): string {
  const persona = board.addPersona({ name: 'Anna' });
  const id = board.addJourney({ kind: 'reverse', preset: 'light', title: 'Order online', x: 100, y: 50 });
  const search = board.addStage(id, { title: 'Search' });
  const pay = board.addStage(id, { title: 'Pay', after: search });
  board.setEmotion(id, search, 'asIs', -1.5);
  board.setEmotion(id, pay, 'toBe', 2);
  const custom = board.addLane(id, { type: 'custom', title: 'Channels' });
  const quotes = board.addLane(id, { type: 'quotes' });
  const first = board.addCard(id, { stageId: search, laneId: custom, text: 'Web', color: 'blue' });
  board.addCard(id, { stageId: search, laneId: custom, text: 'App', color: '#123456' });
  const quote = board.addCard(id, { stageId: pay, laneId: quotes, text: '"Too many steps"' });
  board.updateCard(id, first, { tags: ['web', 'seo'], evidence: 'Interview 3' });
  board.updateCard(id, quote, { redact: true });
  board.addMoment(id, { stageId: pay, type: 'SMOT', target: 'Sure it arrives', current: 'Unsure' });
  board.updateJourney(id, {
    segment: 'Young parents',
    scenarioGoal: 'Order for tomorrow',
    state: 'to-be',
    endGoal: 'Comes back',
    goalKind: 'positive-emotion',
    personaId: persona,
  });
  board.setWhyLadder(id, ['Because it was easy', 'Because it arrived']);
  return id;
}

/** What a copy must keep: everything but ids and position. */
function content(journey: JourneySnapshot) {
  const stageIndex = new Map(journey.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(journey.lanes.map((l, i) => [l.id, i]));
  return {
    kind: journey.kind,
    title: journey.title,
    segment: journey.segment,
    scenarioGoal: journey.scenarioGoal,
    state: journey.state,
    endGoal: journey.endGoal,
    goalKind: journey.goalKind,
    whyLadder: journey.whyLadder,
    stages: journey.stages.map((s) => ({ title: s.title, emotion: s.emotion })),
    lanes: journey.lanes.map((l) => ({ type: l.type, title: l.title })),
    // Cells are keyed by ids, so list them by stage and lane position instead.
    cards: Object.values(journey.cells)
      .flatMap((cards) =>
        cards.map((c, i) => ({
          stage: stageIndex.get(c.stageId),
          lane: laneIndex.get(c.laneId),
          index: i,
          text: c.text,
          color: c.color,
          tags: c.tags,
          evidence: c.evidence,
          redact: c.redact,
        })),
      )
      .sort((a, b) => a.stage! - b.stage! || a.lane! - b.lane! || a.index - b.index),
    moments: journey.moments.map((m) => ({
      stage: stageIndex.get(m.stageId),
      type: m.type,
      target: m.target,
      current: m.current,
    })),
  };
}

/** The journey as it travels on the clipboard: JSON text, read back untrusted. */
function throughClipboard(journey: JourneySnapshot): JourneySnapshot {
  const read = parseJourney(JSON.parse(JSON.stringify(journey)));
  expect(read).not.toBeNull();
  return read!;
}

describe('journey copy', () => {
  it('duplicates a map with all its content, fresh ids, as one undo step', () => {
    const board = BoardDoc.create();
    const id = richJourney(board);
    const original = board.snapshot().journeys[id]!;
    let copyId = '';
    board.batch('duplicate', () => {
      copyId = pasteJourney(board, throughClipboard(original), { x: 2000, y: 50 });
    });
    const copy = board.snapshot().journeys[copyId]!;
    expect(content(copy)).toEqual(content(original));
    expect(copy.personaId).toBe(original.personaId);
    expect({ x: copy.x, y: copy.y }).toEqual({ x: 2000, y: 50 });
    const ids = (j: JourneySnapshot) => [
      j.id,
      ...j.stages.map((s) => s.id),
      ...j.lanes.map((l) => l.id),
      ...Object.values(j.cells).flatMap((c) => c.map((x) => x.id)),
      ...j.moments.map((m) => m.id),
    ];
    const shared = ids(copy).filter((x) => ids(original).includes(x));
    expect(shared).toEqual([]);
    // The original is untouched, and one undo removes the whole copy.
    expect(board.snapshot().journeys[id]).toEqual(original);
    board.history.undo();
    expect(Object.keys(board.snapshot().journeys)).toEqual([id]);
  });

  it('pastes into another board, dropping a persona link that board does not have', () => {
    const source = BoardDoc.create();
    const sourceId = richJourney(source);
    const original = source.snapshot().journeys[sourceId]!;
    const target = BoardDoc.create();
    let copyId = '';
    target.batch('paste', () => {
      copyId = pasteJourney(target, throughClipboard(original), { x: 0, y: 0 });
    });
    const copy = target.snapshot().journeys[copyId]!;
    expect(content(copy)).toEqual(content(original));
    expect(copy.personaId).toBeNull();
  });

  it('pastes a copy made by an older version, before the CX index existed', () => {
    const board = BoardDoc.create();
    const id = richJourney(board);
    const original = board.snapshot().journeys[id]!;
    const older = JSON.parse(JSON.stringify(original)) as Record<string, unknown>;
    delete older.cxWeights;
    const read = parseJourney(older);
    expect(read).not.toBeNull();
    const copyId = pasteJourney(board, read!, { x: 0, y: 900 });
    const copy = board.snapshot().journeys[copyId]!;
    expect(content(copy)).toEqual(content(original));
    expect(copy.cxWeights).toEqual({});
  });

  it('copies a map with no stages and no lanes', () => {
    const board = BoardDoc.create();
    const id = board.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0 });
    for (const lane of board.snapshot().journeys[id]!.lanes) board.deleteLane(id, lane.id);
    const original = board.snapshot().journeys[id]!;
    const copyId = pasteJourney(board, throughClipboard(original), { x: 0, y: 900 });
    expect(content(board.snapshot().journeys[copyId]!)).toEqual(content(original));
  });

  it('refuses a damaged or forged copy as a whole', () => {
    const board = BoardDoc.create();
    const id = richJourney(board);
    const good = JSON.parse(JSON.stringify(board.snapshot().journeys[id]!));
    const stage = good.stages[0].id;
    const lane = good.lanes[0].id;
    const foreignCard = { ...(Object.values(good.cells as Record<string, unknown[]>)[0]![0] as object) };
    const cases: [string, (j: Record<string, unknown>) => void][] = [
      ['unknown kind', (j) => (j.kind = 'matrix')],
      ['title too long', (j) => (j.title = 'x'.repeat(501))],
      ['position not a number', (j) => (j.x = 'NaN')],
      ['position out of range', (j) => (j.y = 1e12)],
      ['stage text too long', (j) => ((j.stages as { title: string }[])[0]!.title = 'x'.repeat(100_001))],
      [
        'emotion not a number',
        (j) => ((j.stages as { emotion: unknown }[])[0]!.emotion = { asIs: 'high', toBe: null }),
      ],
      ['bad lane type', (j) => ((j.lanes as { type: string }[])[0]!.type = 'script')],
      ['duplicate stage ids', (j) => (j.stages = [...(j.stages as unknown[]), (j.stages as unknown[])[0]])],
      [
        'too many lanes',
        (j) => (j.lanes = Array.from({ length: 101 }, (_, i) => ({ id: `l${i}`, type: 'steps', title: '' }))),
      ],
      [
        'card on an unknown stage',
        (j) => (j.cells = { [`nope:${lane}`]: [{ ...foreignCard, stageId: 'nope', laneId: lane }] }),
      ],
      [
        'card filed in another cell',
        (j) => (j.cells = { [`${stage}:${lane}`]: [{ ...foreignCard, stageId: stage, laneId: 'other' }] }),
      ],
      [
        'too many tags',
        (j) =>
          (j.cells = {
            [`${stage}:${lane}`]: [
              { ...foreignCard, stageId: stage, laneId: lane, tags: Array(51).fill('t') },
            ],
          }),
      ],
      ['bad moment type', (j) => ((j.moments as { type: string }[])[0]!.type = 'XMOT')],
      ['bad id', (j) => (j.id = '../../etc')],
      ['persona not an id', (j) => (j.personaId = { $ne: 1 })],
      ['why ladder too long', (j) => (j.whyLadder = Array(51).fill('why'))],
    ];
    expect(parseJourney(good)).not.toBeNull();
    for (const [what, damage] of cases) {
      const copy = JSON.parse(JSON.stringify(good));
      damage(copy);
      expect(parseJourney(copy), what).toBeNull();
    }
    expect(parseJourney(null)).toBeNull();
    expect(parseJourney([good])).toBeNull();
  });
});
