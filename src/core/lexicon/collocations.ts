// Slips into real words inside fixed 公文 phrases (主体责任 → 主题责任, 正风肃纪 → 正风素纪, 反腐倡廉 → 反复倡廉): a
// phrase of src/data/lexicon/collocations.json written with one character replaced by a confusable one (同音, 近音,
// 形近), where the written form is not itself a word, is the phrase mistyped. The scan reads one byte per character.
import type { Confusion, Lexicon } from "./lexicon";

export interface CollocationsData {
  version: 1;
  note?: string;
  /** Fixed terms: any one-character variant is wrong (an error). */
  fixed: string[];
  /** Frequent collocations: a variant may now and then be another right phrase (a hint). */
  common: string[];
  /** Variants that also occur in right text across words (四个意思, 言行一直, 整治生态): never reported. */
  except?: string[];
}

export interface CollocationSlip {
  offset: number;
  wrong: string;
  right: string;
  kind: Confusion;
  certain: boolean;
}

interface Phrase {
  text: string;
  fixed: boolean;
}

const BITS = 20;
/** A hashed key of two characters and a third one at a place: 16 bits each are enough for the BMP. */
const key3 = (a: number, b: number, c: number, at: number): number =>
  (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c + at * 0x10000, 0xc2b2ae35)) >>> (32 - BITS);
const hasBit = (bits: Uint32Array, h: number): boolean => (bits[h >>> 5] & (1 << (h & 31))) !== 0;
const setBit = (bits: Uint32Array, h: number): void => {
  bits[h >>> 5] |= 1 << (h & 31);
};
/** A 16-bit hash of a pair of characters, for the exact-pair filter (a few hundred phrases set under 2% of its bits). */
const PAIR_FILTER_BITS = 16;
const pairFilter = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> (32 - PAIR_FILTER_BITS);

/**
 * With one character slipped, either the first two characters of a phrase are written right (the slip is further on)
 * or its third and fourth are (the slip is in the first two). So phrases are found from those exact pairs, and a third
 * character written right besides: a place in the text is passed over after one array read for nearly every character.
 */
export class CollocationIndex {
  /**
   * Phrases by the pairFilter hash of their first two characters (headAt: 1 + the list's index, 0 for none), and of their
   * third and fourth. A list may hold a phrase of another pair with the same hash: slipAt compares every character and
   * refuses a mismatch in the pair (it lies outside the places a slip may take there). Typed arrays, not a Map keyed by
   * a·65536 + b: those keys are not small integers, and 16% of a text's places ask.
   */
  private readonly headAt = new Uint16Array(1 << PAIR_FILTER_BITS);
  private readonly tailAt = new Uint16Array(1 << PAIR_FILTER_BITS);
  private readonly lists: Phrase[][] = [];
  /**
   * The phrases' first two characters and their third and fourth, as pairs, hashed into 8 KB: the first test at every
   * place of a text, one bit read (it stays in the cache). A test by single characters (is this one the first of some
   * phrase, the next one the second) let through nearly half of all places, since the phrases begin with common
   * characters (主, 全, 党 …); pairs let through about one in six in the bench's text (phrases written right are common).
   */
  private readonly pairBits = new Uint32Array(1 << (PAIR_FILTER_BITS - 5));
  /** Per character code: 1 = first character of a phrase, 2 = third character of one; `seconds` the same for the
   * second and fourth: a pair can start a phrase's head (tail) only when both have bit 1 (2). */
  private readonly flags = new Uint8Array(0x10000);
  private readonly seconds = new Uint8Array(0x10000);
  /** (first, second, third or fourth) and (third, fourth, first or second) of every phrase, hashed. */
  private readonly headBits = new Uint32Array(1 << (BITS - 5));
  private readonly tailBits = new Uint32Array(1 << (BITS - 5));
  private readonly except: ReadonlySet<string>;
  readonly size: number;

