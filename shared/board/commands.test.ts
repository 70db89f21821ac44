import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MetricInputs } from '../metrics/inputs';
import { BoardCommandError, BoardDoc } from './BoardDoc';
import { checkInvariants } from './invariants';
import { cellKey } from './schema';
import type { BoardChangeEvent } from './types';

function setup(kind: 'cjm' | 'reverse' | 'ejm' = 'cjm') {
  const board = BoardDoc.create({ title: 'T' });
  const journeyId = board.addJourney({ kind, preset: 'light', x: 0, y: 0, stageTitles: ['A', 'B', 'C'] });
  const j = () => board.snapshot().journeys[journeyId]!;
  const [s0, s1, s2] = j().stages.map((s) => s.id) as [string, string, string];
  const [steps, barriers] = j().lanes.map((l) => l.id) as [string, string];
  return { board, journeyId, j, s0, s1, s2, steps, barriers };
}

describe('free elements', () => {
  it('adds every kind with sensible defaults and validates input', () => {
    const board = BoardDoc.create();
    const sticky = board.addElement({ type: 'sticky', x: 10, y: 20, text: 'Note' });
    const shape = board.addElement({
      type: 'shape',
      x: 0,
      y: 0,
      style: { shape: 'diamond', color: 'green' },
    });
    const frame = board.addElement({ type: 'frame', x: -100, y: -100, text: 'Workshop' });
    const connector = board.addElement({
      type: 'connector',
      x: 0,
      y: 0,
      from: sticky,
      to: shape,
      text: 'leads to',
    });
    const snap = board.snapshot();
    expect(snap.elements[sticky]).toMatchObject({
      type: 'sticky',
      width: 200,
      height: 200,
      text: 'Note',
      style: { color: 'yellow' },
    });
    expect(snap.elements[shape]!.style).toEqual({ color: 'green', shape: 'diamond' });
    expect(snap.elements[frame]!.text).toBe('Workshop');
    expect(snap.elements[connector]).toMatchObject({ from: sticky, to: shape, text: 'leads to' });
    expect(snap.elementOrder).toEqual([sticky, shape, frame, connector]);
    expect(() => board.addElement({ type: 'connector', x: 0, y: 0, from: sticky, to: 'missing' })).toThrow(
      /not found/,
    );
    expect(() => board.addElement({ type: 'blob' as never, x: 0, y: 0 })).toThrow(BoardCommandError);
    expect(() => board.addElement({ type: 'sticky', x: 0, y: 0, width: -5 })).toThrow(/width/);
    expect(() => board.addElement({ type: 'sticky', x: 0, y: 0, text: 'x'.repeat(100_001) })).toThrow(
      /longer/,
    );
  });

  it('updates geometry and style, text, z order', () => {
    const board = BoardDoc.create();
    const a = board.addElement({ type: 'sticky', x: 0, y: 0 });
    const b = board.addElement({ type: 'sticky', x: 0, y: 0 });
    board.updateElement(a, { width: 300, style: { color: 'blue' } });
    board.setElementText(a, 'Hello');
    board.bringToFront([a]);
    const snap = board.snapshot();
    expect(snap.elements[a]).toMatchObject({ width: 300, text: 'Hello', style: { color: 'blue' } });
    expect(snap.elementOrder).toEqual([b, a]);
  });

  it('moves a frame with its contents and un-parents them when the frame is deleted', () => {
    const board = BoardDoc.create();
    const frame = board.addElement({ type: 'frame', x: 0, y: 0 });
    const inside = board.addElement({ type: 'sticky', x: 50, y: 60, frameId: frame });
    const outside = board.addElement({ type: 'sticky', x: 900, y: 900 });
    board.moveElements([{ id: frame, x: 100, y: 10 }]);
    let snap = board.snapshot();
    expect(snap.elements[inside]).toMatchObject({ x: 150, y: 70 });
    expect(snap.elements[outside]).toMatchObject({ x: 900, y: 900 });
    board.deleteElements([frame]);
    snap = board.snapshot();
    expect(snap.elements[frame]).toBeUndefined();
    expect(snap.elements[inside]!.frameId).toBeNull();
  });

  it('deleting an element deletes connectors attached to it', () => {
    const board = BoardDoc.create();
    const a = board.addElement({ type: 'sticky', x: 0, y: 0 });
    const b = board.addElement({ type: 'sticky', x: 0, y: 0 });
    board.addElement({ type: 'connector', x: 0, y: 0, from: a, to: b });
    board.deleteElements([a]);
    expect(Object.keys(board.snapshot().elements)).toEqual([b]);
  });

  it('duplicates and pastes with fresh ids, keeping connectors between copies', () => {
    const board = BoardDoc.create();
    const a = board.addElement({ type: 'sticky', x: 0, y: 0, text: 'A' });
    const b = board.addElement({ type: 'sticky', x: 300, y: 0, text: 'B' });
    const c = board.addElement({ type: 'connector', x: 0, y: 0, from: a, to: b });
    const copies = board.duplicateElements([a, b, c], { dx: 20, dy: 20 });
    expect(copies).toHaveLength(3);
    const snap = board.snapshot();
    const [ca, cb, cc] = copies.map((id) => snap.elements[id]!);
    expect(ca).toMatchObject({ x: 20, y: 20, text: 'A' });
    expect(cc).toMatchObject({ from: ca!.id, to: cb!.id });
    // Pasting into another board: a connector whose ends were not copied is dropped.
    const other = BoardDoc.create();
    const pasted = other.pasteElements([snap.elements[a]!, snap.elements[c]!], { dx: 0, dy: 0 });
    expect(pasted).toHaveLength(1);
  });
});

