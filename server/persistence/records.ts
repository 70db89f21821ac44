import { crc32 } from 'node:zlib';

/**
 * The record framing shared by room logs and snapshots: an 8-byte file header, then
 * records of `[u32 LE length][u32 LE CRC-32 of payload][payload]`. A record is valid only
 * when it is complete and its checksum matches, so a write torn by a crash is detected.
 */

export const LOG_MAGIC = Buffer.from('CXBLOG1\n', 'latin1');
export const SNAPSHOT_MAGIC = Buffer.from('CXBSNP1\n', 'latin1');
export const HEADER_BYTES = 8;
const RECORD_HEADER_BYTES = 8;
/** Larger lengths are garbage, never a real record. */
export const MAX_RECORD_BYTES = 512 * 1024 * 1024;

/** Frames one payload as a record (header + payload in one buffer, written with one call). */
export function encodeRecord(payload: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length);
  record.writeUInt32LE(payload.length, 0);
  record.writeUInt32LE(crc32(payload), 4);
  record.set(payload, RECORD_HEADER_BYTES);
  return record;
}

/** The result of reading a framed file. */
export interface ReadRecords {
  records: Uint8Array[];
  /** Bytes from the start of the file up to the end of the last valid record. */
  validBytes: number;
  /** Why reading stopped before the end of the file, if it did. */
  problem: string | null;
}

/** Reads every valid record of a framed file, stopping at the first incomplete or damaged one. */
export function readRecords(file: Uint8Array, magic: Buffer): ReadRecords {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buffer.length < HEADER_BYTES || !buffer.subarray(0, HEADER_BYTES).equals(magic)) {
    return { records: [], validBytes: 0, problem: 'missing or unknown file header' };
  }
  const records: Uint8Array[] = [];
  let offset = HEADER_BYTES;
  while (offset < buffer.length) {
    if (buffer.length - offset < RECORD_HEADER_BYTES) {
      return { records, validBytes: offset, problem: `incomplete record header at byte ${offset}` };
    }
    const length = buffer.readUInt32LE(offset);
    const checksum = buffer.readUInt32LE(offset + 4);
    const start = offset + RECORD_HEADER_BYTES;
    if (length > MAX_RECORD_BYTES || start + length > buffer.length) {
      return { records, validBytes: offset, problem: `incomplete record at byte ${offset}` };
    }
    const payload = buffer.subarray(start, start + length);
    if (crc32(payload) !== checksum) {
      return { records, validBytes: offset, problem: `checksum mismatch at byte ${offset}` };
    }
    records.push(payload);
    offset = start + length;
  }
  return { records, validBytes: offset, problem: null };
}
