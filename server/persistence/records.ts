import { crc32 } from 'node:zlib';

/**
 * The record framing shared by room logs and snapshots.
 *
 * Current format (version 2): an 8-byte file header (`CXBLOG2\n`, `CXBSNP2\n`), then records
 * `[4-byte sync marker][u32 LE length][u32 LE CRC-32 of length + payload][payload]`. Every
 * record can be checked on its own, and the sync marker lets a reader find the next record
 * after damaged bytes (resynchronisation): damage costs only the records it touches. The
 * checksum covers the length, so a damaged length is never trusted to skip good records.
 *
 * Version 1 (`CXBLOG1\n`, `CXBSNP1\n`, records `[u32 length][u32 CRC-32 of payload][payload]`)
 * is still read; the store rewrites such files in version 2. Without a marker, a reader
 * resynchronises a version 1 file by trying every byte offset (rarely needed: a length and
 * a checksum that match by chance are a 1-in-2^32 event for a plausible length).
 *
 * A damaged file header costs nothing either: the records are found by their own framing.
 */

/** The two versions of the format. */
export type FormatVersion = 1 | 2;

/** What a file holds: the append-only log or the snapshot. */
export type FileKind = 'log' | 'snapshot';

const MAGIC: Record<FileKind, Record<FormatVersion, Buffer>> = {
  log: { 1: Buffer.from('CXBLOG1\n', 'latin1'), 2: Buffer.from('CXBLOG2\n', 'latin1') },
  snapshot: { 1: Buffer.from('CXBSNP1\n', 'latin1'), 2: Buffer.from('CXBSNP2\n', 'latin1') },
};

/** The file header of the current format. */
export function fileHeader(kind: FileKind): Buffer {
  return MAGIC[kind][2];
}

export const HEADER_BYTES = 8;
/** Starts every version 2 record; chosen to be rare in Yjs updates and text. */
const SYNC_MARKER = Buffer.from([0xc3, 0x58, 0x42, 0x9e]);
const V2_RECORD_HEADER_BYTES = 12;
const V1_RECORD_HEADER_BYTES = 8;
/** Larger lengths are garbage, never a real record. */
export const MAX_RECORD_BYTES = 512 * 1024 * 1024;

/** Frames one payload as a version 2 record (header + payload in one buffer, written with one call). */
export function encodeRecord(payload: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(V2_RECORD_HEADER_BYTES + payload.length);
  SYNC_MARKER.copy(record, 0);
  record.writeUInt32LE(payload.length, 4);
  record.set(payload, V2_RECORD_HEADER_BYTES);
  record.writeUInt32LE(crc32(record.subarray(V2_RECORD_HEADER_BYTES), crc32(record.subarray(4, 8))), 8);
  return record;
}

/** Size of a version 2 record of `payloadBytes`. */
export function recordBytes(payloadBytes: number): number {
  return V2_RECORD_HEADER_BYTES + payloadBytes;
}

/** Bytes of a file that are not part of any valid record (and not a valid header). */
export interface DamagedRange {
  offset: number;
  length: number;
}

/** The result of reading a framed file. */
export interface ReadRecords {
  records: Uint8Array[];
  /** The format the records were written in. */
  version: FormatVersion;
  /** False when the file does not start with a known header (damaged, or the file is empty). */
  headerValid: boolean;
  /** Unreadable bytes, in file order: a damaged header, damaged records, a torn last record. */
  damaged: DamagedRange[];
}

/**
 * Reads every valid record of a framed file. Damaged bytes are skipped up to the next
 * valid record and reported in `damaged`; nothing valid after them is lost.
 */
export function readRecords(file: Uint8Array, kind: FileKind): ReadRecords {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const header = buffer.subarray(0, HEADER_BYTES);
  for (const version of [2, 1] as const) {
    if (header.length === HEADER_BYTES && header.equals(MAGIC[kind][version])) {
      return { version, headerValid: true, ...readFrom(buffer, HEADER_BYTES, version) };
    }
  }
  // The header is damaged (or the file is shorter than one): find the records by their
  // own framing, in whichever version recovers more; the header's bytes are then part of
  // the first damaged range.
  const v2 = readFrom(buffer, 0, 2);
  const v1 = readFrom(buffer, 0, 1);
  const best =
    payloadBytes(v1.records) > payloadBytes(v2.records)
      ? { version: 1 as const, ...v1 }
      : { version: 2 as const, ...v2 };
  return { ...best, headerValid: false };
}

function payloadBytes(records: Uint8Array[]): number {
  return records.reduce((sum, record) => sum + record.length, 0);
}

function readFrom(
  buffer: Buffer,
  start: number,
  version: FormatVersion,
): { records: Uint8Array[]; damaged: DamagedRange[] } {
  const records: Uint8Array[] = [];
  const damaged: DamagedRange[] = [];
  let offset = start;
  while (offset < buffer.length) {
    const record = recordAt(buffer, offset, version);
    if (record !== null) {
      records.push(record.payload);
      offset = record.end;
      continue;
    }
    // Resynchronise: the next offset where a valid record starts, or the end of the file.
    let next = nextCandidate(buffer, offset + 1, version);
    while (next < buffer.length && recordAt(buffer, next, version) === null) {
      next = nextCandidate(buffer, next + 1, version);
    }
    damaged.push({ offset, length: next - offset });
    offset = next;
  }
  return { records, damaged };
}

function nextCandidate(buffer: Buffer, from: number, version: FormatVersion): number {
  if (version === 1) return from;
  const found = buffer.indexOf(SYNC_MARKER, from);
  return found === -1 ? buffer.length : found;
}

/** The valid record starting at `offset`, or null. Empty records are never written, so never valid. */
function recordAt(
  buffer: Buffer,
  offset: number,
  version: FormatVersion,
): { payload: Uint8Array; end: number } | null {
  const headerBytes = version === 2 ? V2_RECORD_HEADER_BYTES : V1_RECORD_HEADER_BYTES;
  if (buffer.length - offset < headerBytes) return null;
  if (version === 2 && buffer.compare(SYNC_MARKER, 0, SYNC_MARKER.length, offset, offset + 4) !== 0) {
    return null;
  }
  const lengthAt = version === 2 ? offset + 4 : offset;
  const length = buffer.readUInt32LE(lengthAt);
  const checksum = buffer.readUInt32LE(lengthAt + 4);
  const start = offset + headerBytes;
  if (length === 0 || length > MAX_RECORD_BYTES || start + length > buffer.length) return null;
  const payload = buffer.subarray(start, start + length);
  const expected =
    version === 2 ? crc32(payload, crc32(buffer.subarray(lengthAt, lengthAt + 4))) : crc32(payload);
  return expected === checksum ? { payload, end: start + length } : null;
}