  constructor(
    private readonly lex: Lexicon,
    data: CollocationsData,
  ) {
    this.except = new Set(data.except ?? []);
    const seen = new Set<string>();
    const push = (at: Uint16Array, k: number, p: Phrase) => {
      if (at[k] === 0) at[k] = this.lists.push([]);
      this.lists[at[k] - 1].push(p);
    };
    const add = (list: readonly string[], fixed: boolean) => {
      for (const text of list) {
        if (text.length < 4 || seen.has(text)) continue;
        seen.add(text);
        const [c0, c1, c2, c3] = [0, 1, 2, 3].map((k) => text.charCodeAt(k));
        const p = { text, fixed };
        push(this.headAt, pairFilter(c0, c1), p);
        push(this.tailAt, pairFilter(c2, c3), p);
        setBit(this.pairBits, pairFilter(c0, c1));
        setBit(this.pairBits, pairFilter(c2, c3));
        this.flags[c0] |= 1;
        this.flags[c2] |= 2;
        this.seconds[c1] |= 1;
        this.seconds[c3] |= 2;
        setBit(this.headBits, key3(c0, c1, c2, 2));
        setBit(this.headBits, key3(c0, c1, c3, 3));
        setBit(this.tailBits, key3(c2, c3, c0, 0));
        setBit(this.tailBits, key3(c2, c3, c1, 1));
      }
    };
    add(data.fixed, true);
    add(data.common, false);
    this.size = seen.size;
  }

  /** Phrases written with one character slipped, leftmost first, not overlapping; `accept` may refuse one at a place. */
  find(text: string, accept: (v: CollocationSlip) => boolean): CollocationSlip[] {
    const out: CollocationSlip[] = [];
    const { pairBits, flags, seconds, headBits, tailBits, headAt, tailAt, lists } = this;
    let free = 0;
    const n = text.length - 1;
    let b = n >= 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i < n; i++) {
      const a = b;
      b = text.charCodeAt(i + 1);
      const h = pairFilter(a, b);
      if (!hasBit(pairBits, h)) continue;
      const f = flags[a];
      if ((f & seconds[b]) === 0) continue;
      let slip: CollocationSlip | null = null;
      // A slip in the first two characters: this pair is the phrase's third and fourth.
      if (f & seconds[b] & 2 && i >= 2 && i - 2 >= free && (hasBit(tailBits, key3(a, b, text.charCodeAt(i - 2), 0)) || hasBit(tailBits, key3(a, b, text.charCodeAt(i - 1), 1))))
        slip = this.slipAt(text, i - 2, lists[tailAt[h] - 1], 0, 2);
      // A slip from the third character on: this pair starts the phrase.
      if (!slip && f & seconds[b] & 1 && i + 3 < text.length && (hasBit(headBits, key3(a, b, text.charCodeAt(i + 2), 2)) || hasBit(headBits, key3(a, b, text.charCodeAt(i + 3), 3))))
        slip = this.slipAt(text, i, lists[headAt[h] - 1], 2, Infinity);
      if (slip && accept(slip)) {
        out.push(slip);
        free = slip.offset + slip.wrong.length;
        if (free - 1 > i) {
          i = free - 1;
          b = text.charCodeAt(i + 1);
        }
      }
    }
    return out;
  }

  /**
   * The one phrase of the bucket that text[i…] spells with exactly one confusable character, at a place in [from, to),
   * unless that spelling is a word itself or an excepted form.
   */
  private slipAt(text: string, i: number, bucket: readonly Phrase[] | undefined, from: number, to: number): CollocationSlip | null {
    if (!bucket) return null;
    let found: CollocationSlip | null = null;
    for (const p of bucket) {
      const len = p.text.length;
      if (i + len > text.length) continue;
      let miss = -1;
      let k = 0;
      for (; k < len; k++)
        if (text.charCodeAt(i + k) !== p.text.charCodeAt(k)) {
          if (miss >= 0) break;
          miss = k;
        }
      if (k < len || miss < from || miss >= to) continue;
      const kind = this.lex.confusablesOf(p.text.charCodeAt(miss)).get(text.charCodeAt(i + miss));
      if (!kind) continue;
      // The written form is a word of its own (取得时效) or occurs in right text (四个意思): not a slip we can tell.
      if (this.lex.codeAt(text, i, len) >= 0 || this.except.has(text.slice(i, i + len))) continue;
      // Two phrases one slip away: which was meant is unclear.
      if (found && found.wrong.length === len) return null;
      if (!found || len > found.wrong.length)
        found = { offset: i, wrong: text.slice(i, i + len), right: p.text, kind, certain: p.fixed && kind !== "near-pinyin" };
    }
    return found;
  }
}

const indexes = new WeakMap<Lexicon, CollocationIndex>();

/** Attaches the collocation index to a lexicon (built with it, from the same chunk). */
export function attachCollocations(lex: Lexicon, data: CollocationsData): CollocationIndex {
  const index = new CollocationIndex(lex, data);
  indexes.set(lex, index);
  return index;
}

export function collocationsOf(lex: Lexicon): CollocationIndex | undefined {
  return indexes.get(lex);
}