describe('journey maps', () => {
  it('adds stages in place; a reverse CJM grows right to left', () => {
    const { board, journeyId, j, s0, s1 } = setup();
    board.addStage(journeyId, { title: 'X', after: s0 });
    board.addStage(journeyId, { title: 'Y', before: s0 });
    board.addStage(journeyId, { title: 'Z' });
    expect(j().stages.map((s) => s.title)).toEqual(['Y', 'A', 'X', 'B', 'C', 'Z']);
    expect(() => board.addStage(journeyId, { title: 'W', before: 'nope' })).toThrow(/not found/);
    const rev = setup('reverse');
    rev.board.addStage(rev.journeyId, { title: 'Before A' });
    expect(rev.j().stages.map((s) => s.title)).toEqual(['Before A', 'A', 'B', 'C']);
    board.renameStage(journeyId, s1, 'Bee');
    expect(j().stages.find((s) => s.id === s1)!.title).toBe('Bee');
  });

  it('reorders stages and lanes', () => {
    const { board, journeyId, j, s0, s2, steps, barriers } = setup();
    board.moveStage(journeyId, s0, { after: s2 });
    expect(j().stages.map((s) => s.title)).toEqual(['B', 'C', 'A']);
    board.moveLane(journeyId, barriers, { before: steps });
    expect(j().lanes.map((l) => l.type)).toEqual(['barriers', 'steps']);
    const emotions = board.addLane(journeyId, { type: 'emotions', after: barriers });
    expect(j().lanes.map((l) => l.id)).toEqual([barriers, emotions, steps]);
    board.renameLane(journeyId, emotions, 'Feelings');
    expect(j().lanes[1]!.title).toBe('Feelings');
  });

  it('deleting a stage or lane deletes what is in it', () => {
    const { board, journeyId, j, s0, s1, steps, barriers } = setup();
    board.addCard(journeyId, { stageId: s0, laneId: steps, text: 'gone' });
    const kept = board.addCard(journeyId, { stageId: s1, laneId: steps, text: 'kept' });
    board.addCard(journeyId, { stageId: s1, laneId: barriers, text: 'lane gone' });
    board.addMoment(journeyId, { stageId: s0, type: 'ZMOT' });
    const metric = board.addMetric({ journeyId, stageId: s0, kind: 'nps' });
    board.deleteStage(journeyId, s0);
    board.deleteLane(journeyId, barriers);
    const snap = board.snapshot();
    expect(
      Object.values(snap.journeys[journeyId]!.cells)
        .flat()
        .map((c) => c.id),
    ).toEqual([kept]);
    expect(snap.journeys[journeyId]!.moments).toEqual([]);
    expect(snap.metrics[metric]).toBeUndefined();
    expect(checkInvariants(snap)).toEqual([]);
    expect(j().lanes).toHaveLength(1);
  });

  it('edits cards: text, colour, tags, evidence, redaction', () => {
    const { board, journeyId, j, s0, steps } = setup();
    const c = board.addCard(journeyId, { stageId: s0, laneId: steps, text: 'Calls support' });
    board.setCardText(journeyId, c, 'Calls support twice');
    board.updateCard(journeyId, c, { color: 'pink', tags: ['pain'], evidence: 'Interview 3', redact: true });
    expect(j().cells[cellKey(s0, steps)]![0]).toMatchObject({
      text: 'Calls support twice',
      color: 'pink',
      tags: ['pain'],
      evidence: 'Interview 3',
      redact: true,
    });
    expect(() => board.updateCard(journeyId, c, { tags: ['x'.repeat(101)] })).toThrow(BoardCommandError);
    board.deleteCard(journeyId, c);
    expect(j().cells[cellKey(s0, steps)]).toBeUndefined();
  });

  it('orders cards within a cell by index', () => {
    const { board, journeyId, j, s0, steps } = setup();
    const a = board.addCard(journeyId, { stageId: s0, laneId: steps, text: 'a' });
    board.addCard(journeyId, { stageId: s0, laneId: steps, text: 'c' });
    board.addCard(journeyId, { stageId: s0, laneId: steps, text: 'b', index: 1 });
    board.moveCard(journeyId, a, { stageId: s0, laneId: steps });
    expect(j().cells[cellKey(s0, steps)]!.map((c) => c.text)).toEqual(['b', 'c', 'a']);
  });

  it('sets emotion points per series, clamped to −2..+2', () => {
    const { board, journeyId, j, s0, s1 } = setup();
    board.setEmotion(journeyId, s0, 'asIs', -5);
    board.setEmotion(journeyId, s1, 'toBe', 1.5);
    expect(j().stages[0]!.emotion).toEqual({ asIs: -2, toBe: null });
    expect(j().stages[1]!.emotion).toEqual({ asIs: null, toBe: 1.5 });
    board.setEmotion(journeyId, s0, 'asIs', null);
    expect(j().stages[0]!.emotion.asIs).toBeNull();
    expect(() => board.setEmotion(journeyId, s0, 'asIs', Number.NaN)).toThrow(BoardCommandError);
  });

  it('marks moments of truth with target and current state', () => {
    const { board, journeyId, j, s0, s1 } = setup();
    const m = board.addMoment(journeyId, { stageId: s0, type: 'FMOT', target: 'Solved in 5 minutes' });
    board.updateMoment(journeyId, m, { type: 'SMOT', current: 'Waits a day', stageId: s1 });
    expect(j().moments).toEqual([
      { id: m, stageId: s1, type: 'SMOT', target: 'Solved in 5 minutes', current: 'Waits a day' },
    ]);
    expect(() => board.addMoment(journeyId, { stageId: s0, type: 'XMOT' as never })).toThrow(
      BoardCommandError,
    );
    board.deleteMoment(journeyId, m);
    expect(j().moments).toEqual([]);
  });

  it('edits the header, persona link and the reverse-CJM goal ladder', () => {
    const { board, journeyId, j } = setup('reverse');
    const persona = board.addPersona({
      name: 'Anna',
      segment: 'Travellers',
      expectations: { speed: 'Instant booking' },
    });
    board.updateJourney(journeyId, {
      title: 'Trip to Baikal',
      personaId: persona,
      scenarioGoal: 'Plan a trip',
      endGoal: 'Photo on Baikal ice shared with friends',
      goalKind: 'positive-emotion',
      state: 'to-be',
    });
    board.setWhyLadder(journeyId, ['See the ice', 'Share with friends']);
    expect(j()).toMatchObject({
      title: 'Trip to Baikal',
      personaId: persona,
      endGoal: 'Photo on Baikal ice shared with friends',
      goalKind: 'positive-emotion',
      state: 'to-be',
      whyLadder: ['See the ice', 'Share with friends'],
    });
    expect(board.snapshot().personas[persona]!.expectations.speed).toBe('Instant booking');
    board.updatePersona(persona, { quote: 'I want it simple' });
    board.deletePersona(persona);
    expect(j().personaId).toBeNull();
    expect(() => board.updateJourney(journeyId, { goalKind: 'fun' as never })).toThrow(BoardCommandError);
  });

  it('deleting a journey removes its metrics and matrices and frees linked blueprints', () => {
    const { board, journeyId, s0 } = setup();
    board.addMetric({ journeyId, stageId: s0, kind: 'fcr' });
    board.addMatrix({ journeyId, x: 0, y: 0 });
    const bp = board.addBlueprint({ journeyId, x: 0, y: 0 });
    const card = board.addProcessCard(bp, { columnId: s0, lane: 'backstage', text: 'CRM lookup' });
    board.deleteJourney(journeyId);
    const snap = board.snapshot();
    expect(snap.journeys).toEqual({});
    expect(snap.metrics).toEqual({});
    expect(snap.matrices).toEqual({});
    expect(snap.blueprints[bp]!.journeyId).toBeNull();
    expect(snap.blueprints[bp]!.cells[cellKey(s0, 'backstage')]![0]!.id).toBe(card);
  });
});

