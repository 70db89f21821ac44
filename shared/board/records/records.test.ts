import { describe, expect, it } from 'vitest';
import { BoardCommandError, BoardDoc } from '../BoardDoc';
import {
  boardSnapshotSchema,
  cardSchema,
  elementFields,
  elementInputSchema,
  elementSchema,
  journeySchema,
  MAX_TITLE_LENGTH,
  matrixRowSchema,
  metaFields,
  metricSchema,
  number,
  processCardSchema,
  setOf,
  stringList,
  text,
} from './index';

function sampleBoard() {
  const board = BoardDoc.create({ title: 'Valid' });
  const j = board.addJourney({ kind: 'cjm', x: 0, y: 0, stageTitles: ['A', 'B'] });
  const snap = board.snapshot().journeys[j]!;
  board.addCard(j, { stageId: snap.stages[0]!.id, laneId: snap.lanes[0]!.id, text: 'Card' });
  const m = board.addMetric({ journeyId: j, stageId: snap.stages[0]!.id, kind: 'nps', current: 40 });
  const x = board.addMatrix({ journeyId: j, x: 0, y: 0 });
  board.updateMatrixRow(x, snap.stages[0]!.id, { pain: 3, metricId: m });
  const bp = board.addBlueprint({ journeyId: j, x: 0, y: 0 });
  board.addProcessCard(bp, { columnId: snap.stages[0]!.id, lane: 'support', text: 'CRM' });
  board.addElement({ type: 'sticky', x: 1, y: 2, text: 'Note' });
  board.addPersona({ name: 'Anna' });
  return board.snapshot();
}

describe('record validators', () => {
  it('accept every record of a real board', () => {
    expect(boardSnapshotSchema.safeParse(sampleBoard()).success).toBe(true);
  });

  it('refuse records of the wrong shape', () => {
    const snap = sampleBoard();
    const sticky = Object.values(snap.elements)[0]!;
    const journey = Object.values(snap.journeys)[0]!;
    const card = Object.values(journey.cells)[0]![0]!;
    const metric = Object.values(snap.metrics)[0]!;
    const row = Object.values(snap.matrices)[0]!.rows[0]!;
    const processCard = Object.values(Object.values(snap.blueprints)[0]!.cells)[0]![0]!;
    expect(elementSchema.safeParse({ ...sticky, type: 'hologram' }).success).toBe(false);
    expect(elementSchema.safeParse({ ...sticky, x: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(elementSchema.safeParse({ ...sticky, id: '../../etc/passwd' }).success).toBe(false);
    expect(cardSchema.safeParse({ ...card, text: 'x'.repeat(100_001) }).success).toBe(false);
    expect(cardSchema.safeParse({ ...card, redact: 'yes' }).success).toBe(false);
    expect(journeySchema.safeParse({ ...journey, kind: 'map' }).success).toBe(false);
    expect(
      journeySchema.safeParse({
        ...journey,
        stages: [{ ...journey.stages[0], emotion: { asIs: 3, toBe: null } }],
      }).success,
    ).toBe(false);
    expect(metricSchema.safeParse({ ...metric, history: [{ date: 'yesterday', value: 1 }] }).success).toBe(
      false,
    );
    expect(metricSchema.safeParse({ ...metric, category: 'vibes' }).success).toBe(false);
    expect(matrixRowSchema.safeParse({ ...row, pain: 7 }).success).toBe(false);
    expect(matrixRowSchema.safeParse({ ...row, decision: 'maybe' }).success).toBe(false);
    expect(matrixRowSchema.safeParse({ ...row, humanReasonKind: 'tired' }).success).toBe(false);
    expect(matrixRowSchema.safeParse({ ...row, riskKinds: ['privacy', 'privacy'] }).success).toBe(false);
    expect(matrixRowSchema.safeParse({ ...row, riskKinds: ['privacy', 'over-trust'] }).success).toBe(true);
    expect(processCardSchema.safeParse({ ...processCard, actorKind: 'robot' }).success).toBe(false);
  });

  it('take pasted elements strictly on identity and geometry, leniently on decoration', () => {
    const sticky = Object.values(sampleBoard().elements)[0]!;
    const { z: _z, frameId: _f, from: _from, to: _to, ...bare } = sticky;
    const parsed = elementInputSchema.parse({ ...bare, style: { color: 'blue', shape: 'star', extra: 1 } });
    expect(parsed).toMatchObject({ z: 'a0', frameId: null, from: null, to: null, style: { color: 'blue' } });
    expect(parsed.style).toEqual({ color: 'blue' });
    expect(elementInputSchema.safeParse({ ...sticky, width: 0 }).success).toBe(false);
    expect(elementInputSchema.safeParse({ ...sticky, style: null }).success).toBe(false);
  });
});

describe('record fields', () => {
  it('repair stored values to what a command could have written, never longer', () => {
    expect(text(10).repair('x'.repeat(50))).toBe('x'.repeat(10));
    // A surrogate pair is never split by the cut.
    expect(text(2).repair('a😀')).toBe('a');
    expect(number(1, 5, 3).repair(99)).toBe(5);
    expect(number(1, 5, 3).repair('4')).toBe(3);
    expect(stringList(2, 3).repair(['ab', 'toolong', 7, 'cd', 'ef'])).toEqual(['ab', 'cd']);
    expect(metaFields.title.repair('t'.repeat(20_000))).toHaveLength(MAX_TITLE_LENGTH);
    // A set keeps known names once each, in the list's order.
    expect(setOf(['a', 'b', 'c']).repair(['c', 'x', 'a', 'c', 7])).toEqual(['a', 'c']);
    expect(setOf(['a', 'b']).repair({ 0: 'a' })).toEqual([]);
  });

  it('refuse on write what they trim on read', () => {
    expect(() => metaFields.title.check('t'.repeat(MAX_TITLE_LENGTH + 1), 'title')).toThrow(
      BoardCommandError,
    );
    expect(metaFields.title.check('t'.repeat(MAX_TITLE_LENGTH), 'title')).toHaveLength(MAX_TITLE_LENGTH);
    expect(() => elementFields.width.check(0, 'width')).toThrow(/width must be a number from 1/);
  });
});
