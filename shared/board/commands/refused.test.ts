import { describe, expect, it } from 'vitest';
import { BoardCommandError, BoardDoc } from '../BoardDoc';

/**
 * Every refused command changes nothing: it throws BoardCommandError before writing, so the
 * Y.Doc emits no update, no undo step is recorded and the snapshot keeps its identity.
 */
function fixture() {
  const board = BoardDoc.create({ title: 'Refusals' });
  const journey = board.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0, stageTitles: ['A', 'B'] });
  const j = board.snapshot().journeys[journey]!;
  const [stage, stage2] = [j.stages[0]!.id, j.stages[1]!.id];
  const lane = j.lanes[0]!.id;
  const card = board.addCard(journey, { stageId: stage, laneId: lane, text: 'card' });
  const moment = board.addMoment(journey, { stageId: stage, type: 'FMOT' });
  const sticky = board.addElement({ type: 'sticky', x: 0, y: 0, text: 'note' });
  const frame = board.addElement({ type: 'frame', x: 0, y: 0 });
  const persona = board.addPersona({ name: 'Anna' });
  const blueprint = board.addBlueprint({ x: 0, y: 0, columnTitles: ['C1'] });
  const column = board.snapshot().blueprints[blueprint]!.columns[0]!.id;
  const processCard = board.addProcessCard(blueprint, { columnId: column, lane: 'customer', text: 'p' });
  const linked = board.addBlueprint({ journeyId: journey, x: 0, y: 0 });
  const metric = board.addMetric({ journeyId: journey, stageId: stage, kind: 'nps' });
  const metric2 = board.addMetric({ journeyId: journey, stageId: stage2, kind: 'csat' });
  const matrix = board.addMatrix({ journeyId: journey, x: 0, y: 0 });
  const maturityCard = board.addMaturityCard({ x: 0, y: 0, areas: [{ kind: 'service' }] });
  const area = board.snapshot().maturityCards[maturityCard]!.areas[0]!.id;
  const ids = { journey, stage, lane, card, moment, sticky, frame, persona, blueprint, column, processCard };
  return { board, ids: { ...ids, linked, metric, metric2, matrix, maturityCard, area } };
}

type Ids = ReturnType<typeof fixture>['ids'];
const bad = <T>(value: unknown) => value as T;
const long = 'x'.repeat(100_001);
const good = {
  id: 'a1',
  type: 'sticky',
  x: 0,
  y: 0,
  width: 10,
  height: 10,
  text: '',
  style: { color: 'yellow' },
};

