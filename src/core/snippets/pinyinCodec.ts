// Text → toneless pinyin per UTF-16 unit, and the compact precomputed index format; no imports, so the build script can load it alone.

/**
 * The precomputed pinyin index (src/data/snippets/pinyin-index.json, written by scripts/build-pinyin.mjs).
 *
 * `entries` maps `textKey(text)` (a 53-bit hash of the exact string, base 36) to the syllables of that
 * text, one per UTF-16 unit, joined by single spaces; units that are not Han characters have an
 * empty syllable, so `entry.split(" ").length === text.length`. Keys are hashes of the text, not
 * snippet ids, so an edited text simply misses and falls back to computing; tags share the map.
 * ü is written v (lüse → lvse), as users type it.
 */
export interface PinyinIndexData {
  version: 1;
  generator: string;
  entries: Record<string, string>;
}

/** Syllables of a text, one per UTF-16 unit ("" for non-Han units), or undefined when unknown. */
export type PinyinOf = (text: string) => readonly string[] | undefined;

/** The part of pinyin-pro this code uses (its module, loaded statically by node scripts or lazily by the pane). */
export interface PinyinProLike {
  pinyin(text: string, options: { type: "all"; toneType: "none" }): { origin: string; pinyin: string; isZh: boolean }[];
}

/** cyrb53: a fast 53-bit string hash, good enough to key ~10⁴ texts without collisions. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The key of a text in PinyinIndexData.entries. */
export function textKey(text: string): string {
  return hash53(text).toString(36);
}

const PINYIN_LETTERS = /^[a-zü]+$/;

/** Syllables of `text` per UTF-16 unit computed with pinyin-pro (contextual readings for polyphones). */
export function syllablesWith(pp: PinyinProLike, text: string): string[] {
  const out: string[] = [];
  if (!text) return out;
  const items = pp.pinyin(text, { type: "all", toneType: "none" });
  for (const it of items) {
    const origin = it.origin ?? "";
    const syl = it.isZh && PINYIN_LETTERS.test(it.pinyin) ? it.pinyin.replace(/ü/g, "v") : "";
    for (let k = 0; k < origin.length; k++) out.push(k === 0 ? syl : "");
  }
  if (out.length === text.length) return out;
  // pinyin-pro grouped or dropped something: fall back to one character at a time so units stay aligned.
  const slow: string[] = [];
  for (const ch of text) {
    const one = pp.pinyin(ch, { type: "all", toneType: "none" })[0];
    const syl = one && one.isZh && PINYIN_LETTERS.test(one.pinyin) ? one.pinyin.replace(/ü/g, "v") : "";
    slow.push(syl);
    for (let k = 1; k < ch.length; k++) slow.push("");
  }
  return slow;
}

export function encodeSyllables(syllables: readonly string[]): string {
  return syllables.join(" ");
}

/** Decode an index entry for `text`, or undefined when it does not fit the text (stale or collided). */
export function decodeSyllables(entry: string | undefined, text: string): string[] | undefined {
  if (entry === undefined) return undefined;
  const parts = text.length === 0 ? [] : entry.split(" ");
  return parts.length === text.length ? parts : undefined;
}

/** Build the index data for a set of texts (snippet texts and tags). */
export function buildPinyinIndexData(pp: PinyinProLike, texts: Iterable<string>, generator: string): PinyinIndexData {
  const entries: Record<string, string> = {};
  const seen = new Map<string, string>();
  const sorted = [...new Set(texts)].sort();
  for (const text of sorted) {
    const key = textKey(text);
    const other = seen.get(key);
    if (other !== undefined && other !== text) throw new Error(`拼音索引键冲突：“${other}”与“${text}”`);
    seen.set(key, text);
    entries[key] = encodeSyllables(syllablesWith(pp, text));
  }
  return { version: 1, generator, entries };
}

/** A PinyinOf that reads the precomputed index; misses give undefined. */
export function pinyinFromIndex(data: PinyinIndexData | null | undefined): PinyinOf {
  const entries = data?.entries ?? {};
  const has = Object.prototype.hasOwnProperty;
  return (text) => {
    const key = textKey(text);
    return decodeSyllables(has.call(entries, key) ? entries[key] : undefined, text);
  };
}
