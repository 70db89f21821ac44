import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MIGRATIONS, migrate } from './migrations';
import { SCHEMA_VERSION } from './schema';

describe('migrations', () => {
  it('form an unbroken chain up to the current version, with unique names', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(
      Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    );
    expect(new Set(MIGRATIONS.map((m) => m.id)).size).toBe(MIGRATIONS.length);
  });

  it('v1 → v5: plain-string texts become mergeable texts, emotion becomes the as-is series', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 1);
    const stage = new Y.Map();
    stage.set('title', 'Onboarding');
    stage.set('emotion', 2);
    const stages = new Y.Map();
    stages.set('s', stage);
    const journey = new Y.Map();
    journey.set('stages', stages);
    journey.set('lanes', new Y.Map());
    journey.set('cards', new Y.Map());
    doc.getMap('journeys').set('j', journey);
    expect(migrate(doc)).toEqual({
      ok: true,
      from: 1,
      applied: [
        'v2-texts-as-ytext',
        'v3-emotion-series-and-flat-matrix-rows',
        'v4-metric-inputs-and-task',
        'v5-personas-and-maturity-on-canvas',
      ],
    });
    expect(stage.get('title')).toBeInstanceOf(Y.Text);
    expect(String(stage.get('title'))).toBe('Onboarding');
    expect(stage.get('emotionAsIs')).toBe(2);
    expect(stage.get('emotionToBe')).toBeNull();
    expect(stage.has('emotion')).toBe(false);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it('v2 → v3: nested matrix rows are flattened', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 2);
    const row = new Y.Map();
    row.set('pain', 3);
    const rows = new Y.Map();
    rows.set('s1', row);
    const matrix = new Y.Map();
    matrix.set('rows', rows);
    doc.getMap('matrices').set('m', matrix);
    expect(migrate(doc).ok).toBe(true);
    expect(rows.get('s1|pain')).toBe(3);
    expect(rows.has('s1')).toBe(false);
    expect(matrix.get('detached')).toBeInstanceOf(Y.Array);
  });

  it('v2 → v3: a row field that is a shared type other than a text is dropped, not re-inserted', () => {
    // Re-inserting a Y.Map that is already in the document throws inside Yjs (issue 9).
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 2);
    const rows = new Y.Map();
    const matrix = new Y.Map();
    matrix.set('rows', rows);
    doc.getMap('matrices').set('m', matrix);
    const row = new Y.Map();
    rows.set('s1', row);
    row.set('pain', new Y.Map());
    row.set('risks', Y.Array.from(['r']));
    row.set('sub', new Y.Doc());
    const note = new Y.Text();
    row.set('humanReason', note);
    note.insert(0, 'Identity check');
    row.set('fit', 4);
    expect(migrate(doc).ok).toBe(true);
    expect([...rows.keys()].sort()).toEqual(['s1|fit', 's1|humanReason']);
    expect(String(rows.get('s1|humanReason'))).toBe('Identity check');
    expect(rows.get('s1|fit')).toBe(4);
  });

  it('v2 → v3: a flat key already present is kept over the nested row', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 2);
    const rows = new Y.Map();
    const matrix = new Y.Map();
    matrix.set('rows', rows);
    doc.getMap('matrices').set('m', matrix);
    const row = new Y.Map();
    rows.set('s1', row);
    row.set('pain', 2);
    rows.set('s1|pain', 5);
    expect(migrate(doc).ok).toBe(true);
    expect(rows.get('s1|pain')).toBe(5);
  });

  it('v3 → v4: every metric gets an empty task text and no inputs; set ones are kept', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 3);
    const plain = new Y.Map();
    plain.set('kind', 'nps');
    plain.set('current', 40);
    const typed = new Y.Map();
    typed.set('task', 'Plain-string task');
    typed.set('inputs', { calculator: 'churn', customersAtStart: 10, customersLost: 1 });
    doc.getMap('metrics').set('a', plain);
    doc.getMap('metrics').set('b', typed);
    doc.getMap('metrics').set('junk', 'not a metric');
    expect(migrate(doc)).toEqual({
      ok: true,
      from: 3,
      applied: ['v4-metric-inputs-and-task', 'v5-personas-and-maturity-on-canvas'],
    });
    expect(plain.get('task')).toBeInstanceOf(Y.Text);
    expect(String(plain.get('task'))).toBe('');
    expect(plain.get('inputs')).toBeNull();
    expect(plain.get('current')).toBe(40);
    expect(String(typed.get('task'))).toBe('Plain-string task');
    expect(typed.get('inputs')).toEqual({ calculator: 'churn', customersAtStart: 10, customersLost: 1 });
    expect(doc.getMap('metrics').get('junk')).toBe('not a metric');
  });

  it('refuses a newer or unversioned document and changes nothing', () => {
    const newer = new Y.Doc();
    newer.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(newer);
    expect(migrate(newer)).toEqual({ ok: false, code: 'newer-version', version: SCHEMA_VERSION + 1 });
    expect(Y.encodeStateAsUpdate(newer)).toEqual(before);
    expect(migrate(new Y.Doc())).toEqual({ ok: false, code: 'no-version', version: null });
  });

  it('leaves a current document alone', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION);
    expect(migrate(doc)).toEqual({ ok: true, from: SCHEMA_VERSION, applied: [] });
  });

  it('v4 → v5: personas get canvas positions left of everything, the board-wide maturity becomes a card', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 4);
    doc.getMap('meta').set('maturity', 'proactive');
    const journey = new Y.Map();
    journey.set('x', 200);
    journey.set('y', 40);
    doc.getMap('journeys').set('j', journey);
    const sticky = new Y.Map();
    sticky.set('x', -100);
    sticky.set('y', 300);
    doc.getMap('elements').set('e', sticky);
    for (const id of ['p2', 'p1']) {
      const persona = new Y.Map();
      persona.set('name', new Y.Text(id));
      doc.getMap('personas').set(id, persona);
    }
    doc.getMap('personas').set('broken', 'not a record');
    expect(migrate(doc)).toMatchObject({
      ok: true,
      from: 4,
      applied: ['v5-personas-and-maturity-on-canvas'],
    });
    const p1 = doc.getMap('personas').get('p1') as Y.Map<unknown>;
    const p2 = doc.getMap('personas').get('p2') as Y.Map<unknown>;
    expect([p1.get('x'), p1.get('y')]).toEqual([-620, 40]);
    expect([p2.get('x'), p2.get('y')]).toEqual([-620, 680]);
    expect(doc.getMap('meta').has('maturity')).toBe(false);
    const cards = [...doc.getMap('maturityCards').values()] as Y.Map<unknown>[];
    expect(cards).toHaveLength(1);
    expect([cards[0]!.get('x'), cards[0]!.get('y')]).toEqual([-620, 1320]);
    const areas = [...(cards[0]!.get('areas') as Y.Map<Y.Map<unknown>>).values()];
    expect(areas.map((a) => [a.get('kind'), a.get('level')])).toEqual([['company', 'proactive']]);
  });

  it('v4 → v5: an empty board gets no card; a maturity that is not a level is dropped', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 4);
    doc.getMap('meta').set('maturity', { level: 'proactive' });
    expect(migrate(doc)).toMatchObject({ ok: true });
    expect(doc.getMap('maturityCards').size).toBe(0);
    expect(doc.getMap('meta').has('maturity')).toBe(false);
  });
});
