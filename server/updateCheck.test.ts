import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, MAX_NESTING_DEPTH } from './updateCheck';

/** A doc with a fixed client id, so tests can forge id reuse. */
function docWithId(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

/** Nests `levels` maps under the root map `m` and returns the update. */
function nestedMaps(levels: number): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    let map = doc.getMap('m');
    for (let i = 0; i < levels; i++) {
      const inner = new Y.Map<unknown>();
      map.set('k', inner);
      map = inner;
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

function nestedValue(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = { k: value };
  return value;
}

describe('checkUpdate', () => {
  it('accepts ordinary updates, incremental ones and re-sent ones', () => {
    const room = new Y.Doc();
    const author = new Y.Doc();
    author.getMap('elements').set('a', 1);
    author.getText('t').insert(0, 'hello');
    author.getArray('list').push([new Y.Map(), { json: [1, 2] }]);
    const first = Y.encodeStateAsUpdate(author);
    expect(checkUpdate(room, first)).toBeNull();
    Y.applyUpdate(room, first);
    const vector = Y.encodeStateVector(author);
    author.getText('t').insert(5, ' world');
    author.getMap('elements').delete('a');
    const second = Y.encodeStateAsUpdate(author, vector);
    expect(checkUpdate(room, second)).toBeNull();
    Y.applyUpdate(room, second);
    // A whole state the room already has (an honest re-send) is fine.
    expect(checkUpdate(room, Y.encodeStateAsUpdate(author))).toBeNull();
  });

  it('accepts updates whose clients depend on each other in any order', () => {
    const a = docWithId(1);
    const b = docWithId(2);
    a.getText('t').insert(0, 'aaa');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getText('t').insert(1, 'bbb');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    a.getText('t').insert(2, 'AAA');
    const merged = Y.mergeUpdates([Y.encodeStateAsUpdate(b), Y.encodeStateAsUpdate(a)]);
    const room = new Y.Doc();
    expect(checkUpdate(room, merged)).toBeNull();
  });

  it('finds updates that would stay pending: missing predecessor, missing origin, unknown deletion', () => {
    const author = docWithId(5);
    author.getText('t').insert(0, 'first ');
    const vector = Y.encodeStateVector(author);
    author.getText('t').insert(6, 'second');
    const second = Y.encodeStateAsUpdate(author, vector);
    expect(checkUpdate(new Y.Doc(), second)).toMatchObject({ kind: 'missing' });

    const other = docWithId(6);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(author));
    const otherVector = Y.encodeStateVector(other);
    other.getText('t').insert(3, 'X'); // origin in client 5's content
    const dependent = Y.encodeStateAsUpdate(other, otherVector);
    expect(checkUpdate(new Y.Doc(), dependent)).toMatchObject({ kind: 'missing' });

    const deleter = docWithId(7);
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(author));
    const before = Y.encodeStateVector(deleter);
    deleter.getText('t').delete(0, 3);
    const deletion = Y.encodeStateAsUpdate(deleter, before); // only a delete set
    expect(checkUpdate(new Y.Doc(), deletion)).toMatchObject({ kind: 'missing' });
  });

  it('finds structs that reuse ids the room has for other content', () => {
    const room = new Y.Doc();
    const honest = docWithId(42);
    honest.getMap('elements').set('card', 'honest');
    Y.applyUpdate(room, Y.encodeStateAsUpdate(honest));
    const forger = docWithId(42);
    forger.getMap('meta').set('title', 'forged');
    expect(checkUpdate(room, Y.encodeStateAsUpdate(forger))).toMatchObject({ kind: 'conflict' });
    const otherKey = docWithId(42);
    otherKey.getMap('elements').set('other', 'forged');
    expect(checkUpdate(room, Y.encodeStateAsUpdate(otherKey))).toMatchObject({ kind: 'conflict' });
  });

  it(`bounds nesting at ${MAX_NESTING_DEPTH} levels: shared types, JSON values and both together`, () => {
    expect(checkUpdate(new Y.Doc(), nestedMaps(MAX_NESTING_DEPTH))).toBeNull();
    expect(checkUpdate(new Y.Doc(), nestedMaps(MAX_NESTING_DEPTH + 1))).toMatchObject({ kind: 'too-deep' });
    expect(checkUpdate(new Y.Doc(), nestedMaps(5000))).toMatchObject({ kind: 'too-deep' });

    const shallow = new Y.Doc();
    shallow.getMap('m').set('v', nestedValue(MAX_NESTING_DEPTH - 1));
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(shallow))).toBeNull();
    const deep = new Y.Doc();
    deep.getMap('m').set('v', nestedValue(MAX_NESTING_DEPTH));
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(deep))).toMatchObject({ kind: 'too-deep' });
    // Decoding turns an object under "__proto__" into a prototype; it is still counted.
    let hidden: unknown = 'leaf';
    for (let i = 0; i < MAX_NESTING_DEPTH; i++) hidden = { ['__proto__']: hidden };
    const sneaky = new Y.Doc();
    sneaky.getMap('m').set('v', hidden);
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(sneaky))).toMatchObject({ kind: 'too-deep' });
  });

  it('counts the levels the room already has when an update nests one level further', () => {
    const author = new Y.Doc();
    const room = new Y.Doc();
    let map = author.getMap('m');
    let accepted = 0;
    for (let i = 0; i < MAX_NESTING_DEPTH + 5; i++) {
      const vector = Y.encodeStateVector(author);
      const inner = new Y.Map<unknown>();
      map.set('k', inner);
      map = inner;
      // A value inside the new map: one level deeper than the map itself.
      inner.set('v', 1);
      const update = Y.encodeStateAsUpdate(author, vector);
      if (checkUpdate(room, update) !== null) break;
      Y.applyUpdate(room, update);
      accepted++;
    }
    expect(accepted).toBe(MAX_NESTING_DEPTH - 1);

    // The next level, sent as a separate item that names no parent (follows an origin).
    const list = new Y.Doc();
    const listRoom = new Y.Doc();
    const array = list.getArray<unknown>('a');
    array.push([nestedValue(MAX_NESTING_DEPTH - 2)]);
    Y.applyUpdate(listRoom, Y.encodeStateAsUpdate(list));
    const vector = Y.encodeStateVector(list);
    array.push([nestedValue(MAX_NESTING_DEPTH)]);
    expect(checkUpdate(listRoom, Y.encodeStateAsUpdate(list, vector))).toMatchObject({ kind: 'too-deep' });
  });

  it('calls bytes that are not an update malformed', () => {
    expect(checkUpdate(new Y.Doc(), Uint8Array.of(5, 200, 1, 2))).toMatchObject({ kind: 'malformed' });
  });
});
