import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { parseBlueprint, pasteBlueprint } from './copy';

function filled() {
  const board = BoardDoc.create();
  const journey = board.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0, stageTitles: ['A', 'B'] });
  const bp = board.addBlueprint({ journeyId: journey, title: 'Support', x: 0, y: 0 });
  const [a, b] = board.snapshot().journeys[journey]!.stages.map((s) => s.id) as [string, string];
  const lane = board.addBlueprintLane(bp, { title: 'Partners', zone: 'backstage' });
  const bot = board.addProcessCard(bp, {
    columnId: a,
    lane: 'frontstage',
    text: 'Bot',
    actorKind: 'bot',
    pros: ['24/7'],
  });
  const crm = board.addProcessCard(bp, { columnId: b, lane, text: 'CRM', system: 'amoCRM', cons: ['slow'] });
  board.addHandoff(bp, bot, crm);
  return { board, bp };
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('blueprint copies', () => {
  it('a copy pastes as a standalone blueprint with its columns, lanes, cards and handoffs', () => {
    const { board, bp } = filled();
    const copy = parseBlueprint(json(board.snapshot().blueprints[bp]))!;
    expect(copy).not.toBeNull();
    const target = BoardDoc.create();
    let id = '';
    target.batch('paste', () => {
      id = pasteBlueprint(target, copy, { x: 500, y: 600 });
    });
    const pasted = target.snapshot().blueprints[id]!;
    expect(pasted).toMatchObject({ title: 'Support', x: 500, y: 600, journeyId: null });
    expect(pasted.columns.map((c) => c.title)).toEqual(['A', 'B']);
    expect(pasted.lanes.filter((l) => l.kind === 'custom').map((l) => [l.title, l.zone])).toEqual([
      ['Partners', 'backstage'],
    ]);
    const cards = Object.values(pasted.cells).flat();
    expect(cards.map((c) => [c.text, c.actorKind, c.system, c.pros, c.cons]).sort()).toEqual([
      ['Bot', 'bot', '', ['24/7'], []],
      ['CRM', 'employee', 'amoCRM', [], ['slow']],
    ]);
    expect(pasted.handoffs).toHaveLength(1);
    target.history.undo();
    expect(Object.keys(target.snapshot().blueprints)).toEqual([]);
  });

  it('refuses a copy whose parts do not fit together, whole', () => {
    const { board, bp } = filled();
    const good = json(board.snapshot().blueprints[bp]);
    const broken = [
      { ...good, handoffs: [{ id: 'h1', from: 'nope', to: 'nope2' }] },
      { ...good, columns: [...good.columns, good.columns[0]] },
      {
        ...good,
        lanes: good.lanes.map((l: { kind: string }) => (l.kind === 'support' ? { ...l, id: 'other' } : l)),
      },
      { ...good, cells: { 'x:frontstage': Object.values(good.cells).flat() } },
      { ...good, title: 42 },
      null,
    ];
    for (const raw of broken) expect(parseBlueprint(raw)).toBeNull();
  });
});
