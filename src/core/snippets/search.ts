// Snippet search: Chinese substrings, full pinyin and pinyin initials over texts and tags, ranked for the cursor's section.
import { DOC_TYPE_IDS, ROLE_IDS, type DocTypeId, type Role } from "../model";
import type { MeetingKind } from "../outlines/meetings";
import { fitsMeeting } from "./meeting";
import { normalizeQuery } from "./normalize";
import type { PinyinOf } from "./pinyinCodec";
import { SNIPPET_KINDS, type Snippet, type SnippetKind } from "./schema";

/**
 * How a snippet matched, best first within a field (a match in the text always ranks above a match in a tag only):
 * - `tag`: the query is one of its tags;
 * - `prefix`: its text starts with the query;
 * - `substring`: the query occurs in its text or a tag;
 * - `pinyin`: full pinyin of consecutive characters, the last syllable possibly cut short (lixiang, lixiangx);
 * - `initials`: the first letters of consecutive characters (lxxn → 理想信念);
 * - `mixed`: a prefix of each syllable of consecutive characters (lixxn, zhutzr).
 */
export const MATCH_TIERS = ["tag", "prefix", "substring", "pinyin", "initials", "mixed"] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export interface SearchContext {
  /** The role of the section at the cursor (roleAt(doc, cursor)). */
  role?: Role | null;
  /** The document's type. */
  type?: DocTypeId | null;
  favorites?: ReadonlySet<string>;
  /** Ids of snippets used recently, most recent first. */
  recent?: readonly string[];
  /** Only snippets of this kind. */
  kind?: SnippetKind | null;
  /** How many hits to return (default 20). */
  limit?: number;
  /**
   * The meeting being prepared: suggestions (empty query) leave out snippets worded for another meeting (巡视 wording
   * at an annual meeting, 巡察 at a 巡视 one). A typed query still finds them: the user asked for them.
   */
  meeting?: MeetingKind | null;
}

export interface SnippetMatch {
  tier: MatchTier;
  field: "text" | "tag";
  /** The tag that matched, when field is "tag". */
  tag?: string;
  /** The matched span in the text (or the tag), in UTF-16 units, for highlighting. */
  start: number;
  end: number;
}

export interface SearchHit {
  snippet: Snippet;
  /** Null for suggestions (empty query). */
  match: SnippetMatch | null;
  favorite: boolean;
  /** Whether it is in the recent list. */
  recent: boolean;
}

export interface SearchResults {
  query: string;
  /** How many snippets matched in all (hits holds the best `limit` of them). */
  total: number;
  hits: SearchHit[];
}

/** A search index over a fixed list of snippets. Rebuild it when the list changes (cheap: milliseconds). */
export interface SearchIndex {
  readonly snippets: readonly Snippet[];
  readonly hasPinyin: boolean;
  /** @internal */ readonly data: IndexData;
}

interface IndexData {
  /** All fields (each snippet's text, then its tags) joined by NUL; ASCII letters lower-cased. */
  text: string;
  /** Aligned with text: the first letter of each unit's syllable, or 0. */
  initials: Uint8Array;
  /** Positions of each UTF-16 unit value in text: charPos[charStart[c] .. charStart[c + 1]). */
  charStart: Int32Array;
  charPos: Int32Array;
  /** Positions p where initials[p] = a and initials[p + 1] = b, bucket (a − 97) × 27 + (b − 97); bucket (a − 97) × 27 + 26 holds every p with initials[p] = a. */
  pairStart: Int32Array;
  pairPos: Int32Array;
  /** Aligned with text: the syllable id of each unit (0 = none). */
  syllables: Uint16Array;
  syllableTable: string[];
  /** Every prefix of every syllable present (to prune pinyin candidates). */
  prefixes: Set<string>;
  /** Aligned with text: the field each unit belongs to, -1 on separators. */
  unitField: Int32Array;
  fieldEntry: Int32Array;
  /** -1 for the text, k for tag k. */
  fieldTag: Int32Array;
  fieldStart: Int32Array;
  fieldLength: Int32Array;
  roleBits: Int32Array;
  typeBits: Int32Array;
  kindOf: Uint8Array;
  textLength: Int32Array;
  byId: Map<string, number>;
  /** Per-query scratch, reused. */
  scratch: Scratch;
}

