import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardDoc,
  boardSnapshotSchema,
  checkInvariants,
  MAX_BOARD_FILE_BYTES,
  MAX_NESTING_DEPTH,
  parseBoardFile,
  SCHEMA_VERSION,
  serializeBoardFile,
} from '../../shared/board';
import { MAX_TITLE_LENGTH } from '../../shared/board/records';

const dir = join(import.meta.dirname, '../fixtures/boards');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

function load(name: string) {
  const result = parseBoardFile(fixture(name));
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result;
}

describe('.cxboard files', () => {
  const currentFixture = `v${SCHEMA_VERSION}.cxboard`;

  it('round-trips a whole board', () => {
    const { board } = load(currentFixture);
    const again = parseBoardFile(serializeBoardFile(board));
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.board.snapshot()).toEqual(board.snapshot());
    expect(Y.encodeStateVector(again.board.ydoc)).toEqual(Y.encodeStateVector(board.ydoc));
  });

  it('loads the current fixture with everything in it', () => {
    const { board, warnings, migratedFrom } = load(currentFixture);
    expect(warnings).toEqual([]);
    expect(migratedFrom).toBeNull();
    const snap = board.snapshot();
    boardSnapshotSchema.parse(snap);
    expect(checkInvariants(snap)).toEqual([]);
    const journey = Object.values(snap.journeys)[0]!;
    expect(journey.stages.map((s) => s.title)).toEqual([
      'Awareness',
      'Decision',
      'Purchase',
      'Use',
      'Repeat purchase',
    ]);
    expect(journey.stages[3]!.emotion).toEqual({ asIs: -1, toBe: 2 });
    expect(journey.moments[0]).toMatchObject({ type: 'FMOT', target: 'Card works in 5 minutes' });
    const matrix = Object.values(snap.matrices)[0]!;
    expect(matrix.rows).toHaveLength(5);
    expect(matrix.rows[3]).toMatchObject({ pain: 4, money: 3, fit: 5, decision: 'now' });
    const metrics = Object.values(snap.metrics);
    expect(metrics.find((m) => m.kind === 'nps')).toMatchObject({
      current: 78,
      target: 86,
      task: 'Do new customers recommend the card after first use?',
      inputs: null,
    });
    // The value of a metric with kept raw data is recomputed from it: the talk's LTV example.
    expect(metrics.find((m) => m.kind === 'ltv')).toMatchObject({
      current: 25_000,
      inputs: { calculator: 'ltv', acquisitionCost: 500_000, retention: 0.5, periods: 3 },
    });
    expect(Object.values(snap.blueprints)[0]!.columns).toHaveLength(5);
    const persona = Object.values(snap.personas)[0]!;
    expect(persona).toMatchObject({ name: 'Oleg, 34', x: -900, y: 0, quote: 'Just tell me when it arrives' });
    expect(journey.personaId).toBe(persona.id);
    const maturity = Object.values(snap.maturityCards)[0]!;
    expect(maturity.areas.map((a) => [a.kind, a.name, a.level])).toEqual([
      ['service', '', 'proactive'],
      ['it', '', 'reactive'],
      ['custom', 'Branches', null],
    ]);
  });

  it('migrates the schema v4 fixture: nothing lost, no persona or maturity card invented', () => {
    const { board, warnings, migratedFrom } = load('v4.cxboard');
    expect(warnings).toEqual([]);
    expect(migratedFrom).toBe(4);
    const snap = board.snapshot();
    boardSnapshotSchema.parse(snap);
    expect(checkInvariants(snap)).toEqual([]);
    expect(snap.meta.schemaVersion).toBe(SCHEMA_VERSION);
    expect(Object.values(snap.journeys)[0]!.stages).toHaveLength(5);
    expect(snap.personas).toEqual({});
    expect(snap.maturityCards).toEqual({});
  });

  for (const version of [1, 2]) {
    it(`migrates a schema v${version} board to v${SCHEMA_VERSION}`, () => {
      const { board, migratedFrom } = load(`v${version}.cxboard`);
      expect(migratedFrom).toBe(version);
      const snap = board.snapshot();
      expect(snap.meta).toMatchObject({ schemaVersion: SCHEMA_VERSION, title: `Support desk (v${version})` });
      boardSnapshotSchema.parse(snap);
      expect(checkInvariants(snap)).toEqual([]);
      const j = snap.journeys.j0!;
      expect(j.title).toBe('Request handling');
      expect(j.stages.map((s) => [s.title, s.emotion.asIs, s.emotion.toBe])).toEqual([
        ['First contact', -1, null],
        ['Classification', -2, null],
        ['Answer', 1, null],
      ]);
      expect(j.cells['s0:l0']![0]).toMatchObject({
        text: 'Writes to the chat at night',
        evidence: 'Interview 4',
      });
      expect(j.cells['s1:l2']![0]).toMatchObject({ redact: true });
      expect(snap.elements.e0).toMatchObject({ text: 'Workshop notes', style: { color: 'pink' } });
      expect(snap.matrices.m0!.rows[0]).toMatchObject({ pain: 4, decision: 'now' });
      expect(snap.matrices.m0!.rows[0]!.cells.handToAi).toBe('Autofill the most likely request');
      // Migrated boards are fully editable: texts merge as text now.
      board.setCardText('j0', 'c0', 'Writes to the chat late at night');
      expect(board.snapshot().journeys.j0!.cells['s0:l0']![0]!.text).toBe('Writes to the chat late at night');
    });
  }

  it(`migrates a schema v3 board to v${SCHEMA_VERSION}: metrics get a task and no inputs`, () => {
    const { board, migratedFrom, warnings } = load('v3.cxboard');
    expect(migratedFrom).toBe(3);
    expect(warnings).toEqual([]);
    const snap = board.snapshot();
    boardSnapshotSchema.parse(snap);
    expect(checkInvariants(snap)).toEqual([]);
    const [nps] = Object.values(snap.metrics);
    expect(nps).toMatchObject({ kind: 'nps', current: 78, target: 86, task: '', inputs: null });
    expect(board.ydoc.getMap('metrics').get(nps!.id)).toBeInstanceOf(Y.Map);
    const stored = board.ydoc.getMap('metrics').get(nps!.id) as Y.Map<unknown>;
    expect(stored.get('task')).toBeInstanceOf(Y.Text);
    // A migrated metric takes raw data: the value then comes from it.
    board.setMetricInputs(nps!.id, {
      calculator: 'nps-distribution',
      counts: [15, 0, 0, 0, 0, 0, 0, 25, 0, 0, 60],
    });
    expect(board.snapshot().metrics[nps!.id]).toMatchObject({ current: 45 });
  });

  const refusals: [string, string, RegExp][] = [
    ['not-json.cxboard', 'not-json', /not a board file/],
    ['truncated.cxboard', 'not-json', /truncated/],
    ['wrong-type.cxboard', 'not-json', /not a board file/],
    ['other-app.cxboard', 'not-a-board', /not a CX board file/],
    ['newer-version.cxboard', 'newer-version', /newer version/],
    ['truncated-ydoc.cxboard', 'damaged', /damaged|incomplete/],
    ['damaged-ydoc.cxboard', 'damaged', /damaged|incomplete/],
  ];
  for (const [name, code, message] of refusals) {
    it(`refuses ${name} with a clear message`, () => {
      const result = parseBoardFile(fixture(name));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
    });
  }

  it('refuses an empty and an oversized file before parsing', () => {
    expect(parseBoardFile(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'empty' } });
    const huge = new Uint8Array(MAX_BOARD_FILE_BYTES + 1).fill(0x20);
    expect(parseBoardFile(huge)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('a board with a title longer than the envelope allows saves and opens again', () => {
    const board = BoardDoc.create({ title: 'short' });
    board.ydoc.transact(() => board.ydoc.getMap('meta').set('title', 'T'.repeat(20_000)));
    const loaded = parseBoardFile(serializeBoardFile(board));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const saved = serializeBoardFile(loaded.board);
    const envelope = JSON.parse(new TextDecoder().decode(saved));
    expect(envelope.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    const again = parseBoardFile(saved);
    expect(again.ok && again.board.snapshot()).toEqual(loaded.board.snapshot());
  });

  it('ignores a malformed informational title or date in the envelope', () => {
    const text = new TextDecoder().decode(fixture(currentFixture));
    const envelope = JSON.parse(text);
    for (const patch of [{ title: 42 }, { title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }, { savedAt: ['2026'] }]) {
      const result = parseBoardFile(new TextEncoder().encode(JSON.stringify({ ...envelope, ...patch })));
      expect(result).toMatchObject({ ok: true, warnings: [] });
    }
  });

  it(`refuses content nested more than ${MAX_NESTING_DEPTH} levels deep`, () => {
    const board = BoardDoc.create({ title: 'Deep' });
    board.ydoc.transact(() => {
      let map = board.ydoc.getMap<unknown>('elements');
      for (let i = 0; i < 3_000; i++) {
        const next = new Y.Map<unknown>();
        map.set('d', next);
        map = next;
      }
    });
    const result = parseBoardFile(serializeBoardFile(board));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'damaged', params: { limit: MAX_NESTING_DEPTH } },
    });
    if (!result.ok) expect(result.error.message).toMatch(/nested more than 32 levels/);
  });

  it('leaves out unreadable records and says so', () => {
    const board = BoardDoc.create({ title: 'Mixed' });
    const sticky = board.addElement({ type: 'sticky', x: 0, y: 0, text: 'kept' });
    const j = board.addJourney({ kind: 'cjm', x: 0, y: 0, stageTitles: ['A'] });
    board.ydoc.transact(() => {
      const bad = new Y.Map();
      bad.set('type', 'hologram');
      board.ydoc.getMap('elements').set('bad1', bad);
      board.ydoc.getMap('elements').set('bad2', 42);
      const broken = new Y.Map();
      broken.set('kind', 'cjm');
      board.ydoc.getMap('journeys').set('bad3', broken);
    });
    const result = parseBoardFile(serializeBoardFile(board));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'repaired', params: { count: 3 } })]);
    const snap = result.board.snapshot();
    expect(Object.keys(snap.elements)).toEqual([sticky]);
    expect(Object.keys(snap.journeys)).toEqual([j]);
  });
});