describe('blueprints, metrics and the AI matrix', () => {
  it('a linked blueprint follows the journey stages; process cards carry actor, owner, system, pros and cons', () => {
    const { board, journeyId, s0, s1 } = setup();
    const bp = board.addBlueprint({ journeyId, x: 0, y: 800, title: 'Support blueprint' });
    const card = board.addProcessCard(bp, {
      columnId: s0,
      lane: 'support',
      text: 'Bot answers',
      actorKind: 'ai-agent',
      owner: 'Support lead',
      system: 'Chatbot',
      pros: ['24/7'],
      cons: ['Hallucinations'],
    });
    board.addStage(journeyId, { title: 'D' });
    let snap = board.snapshot().blueprints[bp]!;
    expect(snap.columns.map((c) => c.title)).toEqual(['A', 'B', 'C', 'D']);
    expect(snap.cells[cellKey(s0, 'support')]![0]).toMatchObject({
      actorKind: 'ai-agent',
      system: 'Chatbot',
      cons: ['Hallucinations'],
    });
    board.moveProcessCard(bp, card, { columnId: s1, lane: 'backstage' });
    board.updateProcessCard(bp, card, { actorKind: 'copilot' });
    board.setProcessCardText(bp, card, 'Operator with copilot');
    snap = board.snapshot().blueprints[bp]!;
    expect(snap.cells[cellKey(s1, 'backstage')]![0]).toMatchObject({
      actorKind: 'copilot',
      text: 'Operator with copilot',
    });
    expect(() => board.addBlueprintColumn(bp, { title: 'X' })).toThrow(/linked/);
    board.deleteProcessCard(bp, card);
    expect(board.snapshot().blueprints[bp]!.cells).toEqual({});
  });

  it('a standalone blueprint has its own columns', () => {
    const board = BoardDoc.create();
    const bp = board.addBlueprint({ x: 0, y: 0, columnTitles: ['Order', 'Deliver'] });
    const col = board.addBlueprintColumn(bp, {
      title: 'Pay',
      before: board.snapshot().blueprints[bp]!.columns[1]!.id,
    });
    expect(board.snapshot().blueprints[bp]!.columns.map((c) => c.title)).toEqual(['Order', 'Pay', 'Deliver']);
    board.addProcessCard(bp, { columnId: col, lane: 'frontstage', text: 'Cashier' });
    board.updateBlueprint(bp, { title: 'Shop', x: 5 });
    expect(board.snapshot().blueprints[bp]).toMatchObject({ title: 'Shop', x: 5 });
    board.deleteBlueprint(bp);
    expect(board.snapshot().blueprints).toEqual({});
  });

  it('metrics carry kind, category, values, source, owner and dated history', () => {
    const { board, journeyId, s0 } = setup();
    const m = board.addMetric({
      journeyId,
      stageId: s0,
      kind: 'fcr',
      name: 'First contact resolution',
      category: 'operational',
      target: 81,
      unit: '%',
      period: 'month',
      source: 'company',
      owner: 'Head of support',
    });
    board.addMetricReading(m, { date: '2026-02-28', value: 70 });
    board.addMetricReading(m, { date: '2026-01-31', value: 67 });
    board.updateMetric(m, { target: 85 });
    expect(board.snapshot().metrics[m]).toMatchObject({
      current: 70,
      target: 85,
      history: [
        { date: '2026-01-31', value: 67 },
        { date: '2026-02-28', value: 70 },
      ],
    });
    expect(() => board.addMetricReading(m, { date: '31.01.2026', value: 1 })).toThrow(/yyyy-mm-dd/);
    expect(() => board.addMetric({ journeyId, stageId: 'nope', kind: 'nps' })).toThrow(/not found/);
    board.deleteMetric(m);
    expect(board.snapshot().metrics).toEqual({});
  });

  it('a metric keeps its raw data and its value is computed from it, and says which task it solves', () => {
    const { board, journeyId, s0 } = setup();
    const m = board.addMetric({
      journeyId,
      stageId: s0,
      kind: 'nps',
      task: 'Will first-time buyers return?',
    });
    const distribution: MetricInputs = {
      calculator: 'nps-distribution',
      counts: [15, 0, 0, 0, 0, 0, 0, 25, 0, 0, 60],
    };
    board.setMetricInputs(m, distribution);
    expect(board.snapshot().metrics[m]).toMatchObject({
      current: 45,
      inputs: distribution,
      task: 'Will first-time buyers return?',
    });
    // One undo step takes back the inputs and the value together.
    board.history.undo();
    expect(board.snapshot().metrics[m]).toMatchObject({ current: null, inputs: null });
    board.history.redo();
    // A value typed by hand replaces the computed one and drops the raw data behind it.
    board.updateMetric(m, { current: 50 });
    expect(board.snapshot().metrics[m]).toMatchObject({ current: 50, inputs: null });
    // So does a newest reading; an older one leaves the computed value alone.
    board.setMetricInputs(m, { calculator: 'nps-answers', answers: [10, 9, 3, 8] });
    expect(board.snapshot().metrics[m]!.current).toBe(25);
    board.addMetricReading(m, { date: '2030-01-01', value: 30 });
    expect(board.snapshot().metrics[m]).toMatchObject({ current: 30, inputs: null });
    board.setMetricInputs(m, { calculator: 'nps-answers', answers: [10, 9, 3, 8] });
    board.addMetricReading(m, { date: '2020-01-01', value: 1 });
    expect(board.snapshot().metrics[m]).toMatchObject({ current: 25, inputs: { calculator: 'nps-answers' } });
    // Forgetting inputs keeps the last value.
    board.setMetricInputs(m, distribution);
    board.setMetricInputs(m, null);
    expect(board.snapshot().metrics[m]).toMatchObject({ current: 45, inputs: null });
    // Changing the kind to one whose calculators cannot read the inputs drops them.
    board.setMetricInputs(m, distribution);
    board.updateMetric(m, { kind: 'csat' });
    expect(board.snapshot().metrics[m]).toMatchObject({ kind: 'csat', inputs: null, current: 45 });
  });

  it('a stored value disagreeing with the stored inputs reads as the computed value', () => {
    // Two peers: one sets inputs, the other types a value at the same time; the raw data wins.
    const { board, journeyId, s0 } = setup();
    const m = board.addMetric({ journeyId, stageId: s0, kind: 'churn' });
    board.setMetricInputs(m, { calculator: 'churn', customersAtStart: 200, customersLost: 30 });
    board.ydoc.transact(() => (board.ydoc.getMap('metrics').get(m) as Y.Map<unknown>).set('current', 99));
    expect(board.snapshot().metrics[m]!.current).toBe(15);
  });

  it('the matrix has one row per stage and follows adds, renames and reorders', () => {
    const { board, journeyId, s0, s1, s2 } = setup();
    const x = board.addMatrix({ journeyId, x: 0, y: 0 });
    const rows = () => board.snapshot().matrices[x]!.rows;
    expect(rows().map((r) => r.stageTitle)).toEqual(['A', 'B', 'C']);
    board.setMatrixCell(x, s1, 'handToAi', 'Autofill the request');
    const metric = board.addMetric({ journeyId, stageId: s1, kind: 'aht' });
    board.updateMatrixRow(x, s1, {
      pain: 5,
      money: 4,
      fit: 3,
      humanMustStay: true,
      humanReasonKind: 'elderly-customers',
      humanReason: 'Elderly customers',
      riskKinds: ['privacy', 'hallucination'],
      risks: 'Privacy',
      decision: 'later',
      metricId: metric,
    });
    board.renameStage(journeyId, s1, 'Bee');
    board.moveStage(journeyId, s2, { before: s0 });
    const d = board.addStage(journeyId, { title: 'D' });
    expect(rows().map((r) => r.stageTitle)).toEqual(['C', 'A', 'Bee', 'D']);
    expect(rows()[2]).toMatchObject({
      stageId: s1,
      cells: expect.objectContaining({ handToAi: 'Autofill the request' }),
      pain: 5,
      humanMustStay: true,
      humanReasonKind: 'elderly-customers',
      humanReason: 'Elderly customers',
      riskKinds: ['hallucination', 'privacy'],
      decision: 'later',
      metricId: metric,
    });
    expect(() => board.updateMatrixRow(x, s1, { pain: 6 })).toThrow(/1 to 5/);
    expect(() => board.updateMatrixRow(x, d, { metricId: metric })).toThrow(/another stage/);
    board.deleteMetric(metric);
    expect(rows()[2]!.metricId).toBeNull();
  });

  it('deleting a stage drops its matrix row, or keeps it detached when asked', () => {
    const { board, journeyId, s0, s1 } = setup();
    const x = board.addMatrix({ journeyId, x: 0, y: 0 });
    board.setMatrixCell(x, s0, 'today', 'Manual triage');
    board.setMatrixCell(x, s1, 'today', 'Phone queue');
    board.deleteStage(journeyId, s0, { matrixRows: 'keep' });
    board.deleteStage(journeyId, s1, { matrixRows: 'delete' });
    const m = board.snapshot().matrices[x]!;
    expect(m.rows.map((r) => r.stageTitle)).toEqual(['C']);
    expect(m.detachedRows).toHaveLength(1);
    expect(m.detachedRows[0]).toMatchObject({
      stageTitle: 'A',
      cells: expect.objectContaining({ today: 'Manual triage' }),
    });
    board.updateMatrix(x, { title: 'AI opportunities' });
    board.deleteMatrix(x);
    expect(board.snapshot().matrices).toEqual({});
  });

  it('board title', () => {
    const board = BoardDoc.create();
    board.setTitle('Workshop');
    expect(board.snapshot().meta).toMatchObject({ title: 'Workshop' });
  });

  it('persona cards: placed, filled, moved; one persona serves several maps; deleting unlinks', () => {
    const board = BoardDoc.create();
    const a = board.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0 });
    const b = board.addJourney({ kind: 'ejm', x: 0, y: 900 });
    const p = board.addPersona({ name: 'Anna', x: -500, y: 20 });
    board.updatePersona(p, {
      segment: 'Pensioners',
      goals: 'Pension on a card',
      jtbd: 'Get money without queues',
      quote: 'Do not rush me',
      expectations: { personalisation: 'Calls me by name', speed: 'Same day', simplicity: 'Big buttons' },
    });
    board.updatePersona(p, { x: -600 });
    board.updateJourney(a, { personaId: p });
    board.updateJourney(b, { personaId: p });
    const snap = board.snapshot();
    expect(snap.personas[p]).toEqual({
      id: p,
      x: -600,
      y: 20,
      name: 'Anna',
      segment: 'Pensioners',
      goals: 'Pension on a card',
      jtbd: 'Get money without queues',
      expectations: { personalisation: 'Calls me by name', speed: 'Same day', simplicity: 'Big buttons' },
      quote: 'Do not rush me',
    });
    expect([snap.journeys[a]!.personaId, snap.journeys[b]!.personaId]).toEqual([p, p]);
    const link = board.addElement({ type: 'connector', x: 0, y: 0, from: p, to: a });
    expect(board.snapshot().elements[link]).toBeDefined();
    board.deletePersona(p);
    expect(board.snapshot().elements[link]).toBeUndefined();
    expect([board.snapshot().journeys[a]!.personaId, board.snapshot().journeys[b]!.personaId]).toEqual([
      null,
      null,
    ]);
  });

  it('a barrier card is tied to a metric of its own journey, and untied', () => {
    const board = BoardDoc.create();
    const ejm = board.addJourney({ kind: 'ejm', x: 0, y: 0, stageTitles: ['Onboarding'] });
    const other = board.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 900, stageTitles: ['Use'] });
    const j = board.snapshot().journeys[ejm]!;
    const stage = j.stages[0]!.id;
    const barriers = j.lanes.find((l) => l.type === 'barriers')!.id;
    const card = board.addCard(ejm, { stageId: stage, laneId: barriers, text: 'Three logins for one task' });
    const metric = board.addMetric({ journeyId: ejm, stageId: stage, kind: 'aht' });
    const foreign = board.addMetric({
      journeyId: other,
      stageId: board.snapshot().journeys[other]!.stages[0]!.id,
      kind: 'nps',
    });
    expect(board.snapshot().journeys[ejm]!.cells[`${stage}:${barriers}`]![0]!.metricId).toBeNull();
    board.updateCard(ejm, card, { metricId: metric });
    expect(board.snapshot().journeys[ejm]!.cells[`${stage}:${barriers}`]![0]!.metricId).toBe(metric);
    expect(() => board.updateCard(ejm, card, { metricId: foreign })).toThrow(BoardCommandError);
    board.updateCard(ejm, card, { metricId: null });
    expect(board.snapshot().journeys[ejm]!.cells[`${stage}:${barriers}`]![0]!.metricId).toBeNull();
  });

  it('maturity cards: areas in order, levels set and cleared, areas added at an index and removed', () => {
    const board = BoardDoc.create();
    const id = board.addMaturityCard({
      x: 10,
      y: 20,
      areas: [{ kind: 'service', level: 'reactive' }, { kind: 'sales' }],
    });
    const [service, sales] = board.snapshot().maturityCards[id]!.areas.map((a) => a.id);
    const custom = board.addMaturityArea(id, { kind: 'custom', name: 'Logistics', index: 1 });
    board.updateMaturityArea(id, sales!, { level: 'customer-centric' });
    board.updateMaturityArea(id, service!, { level: null, name: 'Support' });
    board.updateMaturityCard(id, { title: 'Where we stand', x: 30 });
    expect(board.snapshot().maturityCards[id]).toEqual({
      id,
      title: 'Where we stand',
      x: 30,
      y: 20,
      areas: [
        { id: service, kind: 'service', name: 'Support', level: null },
        { id: custom, kind: 'custom', name: 'Logistics', level: null },
        { id: sales, kind: 'sales', name: '', level: 'customer-centric' },
      ],
    });
    const sticky = board.addElement({ type: 'sticky', x: 0, y: 0 });
    board.addElement({ type: 'connector', x: 0, y: 0, from: sticky, to: id });
    board.deleteMaturityArea(id, custom);
    expect(board.snapshot().maturityCards[id]!.areas.map((a) => a.id)).toEqual([service, sales]);
    board.deleteMaturityCard(id);
    expect(board.snapshot().maturityCards).toEqual({});
    expect(Object.values(board.snapshot().elements).map((e) => e.type)).toEqual(['sticky']);
  });
});