interface Scratch {
  key: Float64Array;
  field: Int32Array;
  start: Int32Array;
  end: Int32Array;
  touched: Int32Array;
  count: number;
  stamp: Int32Array;
  stampValue: number;
  /** Failed (unit offset, query offset) states of the syllable-prefix walk, marked with memoValue. */
  memo: Int32Array;
  memoValue: number;
}

const SEP = "\u0000";
const ROLE_BIT = new Map<Role, number>(ROLE_IDS.map((r, i) => [r, 1 << i]));
const TYPE_BIT = new Map<DocTypeId, number>(DOC_TYPE_IDS.map((t, i) => [t, 1 << i]));
const KIND_INDEX = new Map<SnippetKind, number>(SNIPPET_KINDS.map((k, i) => [k, i]));
const MAX_QUERY = 64;
const MAX_PINYIN = 40;
const TIER = { tag: 0, prefix: 1, substring: 2, pinyin: 3, initials: 4, mixed: 5 } as const;
const TIER_COUNT = MATCH_TIERS.length;

function lowerAscii(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s;
}

/**
 * Index snippets for search. `pinyinOf` gives each text's syllables (precomputed index and/or pinyin-pro,
 * see preparePinyin); without it, or where it returns undefined, only Chinese/literal search works.
 * The list order is the final tie-break: put the user's own snippets first.
 */
export function createSearchIndex(snippets: readonly Snippet[], pinyinOf?: PinyinOf): SearchIndex {
  const n = snippets.length;
  const fields: { entry: number; tag: number; text: string }[] = [];
  const roleBits = new Int32Array(n);
  const typeBits = new Int32Array(n);
  const kindOf = new Uint8Array(n);
  const textLength = new Int32Array(n);
  const byId = new Map<string, number>();
  snippets.forEach((s, e) => {
    if (!byId.has(s.id)) byId.set(s.id, e);
    fields.push({ entry: e, tag: -1, text: s.text });
    s.tags.forEach((t, k) => fields.push({ entry: e, tag: k, text: t }));
    let rb = 0;
    for (const r of s.roles) rb |= ROLE_BIT.get(r) ?? 0;
    let tb = 0;
    for (const t of s.types) tb |= TYPE_BIT.get(t) ?? 0;
    roleBits[e] = rb;
    typeBits[e] = tb;
    kindOf[e] = KIND_INDEX.get(s.kind) ?? 0;
    textLength[e] = s.text.length;
  });

  let total = 0;
  for (const f of fields) total += f.text.length + 1;
  const unitField = new Int32Array(total).fill(-1);
  const syllables = new Uint16Array(total);
  const fieldEntry = new Int32Array(fields.length);
  const fieldTag = new Int32Array(fields.length);
  const fieldStart = new Int32Array(fields.length);
  const fieldLength = new Int32Array(fields.length);
  const syllableIds = new Map<string, number>();
  const syllableTable = [""];
  const textParts: string[] = [];
  const initialCodes = new Uint8Array(total);
  let hasPinyin = false;
  let pos = 0;
  fields.forEach((f, fi) => {
    const len = f.text.length;
    fieldEntry[fi] = f.entry;
    fieldTag[fi] = f.tag;
    fieldStart[fi] = pos;
    fieldLength[fi] = len;
    unitField.fill(fi, pos, pos + len);
    textParts.push(lowerAscii(f.text));
    const syl = pinyinOf?.(f.text);
    if (syl && syl.length === len) {
      for (let i = 0; i < len; i++) {
        const sy = syl[i];
        if (!sy) continue;
        let id = syllableIds.get(sy);
        if (id === undefined) {
          id = /^[a-z]{1,6}$/.test(sy) ? syllableTable.length : 0;
          syllableIds.set(sy, id);
          if (id) syllableTable.push(sy);
        }
        if (id) {
          syllables[pos + i] = id;
          initialCodes[pos + i] = sy.charCodeAt(0);
          hasPinyin = true;
        }
      }
    }
    pos += len + 1;
  });
  const prefixes = new Set<string>();
  for (const s of syllableTable) for (let k = 1; k <= s.length; k++) prefixes.add(s.slice(0, k));

  const text = textParts.join(SEP) + SEP;
  const chars = charPostings(text);
  const pairs = pairPostings(initialCodes);
  const data: IndexData = {
    text,
    initials: initialCodes,
    charStart: chars.start,
    charPos: chars.pos,
    pairStart: pairs.start,
    pairPos: pairs.pos,
    syllables,
    syllableTable,
    prefixes,
    unitField,
    fieldEntry,
    fieldTag,
    fieldStart,
    fieldLength,
    roleBits,
    typeBits,
    kindOf,
    textLength,
    byId,
    scratch: newScratch(n, total),
  };
  return { snippets, hasPinyin, data };
}

