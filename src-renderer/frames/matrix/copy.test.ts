import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../../../shared/board';
import { insertCopies } from '../../canvas/useCanvasActions';
import { findFrame } from '../registry';
import { parseMatrix, pasteMatrix } from './copy';

function board() {
  const b = BoardDoc.create();
  const journeyId = b.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0, stageTitles: ['A', 'B', 'C'] });
  const [a, bStage, c] = b.snapshot().journeys[journeyId]!.stages.map((s) => s.id) as [
    string,
    string,
    string,
  ];
  const nps = b.addMetric({ journeyId, stageId: a, kind: 'nps' });
  const matrixId = b.addMatrix({ journeyId, title: 'AI', x: 0, y: 800 });
  b.setMatrixCell(matrixId, a, 'handToAi', 'Подсказка');
  b.updateMatrixRow(matrixId, a, {
    pain: 5,
    riskKinds: ['privacy'],
    humanReasonKind: 'legal-risk',
    metricId: nps,
  });
  b.updateMatrixRow(matrixId, c, { decision: 'not-to-do' });
  return { b, journeyId, matrixId, a, bStage, c, nps };
}

const json = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('matrix copies', () => {
  it('refuse what is not a matrix, or lists a stage twice', () => {
    const { b, matrixId } = board();
    const record = json(b.snapshot().matrices[matrixId]) as { rows: unknown[] };
    expect(parseMatrix(record)).not.toBeNull();
    expect(parseMatrix({ ...record, rows: [record.rows[0], record.rows[0]] })).toBeNull();
    expect(parseMatrix({ ...record, title: 7 })).toBeNull();
    expect(parseMatrix(null)).toBeNull();
    // A copy from a version before reason and risk kinds still pastes.
    const older = {
      ...record,
      rows: record.rows.map((r) => {
        const { humanReasonKind: _k, riskKinds: _r, ...rest } = r as Record<string, unknown>;
        return rest;
      }),
    };
    expect(parseMatrix(older)?.rows[0]).toMatchObject({ humanReasonKind: null, riskKinds: [] });
  });

  it('pasted alone on the same board follow the same journey, rows and metric link kept', () => {
    const { b, journeyId, matrixId, a, c, nps } = board();
    const copy = parseMatrix(json(b.snapshot().matrices[matrixId]))!;
    let id = '';
    b.batch('paste', () => {
      id = pasteMatrix(b, copy, { x: 3000, y: 0 });
    });
    const pasted = b.snapshot().matrices[id]!;
    expect(pasted.journeyId).toBe(journeyId);
    expect(pasted.rows[0]).toMatchObject({
      stageId: a,
      pain: 5,
      riskKinds: ['privacy'],
      humanReasonKind: 'legal-risk',
      metricId: nps,
      cells: expect.objectContaining({ handToAi: 'Подсказка' }),
    });
    expect(pasted.rows.find((r) => r.stageId === c)!.decision).toBe('not-to-do');
  });

  it('copied with their journey follow the copy, row by row', () => {
    const { b, journeyId, matrixId } = board();
    const snap = b.snapshot();
    const content = {
      elements: [],
      frames: [findFrame(snap, matrixId)!, findFrame(snap, journeyId)!], // matrix first: order must not matter
    };
    const ids = insertCopies(b, content, { x: 5000, y: 0 }, 'duplicate');
    const after = b.snapshot();
    const newJourney = ids.find((id) => Object.hasOwn(after.journeys, id))!;
    const newMatrix = after.matrices[ids.find((id) => Object.hasOwn(after.matrices, id))!]!;
    expect(newMatrix.journeyId).toBe(newJourney);
    expect(newMatrix.rows.map((r) => r.stageTitle)).toEqual(['A', 'B', 'C']);
    expect(newMatrix.rows[0]!.cells.handToAi).toBe('Подсказка');
    // The metric belongs to the original journey: the copy has no link to it.
    expect(newMatrix.rows[0]!.metricId).toBeNull();
    b.history.undo();
    expect(Object.keys(b.snapshot().matrices)).toEqual([matrixId]);
  });

  it('pasted on a board without their journey bring a journey of their stages', () => {
    const { b, matrixId } = board();
    const copy = parseMatrix(json(b.snapshot().matrices[matrixId]))!;
    const other = BoardDoc.create();
    let id = '';
    other.batch('paste', () => {
      id = pasteMatrix(other, copy, { x: 0, y: 0 });
    });
    const snap = other.snapshot();
    const journey = snap.journeys[snap.matrices[id]!.journeyId]!;
    expect(journey.stages.map((s) => s.title)).toEqual(['A', 'B', 'C']);
    expect(snap.matrices[id]!.rows[0]!.pain).toBe(5);
    expect(snap.matrices[id]!.y).toBeGreaterThan(journey.y);
  });
});
