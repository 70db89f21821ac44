import { describe, expect, it } from 'vitest';
import { BoardDoc } from '../board';
import { metricsOverview } from './overview';

function board() {
  const b = BoardDoc.create({ title: 'Overview' });
  const a = b.addJourney({
    kind: 'cjm',
    preset: 'light',
    x: 0,
    y: 0,
    title: 'A',
    stageTitles: ['Buy', 'Use'],
  });
  const z = b.addJourney({ kind: 'cjm', preset: 'light', x: 0, y: 0, title: 'Z', stageTitles: ['Call'] });
  const [buy, use] = b.snapshot().journeys[a]!.stages.map((s) => s.id) as [string, string];
  const call = b.snapshot().journeys[z]!.stages[0]!.id;
  const ids = {
    met: b.addMetric({ journeyId: a, stageId: use, kind: 'csat', current: 85, target: 80 }),
    far: b.addMetric({ journeyId: z, stageId: call, kind: 'fcr', current: 40, target: 80 }),
    near: b.addMetric({ journeyId: a, stageId: buy, kind: 'nps', current: 45, target: 50 }),
    churn: b.addMetric({ journeyId: z, stageId: call, kind: 'churn', current: 20, target: 5 }),
    unknown: b.addMetric({ journeyId: a, stageId: buy, kind: 'ces' }),
  };
  return { snapshot: b.snapshot(), ids };
}

describe('metricsOverview', () => {
  it('puts off-target metrics first, furthest first, unscored last', () => {
    const { snapshot, ids } = board();
    const rows = metricsOverview(snapshot, { category: 'all', source: 'all', sort: 'distance' });
    expect(rows.map((r) => r.metric.id)).toEqual([ids.churn, ids.far, ids.near, ids.met, ids.unknown]);
    expect(rows[0]).toMatchObject({ status: 'off', distance: 75, journeyTitle: 'Z', stageNumber: 1 });
    expect(rows[2]).toMatchObject({ status: 'close' });
  });

  it('filters by category and source, and sorts by journey and stage', () => {
    const { snapshot, ids } = board();
    const byId = (x: string, y: string) => (x < y ? -1 : 1);
    const subjective = metricsOverview(snapshot, { category: 'subjective', source: 'all', sort: 'journey' });
    // Journey A: stage 1 (NPS, CES; unnamed, so by id), then stage 2 (CSAT).
    expect(subjective.map((r) => r.metric.id)).toEqual([...[ids.near, ids.unknown].sort(byId), ids.met]);
    const company = metricsOverview(snapshot, { category: 'all', source: 'company', sort: 'journey' });
    expect(company.map((r) => r.metric.id)).toEqual([ids.far, ids.churn].sort(byId));
  });
});