/** Compressed posting lists: the positions of bucket k are pos[start[k] .. start[k + 1]), ascending. */
interface Postings {
  start: Int32Array;
  pos: Int32Array;
}

/** Postings of every unit value of the text (separators excluded). */
function charPostings(text: string): Postings {
  const start = new Int32Array(65537);
  for (let p = 0; p < text.length; p++) start[text.charCodeAt(p) + 1]++;
  start[1] = 0; // NUL separators are not indexed
  for (let k = 0; k < 65536; k++) start[k + 1] += start[k];
  const fill = start.slice(0, 65536);
  const pos = new Int32Array(start[65536]);
  for (let p = 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c !== 0) pos[fill[c]++] = p;
  }
  return { start, pos };
}

/** Postings of initial pairs (a, b) in bucket (a − 97) × 27 + (b − 97), and of single initials a in bucket (a − 97) × 27 + 26. */
function pairPostings(initials: Uint8Array): Postings {
  const buckets = 26 * 27;
  const start = new Int32Array(buckets + 1);
  const n = initials.length;
  for (let p = 0; p < n; p++) {
    const a = initials[p];
    if (!a) continue;
    start[(a - 97) * 27 + 27]++;
    const b = initials[p + 1];
    if (b) start[(a - 97) * 27 + (b - 97) + 1]++;
  }
  for (let k = 0; k < buckets; k++) start[k + 1] += start[k];
  const fill = start.slice(0, buckets);
  const pos = new Int32Array(start[buckets]);
  for (let p = 0; p < n; p++) {
    const a = initials[p];
    if (!a) continue;
    pos[fill[(a - 97) * 27 + 26]++] = p;
    const b = initials[p + 1];
    if (b) pos[fill[(a - 97) * 27 + (b - 97)]++] = p;
  }
  return { start, pos };
}

function newScratch(entries: number, units: number): Scratch {
  return {
    key: new Float64Array(entries).fill(Infinity),
    field: new Int32Array(entries),
    start: new Int32Array(entries),
    end: new Int32Array(entries),
    touched: new Int32Array(entries),
    count: 0,
    stamp: new Int32Array(units),
    stampValue: 0,
    memo: new Int32Array((MAX_PINYIN + 1) * 64),
    memoValue: 0,
  };
}

function resetScratch(s: Scratch): void {
  for (let i = 0; i < s.count; i++) s.key[s.touched[i]] = Infinity;
  s.count = 0;
  s.stampValue++;
  if (s.stampValue > 0x3fffffff) {
    s.stamp.fill(0);
    s.stampValue = 1;
  }
}

/**
 * The match part of the ranking key: the field (the text before a tag: a phrase that contains the words typed is what
 * the writer is looking for, a tag only says what it is about), tier, at-start-of-field, span, position. Lower is better.
 */
function matchKey(tier: number, isTag: boolean, atStart: boolean, span: number, pos: number): number {
  return ((((isTag ? 1 : 0) * TIER_COUNT + tier) * 2 + (atStart ? 0 : 1)) * 64 + Math.min(span, 63)) * 10000 + Math.min(pos, 9999);
}

/** The tier of a match key. */
function tierOfKey(key: number): number {
  return Math.floor(key / 10000 / 64 / 2) % TIER_COUNT;
}

function record(d: IndexData, s: Scratch, fieldId: number, start: number, end: number, tier: number): void {
  const e = d.fieldEntry[fieldId];
  const key = matchKey(tier, d.fieldTag[fieldId] >= 0, start === 0, end - start, start);
  const old = s.key[e];
  if (key < old) {
    if (old === Infinity) s.touched[s.count++] = e;
    s.key[e] = key;
    s.field[e] = fieldId;
    s.start[e] = start;
    s.end[e] = end;
  }
}

