import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../board';
import { matrixChartPoints, matrixRowHints, projectMatrix } from './projection';

/** A support-request journey with an AI matrix; scores on three stages. */
function workshop() {
  const board = BoardDoc.create({ title: 'Support' });
  const journeyId = board.addJourney({
    kind: 'cjm',
    preset: 'light',
    x: 0,
    y: 0,
    stageTitles: ['Проблема', 'Первый контакт', 'Классификация', 'Ответ'],
  });
  const stages = board.snapshot().journeys[journeyId]!.stages.map((s) => s.id);
  const matrixId = board.addMatrix({ journeyId, title: 'AI', x: 0, y: 600 });
  const [problem, contact, classify, answer] = stages as [string, string, string, string];
  board.updateMatrixRow(matrixId, problem, { pain: 5, money: 4, fit: 4, decision: 'now' });
  board.updateMatrixRow(matrixId, contact, { pain: 3, money: 3, fit: 5, decision: 'later' });
  board.updateMatrixRow(matrixId, classify, { pain: 2, money: 2, fit: 2, decision: 'not-to-do' });
  return { board, journeyId, matrixId, problem, contact, classify, answer };
}

const titles = (rows: { row: { stageTitle: string } }[]) => rows.map((v) => v.row.stageTitle);

describe('projectMatrix', () => {
  it('gives one row per stage in stage order, with priorities and the not-to-do list', () => {
    const { board, matrixId } = workshop();
    const p = projectMatrix(board.snapshot(), matrixId)!;
    expect(titles(p.rows)).toEqual(['Проблема', 'Первый контакт', 'Классификация', 'Ответ']);
    expect(p.rows.map((v) => v.stageIndex)).toEqual([0, 1, 2, 3]);
    // (5·4·4 − 1) / 124 × 100
    expect(p.rows[0]!.priority).toBeCloseTo((79 / 124) * 100, 10);
    expect(p.rows[3]!.priority).toBeNull();
    expect(titles(p.notToDo)).toEqual(['Классификация']);
    expect(p.total).toBe(4);
  });

  it('sorts by priority as a view: unscored last, ties in stage order, the document untouched', () => {
    const { board, matrixId, contact, classify } = workshop();
    const before = Y.encodeStateVector(board.ydoc);
    const p = projectMatrix(board.snapshot(), matrixId, { sort: 'priority', filter: 'all' })!;
    expect(Y.encodeStateVector(board.ydoc)).toEqual(before);
    // 79 > 44 > 7 > unscored
    expect(titles(p.rows)).toEqual(['Проблема', 'Первый контакт', 'Классификация', 'Ответ']);
    board.updateMatrixRow(matrixId, contact, { fit: 1 });
    board.updateMatrixRow(matrixId, classify, { pain: 5, money: 5, fit: 5 });
    const again = projectMatrix(board.snapshot(), matrixId, { sort: 'priority' })!;
    expect(titles(again.rows)).toEqual(['Классификация', 'Проблема', 'Первый контакт', 'Ответ']);
    expect(titles(projectMatrix(board.snapshot(), matrixId)!.rows)).toEqual([
      'Проблема',
      'Первый контакт',
      'Классификация',
      'Ответ',
    ]);
  });

  it('a human who must stay caps the fit, so the row sorts below real automation', () => {
    const { board, matrixId, problem, contact } = workshop();
    board.updateMatrixRow(matrixId, problem, { humanMustStay: true, humanReasonKind: 'emotional-request' });
    const p = projectMatrix(board.snapshot(), matrixId, { sort: 'priority' })!;
    expect(p.rows[0]!.row.stageId).toBe(contact);
    const capped = p.rows.find((v) => v.row.stageId === problem)!;
    expect(capped.priorityDetails).toMatchObject({ effectiveFit: 2, capped: true });
    expect(capped.hints).toContain('human-high-fit');
  });

  it('filters by decision', () => {
    const { board, matrixId } = workshop();
    const snap = board.snapshot();
    expect(titles(projectMatrix(snap, matrixId, { filter: 'now' })!.rows)).toEqual(['Проблема']);
    expect(titles(projectMatrix(snap, matrixId, { filter: 'later' })!.rows)).toEqual(['Первый контакт']);
    expect(titles(projectMatrix(snap, matrixId, { filter: 'not-to-do' })!.rows)).toEqual(['Классификация']);
    expect(titles(projectMatrix(snap, matrixId, { filter: 'undecided' })!.rows)).toEqual(['Ответ']);
    const sorted = projectMatrix(snap, matrixId, { filter: 'all', sort: 'priority' })!;
    expect(sorted.rows).toHaveLength(4);
    expect(sorted.notToDo).toHaveLength(1);
  });

  it("offers the stage's moments and metrics and resolves the metric link on that stage only", () => {
    const { board, journeyId, matrixId, problem, contact } = workshop();
    const moment = board.addMoment(journeyId, { stageId: problem, type: 'FMOT' });
    const nps = board.addMetric({ journeyId, stageId: problem, kind: 'nps', current: 20, target: 40 });
    board.addMetric({ journeyId, stageId: contact, kind: 'fcr' });
    board.updateMatrixRow(matrixId, problem, { metricId: nps });
    const p = projectMatrix(board.snapshot(), matrixId)!;
    expect(p.rows[0]!.moments.map((m) => m.id)).toEqual([moment]);
    expect(p.rows[0]!.stageMetrics.map((m) => m.id)).toEqual([nps]);
    expect(p.rows[0]!.metric).toMatchObject({ id: nps, current: 20, target: 40 });
    expect(p.rows[1]!.metric).toBeNull();
    expect(p.rows[1]!.stageMetrics.map((m) => m.kind)).toEqual(['fcr']);
    expect(p.rows[1]!.moments).toEqual([]);
  });

  it('keeps detached rows apart, and answers null for an unknown matrix', () => {
    const { board, journeyId, matrixId, contact } = workshop();
    board.setMatrixCell(matrixId, contact, 'today', 'Очередь на телефоне');
    board.deleteStage(journeyId, contact, { matrixRows: 'keep' });
    const p = projectMatrix(board.snapshot(), matrixId)!;
    expect(titles(p.rows)).toEqual(['Проблема', 'Классификация', 'Ответ']);
    expect(p.detached).toHaveLength(1);
    expect(p.detached[0]).toMatchObject({ detached: true, stageIndex: -1 });
    expect(p.detached[0]!.row.cells.today).toBe('Очередь на телефоне');
    expect(projectMatrix(board.snapshot(), 'missing')).toBeNull();
    expect(projectMatrix(board.snapshot(), '__proto__')).toBeNull();
  });
});