describe('change events, batches and undo', () => {
  it('emits typed events naming the command and touched ids', () => {
    const { board, journeyId, s0, steps } = setup();
    const events: BoardChangeEvent[] = [];
    board.onChange((e) => events.push(e));
    board.addCard(journeyId, { stageId: s0, laneId: steps });
    expect(events).toEqual([{ local: true, origin: 'addCard', changed: { journeys: [journeyId] } }]);
  });

  it('reports remote changes as not local, and undo never removes them', () => {
    const a = setup();
    const remote = BoardDoc.fromYDoc(new Y.Doc());
    Y.applyUpdate(remote.ydoc, Y.encodeStateAsUpdate(a.board.ydoc));
    a.board.history.clear();
    const events: BoardChangeEvent[] = [];
    a.board.onChange((e) => events.push(e));
    const mine = a.board.addCard(a.journeyId, { stageId: a.s0, laneId: a.steps, text: 'mine' });
    const theirs = remote.addCard(a.journeyId, { stageId: a.s1, laneId: a.steps, text: 'theirs' });
    Y.applyUpdate(a.board.ydoc, Y.encodeStateAsUpdate(remote.ydoc), 'provider');
    expect(events.at(-1)).toMatchObject({ local: false, origin: 'provider' });
    a.board.history.undo();
    const cards = Object.values(a.j().cells)
      .flat()
      .map((c) => c.id);
    expect(cards).toEqual([theirs]);
    expect(cards).not.toContain(mine);
    expect(a.board.history.canUndo()).toBe(false);
  });

  it('a batch is one transaction and one undo step', () => {
    const { board, journeyId, j } = setup();
    board.history.clear();
    let events = 0;
    board.onChange(() => events++);
    board.batch('addTwoStages', () => {
      board.addStage(journeyId, { title: 'D' });
      board.addStage(journeyId, { title: 'E' });
    });
    expect(events).toBe(1);
    board.history.undo();
    expect(j().stages.map((s) => s.title)).toEqual(['A', 'B', 'C']);
  });

  it('concurrent edits of the same card text merge as text', () => {
    const a = setup();
    const card = a.board.addCard(a.journeyId, { stageId: a.s0, laneId: a.steps, text: 'Customer calls' });
    const b = BoardDoc.fromYDoc(new Y.Doc());
    Y.applyUpdate(b.ydoc, Y.encodeStateAsUpdate(a.board.ydoc));
    a.board.setCardText(a.journeyId, card, 'Angry customer calls');
    b.setCardText(a.journeyId, card, 'Customer calls support');
    Y.applyUpdate(a.board.ydoc, Y.encodeStateAsUpdate(b.ydoc));
    Y.applyUpdate(b.ydoc, Y.encodeStateAsUpdate(a.board.ydoc));
    const text = a.j().cells[cellKey(a.s0, a.steps)]![0]!.text;
    expect(text).toBe('Angry customer calls support');
    expect(b.snapshot().journeys[a.journeyId]!.cells[cellKey(a.s0, a.steps)]![0]!.text).toBe(text);
  });
});