/** Literal (Chinese) occurrences of a term. */
function matchLiteral(d: IndexData, s: Scratch, term: string): void {
  const { text, charStart, charPos } = d;
  const c = term.charCodeAt(0);
  const single = term.length === 1;
  for (let i = charStart[c], end = charStart[c + 1]; i < end; i++) {
    const p = charPos[i];
    if (!single && !text.startsWith(term, p)) continue;
    const f = d.unitField[p];
    const local = p - d.fieldStart[f];
    const isTag = d.fieldTag[f] >= 0;
    const tier = isTag ? (local === 0 && term.length === d.fieldLength[f] ? TIER.tag : TIER.substring) : local === 0 ? TIER.prefix : TIER.substring;
    record(d, s, f, local, local + term.length, tier);
  }
}

/** Whether the entry owning unit p already has a match at least as good as any pinyin match starting at p. */
function settled(d: IndexData, s: Scratch, p: number): boolean {
  const f = d.unitField[p];
  const local = p - d.fieldStart[f];
  return s.key[d.fieldEntry[f]] <= matchKey(TIER.pinyin, d.fieldTag[f] >= 0, local === 0, 1, local);
}

/** Pinyin occurrences of a term of letters: full pinyin, initials, or syllable prefixes, over consecutive Han characters. */
function matchPinyin(d: IndexData, s: Scratch, q: string): void {
  const n = q.length;
  const { syllables, syllableTable, prefixes, pairStart, pairPos } = d;
  const a = q.charCodeAt(0) - 97;
  // One character: the query is (a prefix of) its syllable.
  if (prefixes.has(q)) {
    const bucket = a * 27 + 26;
    for (let i = pairStart[bucket], end = pairStart[bucket + 1]; i < end; i++) {
      const p = pairPos[i];
      if ((n === 1 || syllableTable[syllables[p]].startsWith(q)) && !settled(d, s, p)) {
        const f = d.unitField[p];
        const local = p - d.fieldStart[f];
        record(d, s, f, local, local + 1, n === 1 ? TIER.initials : TIER.pinyin);
      }
    }
  }
  // Several characters: the first takes q[0..j) (a syllable prefix), so the second's initial is q[j].
  const stamp = s.stamp;
  const sv = s.stampValue;
  const seenPairs = new Set<number>();
  for (let j = 1; j < n && j <= 6; j++) {
    const pre = q.slice(0, j);
    if (!prefixes.has(pre)) break;
    const bucket = a * 27 + (q.charCodeAt(j) - 97);
    // A later j with the same second letter finds only starts already seen (their syllable starts with a shorter prefix).
    if (seenPairs.has(bucket)) continue;
    seenPairs.add(bucket);
    for (let i = pairStart[bucket], end = pairStart[bucket + 1]; i < end; i++) {
      const p = pairPos[i];
      if (stamp[p] === sv || !syllableTable[syllables[p]].startsWith(pre)) continue;
      stamp[p] = sv;
      if (settled(d, s, p)) continue;
      const m = evaluateStart(d, s, q, p);
      if (m) {
        const f = d.unitField[p];
        const local = p - d.fieldStart[f];
        record(d, s, f, local, local + (m.end - p), m.tier);
      }
    }
  }
}

/** The best pinyin match of q starting at unit p: full pinyin, else initials, else syllable prefixes. */
function evaluateStart(d: IndexData, s: Scratch, q: string, p: number): { tier: number; end: number } | null {
  const { syllables, syllableTable } = d;
  const n = q.length;
  // Full: whole syllables; the last may be cut short. The text fixes the syllables, so this is a straight walk.
  let u = p;
  let qi = 0;
  for (;;) {
    const syl = syllableTable[syllables[u]];
    if (!syl) break;
    const rest = n - qi;
    if (rest >= syl.length && q.startsWith(syl, qi)) {
      qi += syl.length;
      u++;
      if (qi === n) return { tier: TIER.pinyin, end: u };
      continue;
    }
    if (rest < syl.length) {
      let k = 0;
      while (k < rest && syl.charCodeAt(k) === q.charCodeAt(qi + k)) k++;
      if (k === rest) return { tier: TIER.pinyin, end: u + 1 };
    }
    break;
  }
  let k = 0;
  while (k < n && d.initials[p + k] === q.charCodeAt(k)) k++;
  if (k === n) return { tier: TIER.initials, end: p + n };
  if (++s.memoValue > 0x3fffffff) {
    s.memo.fill(0);
    s.memoValue = 1;
  }
  const end = mixedFrom(d, q, p, p, 0, s);
  return end >= 0 ? { tier: TIER.mixed, end } : null;
}

