// Slips into real words inside fixed 公文 phrases (主体责任 → 主题责任, 正风肃纪 → 正风素纪, 反腐倡廉 → 反复倡廉): a
// phrase of src/data/lexicon/collocations.json written with one character replaced by a confusable one (同音, 近音,
// 形近), where the written form is not itself a word, is the phrase mistyped. The scan is one bit test per character.
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

const PAIR_BITS = 20;
const pairBit = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> (32 - PAIR_BITS);

/**
 * Phrases by the sounds (fuzzy pinyin) of their first two characters: a slip of the input method keeps the sounds, so a
 * place in the text whose first two sounds match no phrase is passed over with one bit test. A shape-similar slip is
 * found from the third character on (the first two must then be right).
 */
export class CollocationIndex {
  private readonly bySounds = new Map<number, Phrase[]>();
  private readonly filter = new Uint32Array(1 << (PAIR_BITS - 5));
  private readonly except: ReadonlySet<string>;
  readonly size: number;

  constructor(
    private readonly lex: Lexicon,
    data: CollocationsData,
  ) {
    this.except = new Set(data.except ?? []);
    const seen = new Set<string>();
    const add = (list: readonly string[], fixed: boolean) => {
      for (const text of list) {
        if (text.length < 4 || seen.has(text)) continue;
        const a = lex.soundOf(text.charCodeAt(0));
        const b = lex.soundOf(text.charCodeAt(1));
        if (!a || !b) continue;
        seen.add(text);
        const key = a * 0x10000 + b;
        const bucket = this.bySounds.get(key);
        if (bucket) bucket.push({ text, fixed });
        else this.bySounds.set(key, [{ text, fixed }]);
        const h = pairBit(a, b);
        this.filter[h >>> 5] |= 1 << (h & 31);
      }
    };
    add(data.fixed, true);
    add(data.common, false);
    this.size = seen.size;
  }

  /** Phrases written with one character slipped, leftmost first, not overlapping; `accept` may refuse one at a place. */
  find(text: string, accept: (v: CollocationSlip) => boolean): CollocationSlip[] {
    const out: CollocationSlip[] = [];
    const { lex, filter, bySounds } = this;
    const n = text.length - 3;
    let b = n > 0 ? lex.soundOf(text.charCodeAt(0)) : 0;
    for (let i = 0; i < n; i++) {
      const a = b;
      b = lex.soundOf(text.charCodeAt(i + 1));
      if (!a || !b) continue;
      const h = pairBit(a, b);
      if ((filter[h >>> 5] & (1 << (h & 31))) === 0) continue;
      const bucket = bySounds.get(a * 0x10000 + b);
      if (!bucket) continue;
      const slip = this.slipAt(text, i, bucket);
      if (slip && accept(slip)) {
        out.push(slip);
        i += slip.wrong.length - 1;
        if (i + 1 < text.length) b = lex.soundOf(text.charCodeAt(i + 1));
      }
    }
    return out;
  }

  /** The one phrase of the bucket that text[i…] spells with exactly one confusable character, unless it is a word itself or spells a phrase right. */
  private slipAt(text: string, i: number, bucket: readonly Phrase[]): CollocationSlip | null {
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
      if (k < len) continue;
      // Written right: the place is that phrase, not a slip of another.
      if (miss < 0) return null;
      const kind = this.lex.confusablesOf(p.text.charCodeAt(miss)).get(text.charCodeAt(i + miss));
      if (!kind || (kind === "shape" && miss < 2)) continue;
      // The variant is a word of its own (取得时效): not a slip we can tell.
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