/** One or more refused calls of every command of BoardDoc. */
const REFUSALS: [string, (b: BoardDoc, i: Ids) => unknown][] = [
  ['setTitle: too long', (b) => b.setTitle('t'.repeat(501))],
  ['setTitle: not text', (b) => b.setTitle(bad(42))],
  ['addElement: type', (b) => b.addElement({ type: bad('blob'), x: 0, y: 0 })],
  ['addElement: NaN', (b) => b.addElement({ type: 'sticky', x: Number.NaN, y: 0 })],
  ['addElement: text', (b) => b.addElement({ type: 'sticky', x: 0, y: 0, text: long })],
  [
    'addElement: style',
    (b) => b.addElement({ type: 'sticky', x: 0, y: 0, style: bad({ color: 'c'.repeat(40) }) }),
  ],
  ['addElement: frame', (b, i) => b.addElement({ type: 'sticky', x: 0, y: 0, frameId: i.sticky })],
  [
    'addElement: end',
    (b, i) => b.addElement({ type: 'connector', x: 0, y: 0, from: i.sticky, to: 'missing' }),
  ],
  ['addElement: id taken', (b, i) => b.addElement({ type: 'sticky', x: 0, y: 0, id: i.sticky })],
  ['updateElement: width', (b, i) => b.updateElement(i.sticky, { width: 0 })],
  ['updateElement: own frame', (b, i) => b.updateElement(i.frame, { frameId: i.frame })],
  ['updateElement: missing', (b) => b.updateElement('missing', { x: 1 })],
  [
    'moveElements: one bad of two',
    (b, i) =>
      b.moveElements([
        { id: i.sticky, x: 5, y: 5 },
        { id: i.frame, x: 1e99, y: 0 },
      ]),
  ],
  ['moveElements: not a list', (b) => b.moveElements(bad('all'))],
  ['setElementText', (b, i) => b.setElementText(i.sticky, long)],
  ['deleteElements: not a list', (b) => b.deleteElements(bad(null))],
  ['bringToFront: not a list', (b) => b.bringToFront(bad(7))],
  ['duplicateElements: offset', (b, i) => b.duplicateElements([i.sticky], { dx: Number.NaN, dy: 0 })],
  [
    'pasteElements: one good, one bad',
    (b) => b.pasteElements(bad([good, { ...good, id: 'a2', width: -5 }]), { dx: 0, dy: 0 }),
  ],
  ['pasteElements: not a list', (b) => b.pasteElements(bad({}), { dx: 0, dy: 0 })],
  ['addJourney: kind', (b) => b.addJourney({ kind: bad('map'), x: 0, y: 0 })],
  ['addJourney: preset', (b) => b.addJourney({ kind: 'cjm', preset: bad('huge'), x: 0, y: 0 })],
  ['addJourney: stage title', (b) => b.addJourney({ kind: 'cjm', x: 0, y: 0, stageTitles: ['ok', bad(3)] })],
  ['updateJourney: goal kind', (b, i) => b.updateJourney(i.journey, { title: 'new', goalKind: bad('fun') })],
  ['updateJourney: persona', (b, i) => b.updateJourney(i.journey, { personaId: 'missing' })],
  ['setWhyLadder', (b, i) => b.setWhyLadder(i.journey, bad(['ok', 5]))],
  ['deleteJourney: missing', (b) => b.deleteJourney('missing')],
  ['deleteJourney: inherited name', (b) => b.deleteJourney('constructor')],
  ['addStage: title', (b, i) => b.addStage(i.journey, { title: long })],
  ['addStage: placement', (b, i) => b.addStage(i.journey, { title: 'x', before: 'nope' })],
  ['renameStage', (b, i) => b.renameStage(i.journey, i.stage, bad(null))],
  ['moveStage', (b, i) => b.moveStage(i.journey, i.stage, { after: 'nope' })],
  ['deleteStage: option', (b, i) => b.deleteStage(i.journey, i.stage, { matrixRows: bad('maybe') })],
  ['deleteStage: missing', (b, i) => b.deleteStage(i.journey, 'missing')],
  [
    'deleteStage: blueprint option',
    (b, i) => b.deleteStage(i.journey, i.stage, { blueprintCards: bad('archive') }),
  ],
  ['addLane: type', (b, i) => b.addLane(i.journey, { type: bad('feelings') })],
  ['renameLane', (b, i) => b.renameLane(i.journey, i.lane, long)],
  ['moveLane', (b, i) => b.moveLane(i.journey, 'missing', { after: i.lane })],
  ['deleteLane', (b, i) => b.deleteLane(i.journey, 'missing')],
  ['addCard: lane', (b, i) => b.addCard(i.journey, { stageId: i.stage, laneId: 'missing' })],
  ['addCard: index', (b, i) => b.addCard(i.journey, { stageId: i.stage, laneId: i.lane, index: -1 })],
  [
    'addCard: colour',
    (b, i) => b.addCard(i.journey, { stageId: i.stage, laneId: i.lane, color: 'c'.repeat(33) }),
  ],
  ['setCardText', (b, i) => b.setCardText(i.journey, i.card, long)],
  ['updateCard: tags', (b, i) => b.updateCard(i.journey, i.card, { color: 'blue', tags: ['x'.repeat(101)] })],
  ['updateCard: redact', (b, i) => b.updateCard(i.journey, i.card, { redact: bad('yes') })],
  ['updateCard: metric', (b, i) => b.updateCard(i.journey, i.card, { metricId: 'missing' })],
  ['updateCard: metric id', (b, i) => b.updateCard(i.journey, i.card, { metricId: bad(42) })],
  ['moveCard', (b, i) => b.moveCard(i.journey, i.card, { stageId: 'missing', laneId: i.lane })],
  ['deleteCard', (b, i) => b.deleteCard(i.journey, 'missing')],
  ['setEmotion: NaN', (b, i) => b.setEmotion(i.journey, i.stage, 'asIs', Number.NaN)],
  ['setEmotion: series', (b, i) => b.setEmotion(i.journey, i.stage, bad('wish'), 1)],
  ['addMoment: type', (b, i) => b.addMoment(i.journey, { stageId: i.stage, type: bad('XMOT') })],
  ['updateMoment: stage', (b, i) => b.updateMoment(i.journey, i.moment, { target: 'x', stageId: 'missing' })],
  ['deleteMoment', (b, i) => b.deleteMoment(i.journey, 'missing')],
  ['addPersona', (b) => b.addPersona({ name: long })],
  ['addPersona: expectations', (b) => b.addPersona({ expectations: { speed: bad(1) } })],
  ['updatePersona', (b, i) => b.updatePersona(i.persona, { quote: bad({}) })],
  ['updatePersona: position', (b, i) => b.updatePersona(i.persona, { x: Number.POSITIVE_INFINITY })],
  ['addPersona: position', (b) => b.addPersona({ y: bad('top') })],
  ['deletePersona', (b) => b.deletePersona('missing')],
  ['addMaturityCard: x', (b) => b.addMaturityCard({ x: Number.NaN, y: 0 })],
  ['addMaturityCard: area', (b) => b.addMaturityCard({ x: 0, y: 0, areas: [{ level: bad('legendary') }] })],
  [
    'addMaturityCard: too many areas',
    (b) => b.addMaturityCard({ x: 0, y: 0, areas: Array.from({ length: 51 }, () => ({})) }),
  ],
  ['updateMaturityCard', (b, i) => b.updateMaturityCard(i.maturityCard, { title: 't'.repeat(501) })],
  ['updateMaturityCard: missing', (b) => b.updateMaturityCard('missing', { x: 1 })],
  ['deleteMaturityCard', (b) => b.deleteMaturityCard('missing')],
  ['addMaturityArea: kind', (b, i) => b.addMaturityArea(i.maturityCard, { kind: bad('finance') })],
  ['addMaturityArea: index', (b, i) => b.addMaturityArea(i.maturityCard, { index: -1 })],
  ['addMaturityArea: card', (b) => b.addMaturityArea('missing', {})],
  ['updateMaturityArea', (b, i) => b.updateMaturityArea(i.maturityCard, i.area, { level: bad('top') })],
  ['updateMaturityArea: area', (b, i) => b.updateMaturityArea(i.maturityCard, 'missing', { name: 'x' })],
  ['deleteMaturityArea', (b, i) => b.deleteMaturityArea(i.maturityCard, 'missing')],
  ['addBlueprint: journey', (b) => b.addBlueprint({ journeyId: 'missing', x: 0, y: 0 })],
  [
    'addBlueprint: linked with columns',
    (b, i) => b.addBlueprint({ journeyId: i.journey, x: 0, y: 0, columnTitles: ['X'] }),
  ],
  ['updateBlueprint', (b, i) => b.updateBlueprint(i.blueprint, { title: 'ok', x: Number.POSITIVE_INFINITY })],
  ['deleteBlueprint', (b) => b.deleteBlueprint('missing')],
  ['addBlueprintColumn', (b, i) => b.addBlueprintColumn(i.blueprint, { title: long })],
  [
    'addProcessCard: lane',
    (b, i) => b.addProcessCard(i.blueprint, { columnId: i.column, lane: bad('roof') }),
  ],
  [
    'addProcessCard: actor',
    (b, i) => b.addProcessCard(i.blueprint, { columnId: i.column, lane: 'support', actorKind: bad('robot') }),
  ],
  [
    'updateProcessCard',
    (b, i) => b.updateProcessCard(i.blueprint, i.processCard, { text: 'ok', pros: bad('many') }),
  ],
  ['setProcessCardText', (b, i) => b.setProcessCardText(i.blueprint, i.processCard, long)],
  [
    'moveProcessCard',
    (b, i) => b.moveProcessCard(i.blueprint, i.processCard, { columnId: 'missing', lane: 'support' }),
  ],
  ['deleteProcessCard', (b, i) => b.deleteProcessCard(i.blueprint, 'missing')],
  ['setBlueprintMirror', (b, i) => b.setBlueprintMirror(i.blueprint, bad('yes'))],
  ['detachBlueprint: standalone', (b, i) => b.detachBlueprint(i.blueprint, { x: 0, y: 0 })],
  ['detachBlueprint: position', (b, i) => b.detachBlueprint(i.linked, { x: Number.NaN, y: 0 })],
  ['renameBlueprintColumn: stage', (b, i) => b.renameBlueprintColumn(i.linked, i.stage, 'x')],
  ['renameBlueprintColumn: long', (b, i) => b.renameBlueprintColumn(i.blueprint, i.column, long)],
  ['moveBlueprintColumn', (b, i) => b.moveBlueprintColumn(i.blueprint, i.column, { before: 'missing' })],
  ['deleteBlueprintColumn', (b, i) => b.deleteBlueprintColumn(i.blueprint, 'missing')],
  ['addBlueprintLane: zone', (b, i) => b.addBlueprintLane(i.blueprint, { title: 'x', zone: bad('roof') })],
  ['addBlueprintLane: title', (b, i) => b.addBlueprintLane(i.blueprint, { title: long, zone: 'support' })],
  ['renameBlueprintLane: fixed', (b, i) => b.renameBlueprintLane(i.blueprint, 'customer', 'x')],
  ['deleteBlueprintLane', (b, i) => b.deleteBlueprintLane(i.blueprint, 'missing')],
  ['addHandoff: same card', (b, i) => b.addHandoff(i.blueprint, i.processCard, i.processCard)],
  ['addHandoff: missing', (b, i) => b.addHandoff(i.blueprint, i.processCard, 'missing')],
  ['deleteHandoff', (b, i) => b.deleteHandoff(i.blueprint, 'missing')],
  ['addMetric: stage', (b, i) => b.addMetric({ journeyId: i.journey, stageId: 'nope', kind: 'nps' })],
  [
    'addMetric: category',
    (b, i) => b.addMetric({ journeyId: i.journey, stageId: i.stage, kind: 'nps', category: bad('vibes') }),
  ],
  ['updateMetric', (b, i) => b.updateMetric(i.metric, { name: 'ok', current: Number.NaN })],
  ['addMetricReading', (b, i) => b.addMetricReading(i.metric, { date: '31.01.2026', value: 1 })],
  [
    'addMetric: task',
    (b, i) => b.addMetric({ journeyId: i.journey, stageId: i.stage, kind: 'nps', task: long }),
  ],
  ['updateMetric: task', (b, i) => b.updateMetric(i.metric, { task: bad(42) })],
  ['setMetricInputs: missing metric', (b) => b.setMetricInputs('missing', null)],
  ['setMetricInputs: shape', (b, i) => b.setMetricInputs(i.metric, bad({ calculator: 'nps-distribution' }))],
  [
    'setMetricInputs: calculator of another kind',
    (b, i) => b.setMetricInputs(i.metric, { calculator: 'churn', customersAtStart: 10, customersLost: 1 }),
  ],
  [
    'setMetricInputs: calculator refuses (no answers)',
    (b, i) => b.setMetricInputs(i.metric, { calculator: 'nps-distribution', counts: new Array(11).fill(0) }),
  ],
  [
    'setMetricInputs: too many answers',
    (b, i) => b.setMetricInputs(i.metric, { calculator: 'nps-answers', answers: new Array(10_001).fill(9) }),
  ],
  ['deleteMetric', (b) => b.deleteMetric('missing')],
  [
    'updateMetricReading: missing reading',
    (b, i) =>
      b.updateMetricReading(i.metric, { date: '2026-01-31', value: 1 }, { date: '2026-01-31', value: 2 }),
  ],
  [
    'deleteMetricReading: bad date',
    (b, i) => b.deleteMetricReading(i.metric, { date: '2026-13-45', value: 1 }),
  ],
  [
    'importMetricReadings: one bad reading',
    (b, i) =>
      b.importMetricReadings(i.metric, [
        { date: '2026-01-31', value: 1 },
        { date: '2026-02-28', value: Number.POSITIVE_INFINITY },
      ]),
  ],
  ['importMetricReadings: empty', (b, i) => b.importMetricReadings(i.metric, [])],
  ['setMetricDrives: itself', (b, i) => b.setMetricDrives(i.metric, i.metric)],
  ['setMetricDrives: missing metric', (b, i) => b.setMetricDrives(i.metric, 'missing')],
  ['setCxWeight: negative', (b, i) => b.setCxWeight(i.journey, i.metric, -1)],
  ['setCxWeight: not weighed', (b, i) => b.setCxWeight(i.journey, i.metric, null)],
  ['addMatrix', (b) => b.addMatrix({ journeyId: 'missing', x: 0, y: 0 })],
  ['updateMatrix', (b, i) => b.updateMatrix(i.matrix, { title: 'm'.repeat(501) })],
  ['deleteMatrix', (b) => b.deleteMatrix('missing')],
  ['setMatrixCell: column', (b, i) => b.setMatrixCell(i.matrix, i.stage, bad('mood'), 'x')],
  ['setMatrixCell: text', (b, i) => b.setMatrixCell(i.matrix, i.stage, 'today', long)],
  ['updateMatrixRow: score', (b, i) => b.updateMatrixRow(i.matrix, i.stage, { risks: 'r', pain: 6 })],
  [
    'updateMatrixRow: reason kind',
    (b, i) => b.updateMatrixRow(i.matrix, i.stage, { pain: 2, humanReasonKind: bad('tired') }),
  ],
  [
    'updateMatrixRow: risk kinds',
    (b, i) => b.updateMatrixRow(i.matrix, i.stage, { riskKinds: ['privacy', 'privacy'] }),
  ],
  [
    'updateMatrixRow: risk kind',
    (b, i) => b.updateMatrixRow(i.matrix, i.stage, { riskKinds: bad(['bias']) }),
  ],
  [
    'updateMatrixRow: metric of another stage',
    (b, i) => b.updateMatrixRow(i.matrix, i.stage, { metricId: i.metric2 }),
  ],
];