/** Each unit from u takes a non-empty prefix of its syllable; longer pieces first (shorter span). */
function mixedFrom(d: IndexData, q: string, start: number, u: number, qi: number, s: Scratch): number {
  const syl = d.syllableTable[d.syllables[u]];
  if (!syl) return -1;
  const memo = (u - start) * 64 + qi;
  if (s.memo[memo] === s.memoValue) return -1;
  let lcp = 0;
  while (lcp < syl.length && qi + lcp < q.length && syl.charCodeAt(lcp) === q.charCodeAt(qi + lcp)) lcp++;
  const next = d.initials[u + 1];
  for (let len = lcp; len >= 1; len--) {
    if (qi + len === q.length) return u + 1;
    // The next character must start with the next letter: checked here, it saves most calls.
    if (next !== q.charCodeAt(qi + len)) continue;
    const r = mixedFrom(d, q, start, u + 1, qi + len, s);
    if (r >= 0) return r;
  }
  s.memo[memo] = s.memoValue;
  return -1;
}

/** Split a normalised query into terms: a query of letters and spaces is one pinyin term; otherwise spaces separate terms. */
export function queryTerms(query: string): string[] {
  const q = normalizeQuery(query).slice(0, MAX_QUERY);
  if (!q) return [];
  if (/^[a-z' ]+$/.test(q)) {
    const joined = q.replace(/[' ]/g, "");
    return joined ? [joined] : [];
  }
  return [...new Set(q.split(" ").filter(Boolean))];
}

function runTerm(d: IndexData, s: Scratch, term: string, pinyin: boolean): void {
  // A single letter would only find the X of fill-ins like 【X】; letters are pinyin first.
  if (!/^[a-z]$/.test(term)) matchLiteral(d, s, term);
  if (pinyin && /^[a-z]+$/.test(term) && term.length <= MAX_PINYIN) matchPinyin(d, s, term);
}

/** Section fit: the role counts twice the type; snippets with no roles/types fit anywhere a little. 0–5. */
function fitOf(d: IndexData, e: number, roleBit: number, typeBit: number): number {
  const rb = d.roleBits[e];
  const tb = d.typeBits[e];
  const role = roleBit === 0 ? 0 : rb & roleBit ? 2 : rb === 0 ? 1 : 0;
  const type = typeBit === 0 ? 0 : tb & typeBit || tb === 0 ? 1 : 0;
  return role * 2 + type;
}

interface Prefs {
  favorites: ReadonlySet<string>;
  recentRank: Map<string, number>;
  /** Per entry: favourites first (most recently used first among them), then recent ones, then the rest (NO_PREFERENCE). */
  rank: Map<number, number>;
}

const NO_PREFERENCE = 3999;

function prefsOf(index: SearchIndex, ctx: SearchContext): Prefs {
  const recentRank = new Map<string, number>();
  (ctx.recent ?? []).forEach((id, i) => {
    if (!recentRank.has(id)) recentRank.set(id, i);
  });
  const favorites = ctx.favorites ?? new Set<string>();
  const rank = new Map<number, number>();
  const byId = index.data.byId;
  for (const id of [...favorites, ...recentRank.keys()]) {
    const e = byId.get(id);
    if (e !== undefined) rank.set(e, (favorites.has(id) ? 0 : 2000) + Math.min(recentRank.get(id) ?? 1999, 1999));
  }
  return { favorites, recentRank, rank };
}

function preferenceRank(prefs: Prefs, e: number): number {
  return prefs.rank.get(e) ?? NO_PREFERENCE;
}

/** Keep the `limit` smallest (key, entry) pairs. */
class TopN {
  keys: number[] = [];
  entries: number[] = [];
  constructor(private readonly limit: number) {}
  offer(key: number, entry: number): void {
    const { keys, entries, limit } = this;
    if (limit <= 0) return;
    if (keys.length === limit && (key > keys[limit - 1] || (key === keys[limit - 1] && entry > entries[limit - 1]))) return;
    let i = keys.length;
    while (i > 0 && (keys[i - 1] > key || (keys[i - 1] === key && entries[i - 1] > entry))) i--;
    keys.splice(i, 0, key);
    entries.splice(i, 0, entry);
    if (keys.length > limit) {
      keys.pop();
      entries.pop();
    }
  }
}

/**
 * Search the index. Ranking, best first: how it matched (in its text before in a tag only; then text prefix > Chinese
 * substring > full pinyin > initials > syllable prefixes, and for tags exact tag > part of a tag > pinyin …; a match at
 * the start of the text or tag, then a shorter span), then the fit to
 * the cursor's section (role, then type), then favourites and recent use, then an earlier position and a
 * shorter text. An empty query gives suggestions (see suggest).
 */
export function search(index: SearchIndex, query: string, context: SearchContext = {}): SearchResults {
  const limit = Math.max(0, Math.floor(context.limit ?? 20));
  const terms = queryTerms(query);
  if (!terms.length) return suggest(index, context);
  const d = index.data;
  const s = d.scratch;
  resetScratch(s);
  runTerm(d, s, terms[0], index.hasPinyin);
  let matched: Int32Array = s.touched.slice(0, s.count);
  const keys = new Map<number, number>();
  if (terms.length > 1) {
    // Every term must match; the snippet ranks by its worst term, highlighted at the first.
    const first = { key: s.key.slice(), field: s.field.slice(), start: s.start.slice(), end: s.end.slice() };
    let worst = new Map<number, number>();
    for (const e of matched) worst.set(e, s.key[e]);
    for (const term of terms.slice(1)) {
      resetScratch(s);
      runTerm(d, s, term, index.hasPinyin);
      const next = new Map<number, number>();
      for (const [e, k] of worst) if (s.key[e] !== Infinity) next.set(e, Math.max(k, s.key[e]));
      worst = next;
    }
    resetScratch(s);
    matched = Int32Array.from(worst.keys());
    for (const [e, k] of worst) {
      keys.set(e, k);
      s.key[e] = first.key[e];
      s.field[e] = first.field[e];
      s.start[e] = first.start[e];
      s.end[e] = first.end[e];
      s.touched[s.count++] = e;
    }
  }

  const roleBit = context.role ? (ROLE_BIT.get(context.role) ?? 0) : 0;
  const typeBit = context.type ? (TYPE_BIT.get(context.type) ?? 0) : 0;
  const kindFilter = context.kind ? KIND_INDEX.get(context.kind) : undefined;
  const prefs = prefsOf(index, context);
  // A small limit keeps a running top list; a large one (CLI, "show all") sorts everything once.
  const all: { key: number; e: number }[] = [];
  const top = limit < 256 ? new TopN(limit) : null;
  let total = 0;
  // Only letters spell homophones; a Chinese query matches itself alone.
  const rarity = index.hasPinyin && /^[a-z]{2,}$/.test(terms[0]) ? readingRarity(d, s, matched) : new Map<number, number>();
  for (const e of matched) {
    if (kindFilter !== undefined && d.kindOf[e] !== kindFilter) continue;
    total++;
    const mk = keys.get(e) ?? s.key[e];
    const rest = Math.floor(mk / 10000); // field, tier, at-start, span
    const head = (Math.floor(rest / 128) * 16 + (rarity.get(e) ?? 0)) * 128 + (rest % 128);
    const pos = Math.min(mk % 10000, 999);
    const fit = fitOf(d, e, roleBit, typeBit);
    const pref = prefs.rank.size ? preferenceRank(prefs, e) : NO_PREFERENCE;
    // Below 2^53: head < 24,576, so the key stays an exact integer.
    const key = (((head * 6 + (5 - fit)) * 4000 + pref) * 1000 + pos) * 1000 + Math.min(d.textLength[e], 999);
    if (top) top.offer(key, e);
    else all.push({ key, e });
  }
  const best = top ? top.entries : all.sort((a, b) => a.key - b.key || a.e - b.e).slice(0, limit).map((x) => x.e);
  const hits = best.map((e) => hitOf(index, e, prefs, matchOf(index, e, keys.get(e))));
  return { query, total, hits };
}

/**
 * Letters can spell rare homophones as well as the words meant (ztzr: 主体责任, but also 负责同志任组长; lixiang: 理想, but
 * also 长久立相结合). Among matches of two or more characters, the reading the matches share most often ranks first:
 * 0 for the commonest matched string, 1 for the next count down, … (at most 15). Literal queries match one string, so all get 0.
 */
function readingRarity(d: IndexData, s: Scratch, matched: Int32Array): Map<number, number> {
  const out = new Map<number, number>();
  if (matched.length < 2) return out;
  const spans: string[] = [];
  const counts = new Map<string, number>();
  for (const e of matched) {
    const at = d.fieldStart[s.field[e]];
    const t = s.end[e] - s.start[e] >= 2 ? d.text.slice(at + s.start[e], at + s.end[e]) : "";
    spans.push(t);
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  if (counts.size < 2) return out;
  const levels = [...new Set(counts.values())].sort((a, b) => b - a);
  const level = new Map(levels.map((c, i) => [c, Math.min(i, 15)]));
  matched.forEach((e, i) => {
    if (spans[i]) out.set(e, level.get(counts.get(spans[i])!)!);
  });
  return out;
}

function matchOf(index: SearchIndex, e: number, worstKey: number | undefined): SnippetMatch {
  const d = index.data;
  const s = d.scratch;
  const f = s.field[e];
  const tierIndex = tierOfKey(worstKey ?? s.key[e]);
  const k = d.fieldTag[f];
  const m: SnippetMatch = { tier: MATCH_TIERS[tierIndex], field: k >= 0 ? "tag" : "text", start: s.start[e], end: s.end[e] };
  if (k >= 0) m.tag = index.snippets[e].tags[k];
  return m;
}

function hitOf(index: SearchIndex, e: number, prefs: Prefs, match: SnippetMatch | null): SearchHit {
  const snippet = index.snippets[e];
  return { snippet, match, favorite: prefs.favorites.has(snippet.id), recent: prefs.recentRank.has(snippet.id) };
}

/**
 * Suggestions for an empty query: snippets for the cursor's section (role and type; falling back to the role,
 * then the type, then everything when none fit), favourites and recent ones first, then the rest by fit
 * with the kinds taking turns (phrase, sentence, paragraph) so the list is not all one kind.
 */
export function suggest(index: SearchIndex, context: SearchContext = {}): SearchResults {
  const d = index.data;
  const limit = Math.max(0, Math.floor(context.limit ?? 20));
  const roleBit = context.role ? (ROLE_BIT.get(context.role) ?? 0) : 0;
  const typeBit = context.type ? (TYPE_BIT.get(context.type) ?? 0) : 0;
  const kindFilter = context.kind ? KIND_INDEX.get(context.kind) : undefined;
  const prefs = prefsOf(index, context);
  const n = index.snippets.length;
  const fitsRole = (e: number) => roleBit === 0 || (d.roleBits[e] & roleBit) !== 0 || d.roleBits[e] === 0;
  const fitsType = (e: number) => typeBit === 0 || (d.typeBits[e] & typeBit) !== 0 || d.typeBits[e] === 0;
  const filters = [(e: number) => fitsRole(e) && fitsType(e), fitsRole, fitsType, () => true];
  const meeting = context.meeting;
  const fitsTheMeeting = (e: number) => !meeting || fitsMeeting(index.snippets[e], meeting);
  let eligible: number[] = [];
  for (const ok of filters) {
    eligible = [];
    for (let e = 0; e < n; e++) if ((kindFilter === undefined || d.kindOf[e] === kindFilter) && ok(e) && fitsTheMeeting(e)) eligible.push(e);
    if (eligible.length) break;
  }
  const preferred = eligible.filter((e) => preferenceRank(prefs, e) < NO_PREFERENCE);
  preferred.sort((a, b) => preferenceRank(prefs, a) - preferenceRank(prefs, b) || a - b);
  const rest = eligible.filter((e) => preferenceRank(prefs, e) >= NO_PREFERENCE);
  // Within each fit level, kinds take turns.
  const byFit = new Map<number, number[][]>();
  for (const e of rest) {
    const fit = fitOf(d, e, roleBit, typeBit);
    let queues = byFit.get(fit);
    if (!queues) byFit.set(fit, (queues = SNIPPET_KINDS.map(() => [])));
    queues[d.kindOf[e]].push(e);
  }
  const ordered = [...preferred];
  for (const fit of [...byFit.keys()].sort((a, b) => b - a)) {
    const queues = byFit.get(fit)!;
    const idx = queues.map(() => 0);
    let left = queues.reduce((sum, q) => sum + q.length, 0);
    while (left > 0 && ordered.length < limit) {
      for (let k = 0; k < queues.length && ordered.length < limit; k++) {
        if (idx[k] < queues[k].length) {
          ordered.push(queues[k][idx[k]++]);
          left--;
        }
      }
    }
    if (ordered.length >= limit) break;
  }
  const hits = ordered.slice(0, limit).map((e) => hitOf(index, e, prefs, null));
  return { query: "", total: eligible.length, hits };
}