describe('the method as hints', () => {
  it('metric first, then the solution; no value for anyone; human with high fit', () => {
    const { board, journeyId, matrixId, problem, answer } = workshop();
    const hintsOf = (stageId: string) =>
      projectMatrix(board.snapshot(), matrixId)!.rows.find((v) => v.row.stageId === stageId)!.hints;
    // An empty row is not nagged.
    expect(hintsOf(answer)).toEqual([]);
    board.setMatrixCell(matrixId, answer, 'handToAi', 'Три уточняющих вопроса');
    expect(hintsOf(answer)).toEqual(['metric-first', 'no-value']);
    board.setMatrixCell(matrixId, answer, 'metric', 'FCR');
    expect(hintsOf(answer)).toEqual(['no-value']);
    board.setMatrixCell(matrixId, answer, 'metric', '');
    const fcr = board.addMetric({ journeyId, stageId: answer, kind: 'fcr' });
    board.updateMatrixRow(matrixId, answer, { metricId: fcr });
    expect(hintsOf(answer)).toEqual(['no-value']);
    board.setMatrixCell(matrixId, answer, 'clientValue', '  ');
    expect(hintsOf(answer)).toEqual(['no-value']);
    board.setMatrixCell(matrixId, answer, 'clientValue', 'Не повторять историю');
    expect(hintsOf(answer)).toEqual([]);
    // Scored but valueless, unless already decided not to do.
    expect(hintsOf(problem)).toEqual(['no-value']);
    board.updateMatrixRow(matrixId, problem, { decision: 'not-to-do' });
    expect(hintsOf(problem)).toEqual([]);
    board.updateMatrixRow(matrixId, problem, { humanMustStay: true, fit: 2 });
    expect(hintsOf(problem)).toEqual([]);
    board.updateMatrixRow(matrixId, problem, { fit: 3 });
    expect(hintsOf(problem)).toEqual(['human-high-fit']);
  });

  it('a free-text metric counts as a metric', () => {
    const { board, matrixId, answer } = workshop();
    const row = board.snapshot().matrices[matrixId]!.rows.find((r) => r.stageId === answer)!;
    expect(matrixRowHints({ ...row, cells: { ...row.cells, handToAi: 'x', metric: 'CSAT' } }, null)).toEqual([
      'no-value',
    ]);
  });
});