describe('metric defaults from the catalogue', () => {
  it('an NPS metric is subjective, measured by customers, in points', () => {
    const board = BoardDoc.create();
    const journeyId = board.addJourney({ kind: 'cjm', x: 0, y: 0, stageTitles: ['A'] });
    const stageId = board.snapshot().journeys[journeyId]!.stages[0]!.id;
    const nps = board.addMetric({ journeyId, stageId, kind: 'nps' });
    const churn = board.addMetric({ journeyId, stageId, kind: 'churn' });
    expect(board.snapshot().metrics[nps]).toMatchObject({
      category: 'subjective',
      source: 'customer',
      unit: 'points',
    });
    expect(board.snapshot().metrics[churn]).toMatchObject({
      category: 'financial',
      source: 'company',
      unit: 'percent',
    });
  });
});

describe('read-only boards', () => {
  it('refuse every command and undo while viewing only', () => {
    const board = BoardDoc.create();
    const sticky = board.addElement({ type: 'sticky', x: 0, y: 0 });
    board.setReadOnly(true);
    const before = board.snapshot();
    expect(() => board.moveElements([{ id: sticky, x: 5, y: 5 }])).toThrow(/viewing only/);
    expect(() => board.setTitle('x')).toThrow(BoardCommandError);
    expect(() => board.history.undo()).toThrow(/viewing only/);
    expect(board.snapshot()).toBe(before);
    board.setReadOnly(false);
    board.moveElements([{ id: sticky, x: 5, y: 5 }]);
    expect(board.snapshot().elements[sticky]!.x).toBe(5);
  });
});
