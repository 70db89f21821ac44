import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { decodeAwarenessUpdate, decodeClientMessage, ProtocolError } from './protocol';

function stockMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('client message decoding', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hi');

  it('decodes what the stock y-protocols encoders write', () => {
    const step1 = stockMessage((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
    });
    expect(decodeClientMessage(step1)).toMatchObject({ kind: 'sync-step-1' });
    const update = stockMessage((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
    });
    const decoded = decodeClientMessage(update);
    expect(decoded.kind).toBe('sync-update');
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ name: 'Ann' });
    const message = stockMessage((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    });
    const aw = decodeClientMessage(message);
    expect(aw.kind).toBe('awareness');
    if (aw.kind === 'awareness') {
      expect(decodeAwarenessUpdate(aw.update, 16)).toEqual([
        { clientId: doc.clientID, clock: 1, state: { name: 'Ann' }, json: '{"name":"Ann"}' },
      ]);
    }
    awareness.destroy();
    expect(decodeClientMessage(Uint8Array.of(3))).toEqual({ kind: 'query-awareness' });
  });

  it('rejects every truncation of a valid message and trailing bytes', () => {
    const update = stockMessage((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
    });
    for (let length = 0; length < update.length; length++) {
      expect(() => decodeClientMessage(update.subarray(0, length)), `length ${length}`).toThrow(
        ProtocolError,
      );
    }
    expect(() => decodeClientMessage(Uint8Array.from([...update, 0]))).toThrow(/trailing/);
  });

  it('rejects unknown types and auth messages from clients', () => {
    expect(() => decodeClientMessage(Uint8Array.of(2, 0, 0))).toThrow(/unknown message type 2/);
    expect(() => decodeClientMessage(Uint8Array.of(0, 9, 0))).toThrow(/unknown sync message type/);
    expect(() => decodeClientMessage(Uint8Array.of(200, 200, 200, 200, 200))).toThrow(ProtocolError);
  });

  it('rejects awareness updates with bad JSON or too many clients', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 5);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{not json');
    expect(() => decodeAwarenessUpdate(encoding.toUint8Array(encoder), 16)).toThrow(/malformed awareness/);
    const many = encoding.createEncoder();
    encoding.writeVarUint(many, 17);
    expect(() => decodeAwarenessUpdate(encoding.toUint8Array(many), 16)).toThrow(/17 clients/);
  });
});