/** Commands of BoardDoc (every public method that writes). */
const COMMANDS = Object.getOwnPropertyNames(BoardDoc.prototype).filter(
  (name) =>
    !['constructor', 'destroy', 'onChange', 'batch', 'snapshot', 'inspect', 'setReadOnly'].includes(name),
);

describe('refused commands change nothing', () => {
  it('covers every command of BoardDoc', () => {
    const tried = new Set(REFUSALS.map(([name]) => name.split(':')[0]!));
    const untested = COMMANDS.filter((name) => !name.startsWith('_') && !tried.has(name));
    // Private helpers of the class are not commands.
    expect(
      untested.filter(
        (name) =>
          ![
            'readCollection',
            'noteEvents',
            'emitChange',
            'makeHistory',
            'run',
            'assertWritable',
            'command',
          ].includes(name),
      ),
    ).toEqual([]);
  });

  it.each(REFUSALS)('%s', (_name, call) => {
    const { board, ids } = fixture();
    board.history.clear();
    const before = board.snapshot();
    let updates = 0;
    board.ydoc.on('update', () => updates++);
    expect(() => call(board, ids)).toThrow(BoardCommandError);
    expect(updates).toBe(0);
    expect(board.history.canUndo()).toBe(false);
    expect(board.snapshot()).toBe(before);
    // The probe would have seen a write: a valid command right after is recorded.
    board.setElementText(ids.sticky, 'changed');
    expect(updates).toBeGreaterThan(0);
    expect(board.history.canUndo()).toBe(true);
  });

  it('a viewer is refused every command the same way', () => {
    const { board, ids } = fixture();
    board.setReadOnly(true);
    let updates = 0;
    board.ydoc.on('update', () => updates++);
    expect(() => board.setElementText(ids.sticky, 'x')).toThrow(/viewing only/);
    expect(() => board.deleteElements([ids.sticky])).toThrow(/viewing only/);
    expect(updates).toBe(0);
  });
});
