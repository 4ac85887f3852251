// The typo checker's lexicon: words with frequencies (jieba's list plus our 公文 vocabulary), character readings and
// shape groups, indexed for the cheap scan (which characters no word covers) and the costly look (which word one
// confusable substitution gives, and whether the sentence then reads better).

/** The derived word list (src/data/lexicon/lexicon.json, written by scripts/build-lexicon.mjs). */
export interface LexiconData {
  version: 1;
  source: string;
  totalFrequency: number;
  /** Entries run together: each word followed by one ASCII character, 33 + round(5·ln frequency). */
  words: string;
  /** "字pin,yin 字pin …": toneless readings of every character in the list. */
  pinyin: string;
}

/** Our own additions (src/data/lexicon/gongwen.json). */
export interface LexiconExtra {
  words: Record<string, number>;
  remove: string[];
  shape: string[];
  fuzzy: { initials: [string, string][]; finals: [string, string][] };
}

export type Confusion = "homophone" | "near-pinyin" | "shape";

const HAN_LO = 0x4e00;
const HAN_HI = 0x9fff;
export const isHan = (c: number): boolean => c >= HAN_LO && c <= HAN_HI;

const PAIR_BITS = 23;
const PAIR_MASK = (1 << PAIR_BITS) - 1;
const pairHash = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> (32 - PAIR_BITS);

