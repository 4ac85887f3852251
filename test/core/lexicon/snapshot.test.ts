// The lexicon's tables stored as bytes and read back (the command line's build keeps them, src/cli/lexiconSnapshot.ts):
// the same tables, the same findings, and nothing read from bytes that are not a current snapshot.
import fs from "node:fs";
import path from "node:path";
import { loadTypoLexicon } from "../../../src/core/check/rules/typo";
import { findLexiconTypos, Lexicon } from "../../../src/core/lexicon";
import { decodeSnapshot, encodeSnapshot } from "../../../src/core/lexicon/snapshot";

let lex: Lexicon;
let bytes: Uint8Array;
beforeAll(async () => {
  lex = await loadTypoLexicon();
  bytes = encodeSnapshot(lex, "fp-1");
}, 60000);

const lines = ["realistic", "clean", "clean-text"].flatMap((d) => {
  const dir = path.join(__dirname, "../../fixtures", d);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), "utf8").split(/\r?\n/));
});
// Sentences with typos the lexicon finds (homophone, shape, a frequent single character typed for another).
const typos = ["我们要在接再厉，争取更大成绩。", "坚持问题导向，对症下药，标本兼制。", "认真贯彻落实会议精神，迫不急待地推进工作。", "要迎难而上，知难而近。"];

test("read back, the tables and the findings are the same", () => {
  const back = decodeSnapshot(bytes, "fp-1");
  expect(back).not.toBeNull();
  const a = lex.snapshot();
  const b = back!.snapshot();
  expect(b.meta).toEqual(a.meta);
  for (const name of Object.keys(a.arrays) as (keyof typeof a.arrays)[]) {
    expect([name, b.arrays[name].constructor.name, b.arrays[name].length]).toEqual([name, a.arrays[name].constructor.name, a.arrays[name].length]);
    expect([name, Buffer.from(b.arrays[name].buffer, b.arrays[name].byteOffset, b.arrays[name].byteLength).equals(Buffer.from(a.arrays[name].buffer, a.arrays[name].byteOffset, a.arrays[name].byteLength))]).toEqual([name, true]);
  }
  expect(back!.size).toBe(lex.size);
  const found = (l: Lexicon) => [...lines, ...typos].map((t) => findLexiconTypos(l, t));
  const before = found(lex);
  expect(before.flat().length).toBeGreaterThanOrEqual(typos.length);
  expect(found(back!)).toEqual(before);
  // Lazily built parts work too: confusion sets, and a word's code.
  expect(back!.confusion("在", "再")).toBe(lex.confusion("在", "再"));
  expect(back!.code("贯彻")).toBe(lex.code("贯彻"));
});

test("bytes that do not start on a multiple of 8 are read all the same", () => {
  const shifted = new Uint8Array(bytes.length + 3);
  shifted.set(bytes, 3);
  const back = decodeSnapshot(shifted.subarray(3), "fp-1");
  expect(back?.size).toBe(lex.size);
});

test("another fingerprint, a truncated file or other bytes give null, never a wrong lexicon", () => {
  expect(decodeSnapshot(bytes, "fp-2")).toBeNull();
  expect(decodeSnapshot(bytes.subarray(0, 1000), "fp-1")).toBeNull();
  expect(decodeSnapshot(bytes.subarray(0, bytes.length - 100), "fp-1")).toBeNull();
  expect(decodeSnapshot(new Uint8Array(0), "fp-1")).toBeNull();
  expect(decodeSnapshot(new TextEncoder().encode("not a snapshot at all"), "fp-1")).toBeNull();
  const other = bytes.slice();
  other.set(new TextEncoder().encode('{"tag":"other'), 4);
  expect(decodeSnapshot(other, "fp-1")).toBeNull();
});

test("a table of another size, or missing, gives null; characters a decoder would change are kept", () => {
  // Shrink one fixed-size table in the header: the arrays no longer have the shape this code builds.
  const length = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length)));
  const rewrite = (edit: (h: { arrays: { name: string; length: number }[] }) => void) => {
    const h = structuredClone(header);
    edit(h);
    const json = new TextEncoder().encode(JSON.stringify(h));
    expect(json.length).toBeLessThanOrEqual(length);
    const out = bytes.slice();
    out.fill(0x20, 4, 4 + length); // JSON allows the spaces after it
    out.set(json, 4);
    return out;
  };
  expect(decodeSnapshot(rewrite((h) => (h.arrays.find((a) => a.name === "pairs")!.length -= 8)), "fp-1")).toBeNull();
  expect(decodeSnapshot(rewrite((h) => (h.arrays = h.arrays.filter((a) => a.name !== "single"))), "fp-1")).toBeNull();
  // The word list's characters come back unit for unit, a leading U+FEFF and a lone surrogate included.
  const snap = lex.snapshot();
  const odd = new Uint16Array([0xfeff, 0x4e00, 0xd800, 0x4e01, ...snap.arrays.all.subarray(4)]);
  const back = new Lexicon({ snapshot: { meta: snap.meta, arrays: { ...snap.arrays, all: odd } } });
  const text = (back as unknown as { all: string }).all;
  expect(text.length).toBe(odd.length);
  expect([text.charCodeAt(0), text.charCodeAt(2)]).toEqual([0xfeff, 0xd800]);
});
