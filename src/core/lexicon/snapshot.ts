// A built lexicon's tables as one block of bytes, and back: a little-endian u32 giving the length of a UTF-8 JSON header
// (the tag, the caller's fingerprint, the lexicon's own small fields, each table's type, place and length), then the
// tables, each starting on a multiple of 8 so that it is read in place, without a copy. Written and read on the same
// machine (the command line's build/), so the platform's byte order is the file's.
import { Lexicon, SNAPSHOT_VERSION, type LexiconSnapshot, type SnapshotArrays } from "./lexicon";

const TAG = "tigang-lexicon";
const TYPES = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Float32Array } as const;
type TypeName = keyof typeof TYPES;

interface Header {
  tag: typeof TAG;
  version: number;
  fingerprint: string;
  meta: LexiconSnapshot["meta"];
  arrays: { name: keyof SnapshotArrays; type: TypeName; offset: number; length: number }[];
}

const align8 = (n: number) => (n + 7) & ~7;

/** The lexicon's tables as bytes; `fingerprint` says which data files they were built from. */
export function encodeSnapshot(lex: Lexicon, fingerprint: string): Uint8Array {
  const { meta, arrays } = lex.snapshot();
  const list = Object.entries(arrays) as [keyof SnapshotArrays, SnapshotArrays[keyof SnapshotArrays]][];
  const layout: Header["arrays"] = [];
  let offset = 0;
  for (const [name, a] of list) {
    layout.push({ name, type: a.constructor.name as TypeName, offset, length: a.length });
    offset = align8(offset + a.byteLength);
  }
  const header = new TextEncoder().encode(JSON.stringify({ tag: TAG, version: SNAPSHOT_VERSION, fingerprint, meta, arrays: layout } satisfies Header));
  const start = align8(4 + header.length);
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  list.forEach(([, a], k) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + layout[k].offset));
  return out;
}

/**
 * The lexicon stored in `bytes`, or null when they are not a snapshot of this version built from the data files that
 * `fingerprint` names (the caller then builds the lexicon from its data files).
 */
export function decodeSnapshot(bytes: Uint8Array, fingerprint: string): Lexicon | null {
  if (bytes.length < 4) return null;
  // Views need their offset aligned to their element size: a buffer that does not start on 8 is copied once.
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const length = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  if (4 + length > bytes.length) return null;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as Header;
  } catch {
    return null;
  }
  if (header.tag !== TAG || header.version !== SNAPSHOT_VERSION || header.fingerprint !== fingerprint) return null;
  const start = align8(4 + length);
  const arrays: Record<string, unknown> = {};
  for (const { name, type, offset, length: n } of header.arrays) {
    const Type = TYPES[type];
    if (!Type || start + offset + n * Type.BYTES_PER_ELEMENT > bytes.length) return null;
    arrays[name] = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + start + offset, n);
  }
  try {
    return new Lexicon({ snapshot: { meta: header.meta, arrays: arrays as unknown as SnapshotArrays } });
  } catch {
    // A table missing, or of another shape.
    return null;
  }
}