describe('the 2×2 chart', () => {
  it('places scored rows by value = pain × money against fit', () => {
    const { board, matrixId } = workshop();
    const points = matrixChartPoints(projectMatrix(board.snapshot(), matrixId)!.rows);
    expect(points.map((p) => [p.view.row.stageTitle, p.value, p.fit, p.quadrant])).toEqual([
      ['Проблема', 20, 4, 'high-value-high-fit'],
      ['Первый контакт', 9, 5, 'low-value-high-fit'],
      ['Классификация', 4, 2, 'low-value-low-fit'],
    ]);
  });
});

describe('after concurrent stage edits', () => {
  /** Two replicas of one board exchanging their updates both ways. */
  function replicas() {
    const { board, journeyId, matrixId, problem, contact, classify, answer } = workshop();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(board.ydoc));
    const peer = BoardDoc.fromYDoc(other);
    const sync = () => {
      Y.applyUpdate(other, Y.encodeStateAsUpdate(board.ydoc, Y.encodeStateVector(other)), 'sync');
      Y.applyUpdate(board.ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(board.ydoc)), 'sync');
    };
    return { board, peer, sync, journeyId, matrixId, problem, contact, classify, answer };
  }

  it('rows follow stages reordered, renamed and added on two replicas at once', () => {
    const r = replicas();
    r.board.moveStage(r.journeyId, r.answer, { before: r.problem });
    r.board.setMatrixCell(r.matrixId, r.answer, 'handToAi', 'Собрать историю');
    r.peer.renameStage(r.journeyId, r.contact, 'Обращение');
    r.peer.updateMatrixRow(r.matrixId, r.contact, { pain: 4 });
    const added = r.peer.addStage(r.journeyId, { title: 'Эскалация' });
    r.sync();
    for (const replica of [r.board, r.peer]) {
      const p = projectMatrix(replica.snapshot(), r.matrixId)!;
      expect(titles(p.rows)).toEqual(['Ответ', 'Проблема', 'Обращение', 'Классификация', 'Эскалация']);
      expect(p.rows.map((v) => v.row.stageId)).toEqual([r.answer, r.problem, r.contact, r.classify, added]);
      expect(p.rows[0]!.row.cells.handToAi).toBe('Собрать историю');
      expect(p.rows[2]!.row.pain).toBe(4);
    }
  });

  it('a row edited on one replica while its stage is deleted on the other disappears from both', () => {
    const r = replicas();
    r.board.updateMatrixRow(r.matrixId, r.classify, { pain: 5, decision: 'now' });
    r.peer.deleteStage(r.journeyId, r.classify);
    r.sync();
    for (const replica of [r.board, r.peer]) {
      const p = projectMatrix(replica.snapshot(), r.matrixId)!;
      expect(titles(p.rows)).toEqual(['Проблема', 'Первый контакт', 'Ответ']);
      expect(p.notToDo).toEqual([]);
    }
  });

  it('a metric link to a metric deleted concurrently shows as no metric', () => {
    const r = replicas();
    const nps = r.board.addMetric({ journeyId: r.journeyId, stageId: r.problem, kind: 'nps' });
    r.sync();
    r.board.updateMatrixRow(r.matrixId, r.problem, { metricId: nps, pain: 1 });
    r.peer.deleteMetric(nps);
    r.sync();
    for (const replica of [r.board, r.peer]) {
      const p = projectMatrix(replica.snapshot(), r.matrixId)!;
      expect(p.rows[0]!.metric).toBeNull();
      expect(p.rows[0]!.stageMetrics).toEqual([]);
    }
  });
});
