import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { effectiveDrives } from '../../metrics/tree';
import { BoardDoc } from '../BoardDoc';

/** Readings (edit, delete, all-or-nothing import), the metric tree and the CX index weights. */
function setup() {
  const board = BoardDoc.create({ title: 'Metrics' });
  const journeyId = board.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0, stageTitles: ['A', 'B'] });
  const [s0, s1] = board.snapshot().journeys[journeyId]!.stages.map((s) => s.id) as [string, string];
  const metric = (kind: string, stageId = s0) => board.addMetric({ journeyId, stageId, kind });
  const snap = (id: string) => board.snapshot().metrics[id]!;
  return { board, journeyId, s0, s1, metric, snap };
}

describe('metric readings', () => {
  it('edits and deletes a reading; the newest reading stays the current value', () => {
    const { board, metric, snap } = setup();
    const m = metric('csat');
    board.importMetricReadings(m, [
      { date: '2026-01-31', value: 70 },
      { date: '2026-02-28', value: 72 },
      { date: '2026-03-31', value: 75 },
    ]);
    expect(snap(m).current).toBe(75);
    board.updateMetricReading(m, { date: '2026-03-31', value: 75 }, { date: '2026-03-31', value: 77 });
    expect(snap(m).current).toBe(77);
    // Editing an older reading leaves the current value alone.
    board.updateMetricReading(m, { date: '2026-01-31', value: 70 }, { date: '2026-01-15', value: 69 });
    expect(snap(m).current).toBe(77);
    expect(snap(m).history.map((r) => r.date)).toEqual(['2026-01-15', '2026-02-28', '2026-03-31']);
    board.deleteMetricReading(m, { date: '2026-03-31', value: 77 });
    expect(snap(m).current).toBe(72);
    expect(() => board.deleteMetricReading(m, { date: '2026-03-31', value: 77 })).toThrow(/not found/);
  });

  it('imports all or nothing, in one undo step, replacing readings of the same date', () => {
    const { board, metric, snap } = setup();
    const m = metric('nps');
    board.addMetricReading(m, { date: '2026-01-31', value: 10 });
    board.history.clear();
    const before = snap(m);
    expect(() =>
      board.importMetricReadings(m, [
        { date: '2026-02-28', value: 20 },
        { date: '28.03.2026', value: 30 },
      ]),
    ).toThrow(/reading 2 date/);
    expect(snap(m)).toBe(before);
    expect(() =>
      board.importMetricReadings(m, [
        { date: '2026-02-28', value: 20 },
        { date: '2026-02-28', value: 21 },
      ]),
    ).toThrow(/different dates/);
    board.importMetricReadings(m, [
      { date: '2026-01-31', value: 11 },
      { date: '2026-02-28', value: 20 },
    ]);
    expect(snap(m).history).toEqual([
      { date: '2026-01-31', value: 11 },
      { date: '2026-02-28', value: 20 },
    ]);
    expect(snap(m).current).toBe(20);
    // Importing the same sheet again changes nothing it shows.
    board.importMetricReadings(m, [
      { date: '2026-01-31', value: 11 },
      { date: '2026-02-28', value: 20 },
    ]);
    expect(snap(m).history).toHaveLength(2);
    board.history.undo();
    board.history.undo();
    expect(snap(m).history).toEqual([{ date: '2026-01-31', value: 10 }]);
  });

  it('an import of older readings does not move the current value', () => {
    const { board, metric, snap } = setup();
    const m = metric('fcr');
    board.addMetricReading(m, { date: '2026-05-31', value: 80 });
    board.importMetricReadings(m, [{ date: '2026-04-30', value: 60 }]);
    expect(snap(m).current).toBe(80);
  });
});

describe('the metric tree', () => {
  it('links FCR → CSAT → retention → LTV and refuses a loop', () => {
    const { board, metric, snap, s1 } = setup();
    const [fcr, csat, retention, ltv] = [
      metric('fcr'),
      metric('csat'),
      metric('retention', s1),
      metric('ltv', s1),
    ];
    board.setMetricDrives(fcr, csat);
    board.setMetricDrives(csat, retention);
    board.setMetricDrives(retention, ltv);
    expect(snap(fcr).drives).toBe(csat);
    expect(() => board.setMetricDrives(ltv, fcr)).toThrow(/loop/);
    expect(() => board.setMetricDrives(csat, csat)).toThrow(/loop/);
    board.setMetricDrives(fcr, null);
    expect(snap(fcr).drives).toBeNull();
  });

  it('refuses a metric of another journey; deleting a metric unlinks those it was driven by', () => {
    const { board, metric, snap } = setup();
    const other = board.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0, stageTitles: ['X'] });
    const foreign = board.addMetric({
      journeyId: other,
      stageId: board.snapshot().journeys[other]!.stages[0]!.id,
      kind: 'ltv',
    });
    const [fcr, csat] = [metric('fcr'), metric('csat')];
    expect(() => board.setMetricDrives(fcr, foreign)).toThrow(/own journey/);
    board.setMetricDrives(fcr, csat);
    board.deleteMetric(csat);
    expect(snap(fcr).drives).toBeNull();
  });

  it('two people closing a loop at once: both links are stored, readers ignore one', () => {
    const { board, metric } = setup();
    const [a, b] = [metric('fcr'), metric('csat')];
    const peer = BoardDoc.fromYDoc(new Y.Doc());
    Y.applyUpdate(peer.ydoc, Y.encodeStateAsUpdate(board.ydoc));
    board.setMetricDrives(a, b);
    peer.setMetricDrives(b, a);
    Y.applyUpdate(peer.ydoc, Y.encodeStateAsUpdate(board.ydoc));
    Y.applyUpdate(board.ydoc, Y.encodeStateAsUpdate(peer.ydoc));
    const links = effectiveDrives(Object.values(board.snapshot().metrics));
    expect(links.size).toBe(1);
    expect([...links.entries()]).toEqual([
      ...effectiveDrives(Object.values(peer.snapshot().metrics)).entries(),
    ]);
  });
});

describe('the CX index weights', () => {
  it('weighs metrics of the journey, takes them out, and forgets a deleted metric', () => {
    const { board, journeyId, metric } = setup();
    const [nps, fcr] = [metric('nps'), metric('fcr')];
    board.setCxWeight(journeyId, nps, 2);
    board.setCxWeight(journeyId, fcr, 1);
    expect({ ...board.snapshot().journeys[journeyId]!.cxWeights }).toEqual({ [nps]: 2, [fcr]: 1 });
    board.setCxWeight(journeyId, fcr, null);
    expect(Object.keys(board.snapshot().journeys[journeyId]!.cxWeights)).toEqual([nps]);
    expect(() => board.setCxWeight(journeyId, nps, -1)).toThrow(/weight/);
    board.deleteMetric(nps);
    expect({ ...board.snapshot().journeys[journeyId]!.cxWeights }).toEqual({});
  });

  it('a journey made before the CX index gets its weights map on first use', () => {
    const { board, journeyId, metric } = setup();
    board.ydoc.transact(() =>
      (board.ydoc.getMap('journeys').get(journeyId) as Y.Map<unknown>).delete('cxWeights'),
    );
    expect(board.snapshot().journeys[journeyId]!.cxWeights).toEqual({});
    const nps = metric('nps');
    board.setCxWeight(journeyId, nps, 3);
    expect(board.snapshot().journeys[journeyId]!.cxWeights[nps]).toBe(3);
  });
});