/** Three characters of four and the gap's place, folded into a pair for the bitsets. */
function idiomSignature(a: number, b: number, c: number, d: number, gap: number): [number, number] {
  const k = [a, b, c, d];
  k[gap] = gap + 1;
  return [Math.imul(k[0], 31) + k[1], Math.imul(k[2], 37) + k[3]];
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function setBit(bits: Uint32Array, a: number, b: number): void {
  const h = pairHash(a, b) & PAIR_MASK;
  bits[h >>> 5] |= 1 << (h & 31);
}

function testBit(bits: Uint32Array, a: number, b: number): boolean {
  const h = pairHash(a, b) & PAIR_MASK;
  return (bits[h >>> 5] & (1 << (h & 31))) !== 0;
}

/** Below this log-frequency code (5·ln f) a single character is not a word of its own in our sense: the scan looks at it. */
const FREE_SINGLE_Q = 47; // f ≳ 12,000: 的 了 是 在 和 把 对 …
/** Natural-log cost added to every single-character piece of a segmentation. */
const SINGLE_PENALTY = 1.5;
/** Words below this code (f < 5) are weak: a typo form or a rare word; a confusable common word may replace them. */
export const WEAK_Q = 8;
/** Smallest code of a word offered as a correction, by length (2, 3, 4 characters). */
const TARGET_Q = [0, 0, 20, 12, 8]; // f ≥ 55, 11, 5

export class Lexicon {
  readonly source: string;
  /** log-frequency code per word (5·ln f). */
  private readonly q = new Map<string, number>();
  private readonly lnTotal: number;
  /** Bitset of character pairs adjacent inside some word of frequency ≥ 5 (hashed; a few false hits). */
  private readonly pairs = new Uint32Array(1 << (PAIR_BITS - 5));
  /** Pairs (x, y) where a frequent single character x stands for a confusable character of a target word before y (再接 → 在接), and the same after. */
  private readonly freeSlips = new Uint32Array(1 << (PAIR_BITS - 5));
  /** Four-character target words (idioms) with one character left out, hashed: the left-out one may be the typo. */
  private readonly idiomHeads = new Uint32Array(1 << (PAIR_BITS - 5));
  /** Per character code: 1 = in the list, 2 = a frequent word on its own. */
  private readonly charFlags = new Uint8Array(0x10000);
  /** Wildcard index: a target word with one character replaced by "?" → the characters that fill it. */
  private readonly wild = new Map<string, string>();
  private readonly readings = new Map<string, string[]>();
  private readonly shapeOf = new Map<string, Set<string>>();
  private readonly fuzzy: LexiconExtra["fuzzy"];

  constructor(data: LexiconData, extra: LexiconExtra, exclude: readonly string[] = []) {
    this.source = data.source;
    this.lnTotal = Math.log(data.totalFrequency);
    const s = data.words;
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 128) {
        this.q.set(s.slice(start, i), c - 33);
        start = i + 1;
      }
    }
    for (const [w, f] of Object.entries(extra.words)) this.q.set(w, Math.max(this.q.get(w) ?? 0, Math.round(5 * Math.log(f))));
    for (const w of extra.remove) this.q.delete(w);
    for (const w of exclude) if (!extra.words[w]) this.q.delete(w);
    for (const entry of data.pinyin.split(" ")) {
      const ch = String.fromCodePoint(entry.codePointAt(0)!);
      this.readings.set(ch, entry.slice(ch.length).split(","));
    }
    for (const group of extra.shape) this.addShapeGroup([...group]);
    this.fuzzy = extra.fuzzy;
    for (const [w, code] of this.q) {
      for (let i = 0; i < w.length; i++) this.charFlags[w.charCodeAt(i)] |= 1;
      if (w.length === 1 && code >= FREE_SINGLE_Q) this.charFlags[w.charCodeAt(0)] |= 2;
    }
    for (const [w, code] of this.q) if (w.length > 1) this.index(w, code);
  }

  /** Marks the pairs a frequent single character makes when it is typed for a confusable character of a target word. */
  private indexFreeSlips(w: string): void {
    for (let i = 0; i < w.length; i++) {
      const slips = this.freeConfusables(w[i]);
      for (let k = 0; k < slips.length; k++) {
        const x = slips.charCodeAt(k);
        if (i > 0) setBit(this.freeSlips, w.charCodeAt(i - 1), x);
        if (i + 1 < w.length) setBit(this.freeSlips, x, w.charCodeAt(i + 1));
      }
    }
  }

  private freeBySyllable: Map<string, string> | null = null;
  private freeConf = new Map<string, string>();

  /** Frequent single characters confusable with `ch` (same reading, or the same shape group). */
  private freeConfusables(ch: string): string {
    let out = this.freeConf.get(ch);
    if (out !== undefined) return out;
    if (!this.freeBySyllable) {
      this.freeBySyllable = new Map();
      for (const [c, syl] of this.readings)
        if (this.charFlags[c.charCodeAt(0)] & 2) for (const y of syl) this.freeBySyllable.set(y, (this.freeBySyllable.get(y) ?? "") + c);
    }
    const set = new Set<string>();
    for (const y of this.readings.get(ch) ?? []) for (const c of this.freeBySyllable.get(y) ?? "") set.add(c);
    for (const c of this.shapeOf.get(ch) ?? []) if (this.charFlags[c.charCodeAt(0)] & 2) set.add(c);
    set.delete(ch);
    out = [...set].join("");
    this.freeConf.set(ch, out);
    return out;
  }

  /** Adds shape-similar groups (one group per line, characters separated by commas or spaces). */
  addShapeGroups(text: string): void {
    for (const line of text.split("\n")) this.addShapeGroup(line.split(/[,，\s]+/).filter((t) => t.length === 1 && isHan(t.charCodeAt(0))));
  }

  private addShapeGroup(chars: string[]): void {
    this.freeConf.clear();
    this.confusables.clear();
    for (const a of chars)
      for (const b of chars) {
        if (a === b) continue;
        let set = this.shapeOf.get(a);
        if (!set) this.shapeOf.set(a, (set = new Set()));
        set.add(b);
      }
  }

  private index(w: string, code: number): void {
    if (code >= WEAK_Q) for (let i = 1; i < w.length; i++) setBit(this.pairs, w.charCodeAt(i - 1), w.charCodeAt(i));
    if (code >= TARGET_Q[w.length]) {
      for (let i = 0; i < w.length; i++) {
        const key = w.slice(0, i) + "?" + w.slice(i + 1);
        this.wild.set(key, (this.wild.get(key) ?? "") + w[i]);
      }
      this.indexFreeSlips(w);
      if (w.length === 4) for (let i = 0; i < 4; i++) setBit(this.idiomHeads, ...idiomSignature(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2), w.charCodeAt(3), i));
    }
  }

  get size(): number {
    return this.q.size;
  }

  /** The word's log-frequency code (5·ln f), or undefined when it is not in the list. */
  code(w: string): number | undefined {
    return this.q.get(w);
  }

  /** Natural log of the word's probability; a character not in the list as a word gets less than any word. */
  logP(w: string): number | undefined {
    const c = this.q.get(w);
    return c === undefined ? undefined : c / 5 - this.lnTotal;
  }

  /** Whether the two characters are adjacent inside some word (hashed: true now and then for a pair that is not). */
  pairInWord(a: number, b: number): boolean {
    return testBit(this.pairs, a, b);
  }

  /** Whether a frequent single character at one side of this pair may stand for a confusable character of a word. */
  freeSlip(a: number, b: number): boolean {
    return testBit(this.freeSlips, a, b);
  }

  /** Whether some four-character target word has these characters but the one at `gap` (hashed: now and then true for none). */
  idiomWithGap(a: number, b: number, c: number, d: number, gap: number): boolean {
    return testBit(this.idiomHeads, ...idiomSignature(a, b, c, d, gap));
  }

  /** A character frequent enough as a word of its own (的, 在, 把 …) that standing alone says nothing. */
  isFreeSingle(c: number): boolean {
    return (this.charFlags[c] & 2) !== 0;
  }

  /** Characters that, put at `at` in `window`, make a target word. */
  fillers(window: string, at: number): string {
    return this.wild.get(window.slice(0, at) + "?" + window.slice(at + 1)) ?? "";
  }

  private bySyllable: Map<string, string[]> | null = null;
  private byFuzzy: Map<string, string[]> | null = null;
  private readonly confusables = new Map<string, Map<string, Confusion>>();

  /** How `wrong` may have been typed for `right`, or null when they are not confusable. */
  confusion(wrong: string, right: string): Confusion | null {
    return this.confusablesOf(wrong).get(right) ?? null;
  }

  /** Every character confusable with `ch`, and how; computed once per character. */
  private confusablesOf(ch: string): Map<string, Confusion> {
    let out = this.confusables.get(ch);
    if (out) return out;
    if (!this.bySyllable || !this.byFuzzy) {
      this.bySyllable = new Map();
      this.byFuzzy = new Map();
      for (const [c, syl] of this.readings)
        for (const y of syl) {
          push(this.bySyllable, y, c);
          push(this.byFuzzy, this.fuzzyForm(y), c);
        }
    }
    out = new Map();
    for (const c of this.shapeOf.get(ch) ?? []) out.set(c, "shape");
    for (const y of this.readings.get(ch) ?? []) for (const c of this.byFuzzy.get(this.fuzzyForm(y)) ?? []) out.set(c, "near-pinyin");
    for (const y of this.readings.get(ch) ?? []) for (const c of this.bySyllable.get(y) ?? []) out.set(c, "homophone");
    out.delete(ch);
    this.confusables.set(ch, out);
    return out;
  }

  /** The syllable with every fuzzy initial and final folded (zhi → zi, ling → lin, nan → lan). */
  private fuzzyForm(s: string): string {
    for (const [x, y] of this.fuzzy.initials) if (s.startsWith(x)) { s = y + s.slice(x.length); break; }
    for (const [x, y] of this.fuzzy.finals) if (s.endsWith(x)) { s = s.slice(0, s.length - x.length) + y; break; }
    return s;
  }

  /**
   * The best unigram score of text[from, to) cut into words (log probabilities summed), where a character that is not a
   * word of the list costs `unknown`. Also returns where the pieces end, for checking that a word is used.
   */
  segment(text: string, from: number, to: number): { score: number; cuts: number[] } {
    const n = to - from;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const back = new Int32Array(n + 1);
    best[0] = 0;
    const unknown = -this.lnTotal - 2;
    for (let i = 0; i < n; i++) {
      if (best[i] === -Infinity) continue;
      for (let len = 1; len <= 4 && i + len <= n; len++) {
        const w = text.slice(from + i, from + i + len);
        let lp = this.logP(w) ?? (len === 1 ? unknown : undefined);
        if (lp === undefined) continue;
        // A character read as a word of its own costs a little more than its frequency says: text is mostly words.
        if (len === 1) lp -= SINGLE_PENALTY;
        const s = best[i] + lp;
        if (s > best[i + len]) {
          best[i + len] = s;
          back[i + len] = i;
        }
      }
    }
    const cuts: number[] = [];
    for (let i = n; i > 0; i = back[i]) cuts.push(from + i);
    cuts.push(from);
    return { score: best[n], cuts: cuts.reverse() };
  }
}
