// The typo checker's lexicon: words with frequencies (jieba's list plus our 公文 vocabulary), character readings and
// shape groups, indexed for the cheap scan (which characters no word covers) and the costly look (which word one
// confusable substitution gives, and whether the clause then reads better). Words live in open-addressing hash tables
// keyed by their character codes, so that look-ups read the paragraph in place: no substring is ever made.

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
  /** Characters left to the table's context rules (的/地/得): never replaced, never a replacement. */
  contextOnly: string;
  fuzzy: { initials: [string, string][]; finals: [string, string][] };
}

export type Confusion = "homophone" | "near-pinyin" | "shape";

/**
 * A built lexicon's tables, to be stored and loaded again without building them (about 200 ms of every start): the
 * command line keeps one in build/ (src/cli/lexiconSnapshot.ts), made by the same build from the same data files.
 */
export interface LexiconSnapshot {
  meta: {
    version: typeof SNAPSHOT_VERSION;
    source: string;
    lnTotal: number;
    count: number;
    fuzzy: LexiconExtra["fuzzy"];
    contextOnly: string;
    /** The readings, as LexiconData.pinyin writes them. */
    pinyin: string;
    /** Shape-similar characters, by character. */
    shapes: Record<string, string>;
  };
  arrays: SnapshotArrays;
}

export interface SnapshotArrays {
  all: Uint16Array;
  wKey: Int32Array;
  wLen: Uint8Array;
  wCode: Uint8Array;
  wAt: Int32Array;
  xSlots: Int32Array;
  xBits: Uint32Array;
  pairs: Uint32Array;
  freeSlips: Uint32Array;
  freeVariants: Uint32Array;
  idiomSounds: Uint32Array;
  idiomHead: Uint32Array;
  idiomTail: Uint32Array;
  sound: Uint16Array;
  single: Float32Array;
  charFlags: Uint8Array;
}

/** Changes whenever the tables' layout or meaning changes: a snapshot of another version is not loaded. */
export const SNAPSHOT_VERSION = 1;

/**
 * The detector's thresholds (detect.ts): natural log of how many times likelier the clause reads with the fix. A hint
 * (提示) from `hint` up, an error from `error` up, by the length of the word the fix makes; a two-character word is easy
 * to make by accident (工奖 → 工匠, 终期 → 中期: real compounds our list lacks), a four-character idiom hardly.
 * Shape-similar and near-pinyin fixes need more than homophones (detect.ts adds that). Set on our own development
 * sentences and the corpus paragraphs that are not defects, never on the held-out sets (test/fixtures/heldout/typos).
 * Here because the index leaves out what can never reach `hint` (Lexicon.index).
 */
export const GAIN_THRESHOLDS: Record<number, { hint: number; error: number }> = {
  2: { hint: 11, error: 13.5 },
  3: { hint: 10, error: 12 },
  4: { hint: 8, error: 10 },
};

/** What a shape-similar or near-pinyin fix needs besides GAIN_THRESHOLDS (a homophone nothing more). */
export const KIND_EXTRA: Record<Confusion, number> = { homophone: 0, shape: 1, "near-pinyin": 2 };

const HAN_LO = 0x4e00;
const HAN_HI = 0x9fff;
export const isHan = (c: number): boolean => c >= HAN_LO && c <= HAN_HI;

const PAIR_BITS = 23;
const PAIR_MASK = (1 << PAIR_BITS) - 1;
const pairHash = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> (32 - PAIR_BITS);

function setBit(bits: Uint32Array, a: number, b: number): void {
  const h = pairHash(a, b) & PAIR_MASK;
  bits[h >>> 5] |= 1 << (h & 31);
}

function testBit(bits: Uint32Array, a: number, b: number): boolean {
  const h = pairHash(a, b) & PAIR_MASK;
  return (bits[h >>> 5] & (1 << (h & 31))) !== 0;
}

const VARIANT_BITS = 24;
const X_BITS = 21;
const SOUND_PAIRS = 512 * 512;
const soundPair = (a: number, b: number): number => ((a & 511) << 9) | (b & 511);
const X_MASK = (1 << X_BITS) - 1;
const FNV = 0x811c9dc5;
const step = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
/** The slot hash of a key: never 0 (0 marks an empty slot). */
const finish = (h: number, len: number): number => (Math.imul(h ^ len, 0x5bd1e995) >>> 1) | 1;
/** Stands for the left-out character in a wildcard key. */
const GAP = 0x3f;
/** A wildcard slot's second number: the filling character (16 bits), the word's code (8), its length (4) and the gap (3). */
const xInfo = (filler: number, code: number, len: number, gap: number): number => filler | (code << 16) | (len << 24) | (gap << 28);

/** Below this log-frequency code (5·ln f) a single character is not a word of its own in our sense: the scan looks at it. */
const FREE_SINGLE_Q = 47; // f ≳ 12,000: 的 了 是 在 和 把 对 …
/** Natural-log cost added to every single-character piece of a segmentation: text is mostly words. */
const SINGLE_PENALTY = 1.5;
/** Words below this code (f < 5) are weak: a typo form or a rare word; a confusable common word may replace them. */
export const WEAK_Q = 8;
/** Smallest code of a word offered as a correction, by length (2, 3, 4 characters). */
const TARGET_Q = [0, 0, 20, 12, 8]; // f ≥ 55, 11, 5
/** A removed word's code. */
const REMOVED = 255;

function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export class Lexicon {
  readonly source: string;
  private readonly lnTotal: number;
  /** Every word's characters, in one string; tables point into it. */
  private readonly all: string;
  // Word table: hash, length, code, where its characters start in `all`.
  private readonly wKey: Int32Array;
  private readonly wLen: Uint8Array;
  private readonly wCode: Uint8Array;
  private readonly wAt: Int32Array;
  private readonly wMask: number;
  private count = 0;
  /**
   * Wildcard table (target words with one character left out), three numbers a slot, side by side so that a probe reads
   * one cache line rather than one per field: the hash; the filling character, the word's code, length and gap
   * (xInfo); where the word starts in `all`.
   */
  private readonly xSlots: Int32Array;
  private readonly xMask: number;
  /** The wildcard keys again as a bit set, 256 KB against xSlots' 6 MB: most windows have no target word, and this says so without reading xSlots. */
  private readonly xBits: Uint32Array = new Uint32Array(1 << (X_BITS - 5));
  /** Bitset of character pairs adjacent inside some word of frequency ≥ 5 (hashed; a few false hits). */
  private readonly pairs: Uint32Array = new Uint32Array(1 << (PAIR_BITS - 5));
  /** Pairs (x, y) where a frequent single character x stands for a confusable character of a target word before y (再接 → 在接), and the same after. */
  private readonly freeSlips: Uint32Array = new Uint32Array(1 << (PAIR_BITS - 5));
  /** Two- and three-character target words with one character replaced by a confusable frequent single character (再次 → 在次), hashed. */
  private readonly freeVariants: Uint32Array = new Uint32Array(1 << (VARIANT_BITS - 5));
  /** Four-character target words (idioms) by the sounds of their characters (fuzzy pinyin), hashed. */
  private readonly idiomSounds: Uint32Array = new Uint32Array(1 << (PAIR_BITS - 5));
  /**
   * The sounds of the first two and of the last two characters of those words, exactly (sound numbers below 512 as
   * written; 32 KB each, so they stay in the cache): asked first, since most four characters of a text fail there.
   */
  private readonly idiomHead: Uint32Array = new Uint32Array(SOUND_PAIRS >>> 5);
  private readonly idiomTail: Uint32Array = new Uint32Array(SOUND_PAIRS >>> 5);
  /** Per character code: a number for the fuzzy form of its first reading (0: none). */
  private readonly sound: Uint16Array = new Uint16Array(0x10000);
  /** Per character code: natural log probability as a one-character piece, its cost included. */
  private readonly single: Float32Array = new Float32Array(0x10000);
  /** Per character code: 2 = a frequent word on its own, 4 = left to the context rules. */
  private readonly charFlags: Uint8Array = new Uint8Array(0x10000);
  private readonly readings = new Map<string, string[]>();
  private readonly shapeOf = new Map<string, Set<string>>();
  private readonly fuzzy: LexiconExtra["fuzzy"];
  private readonly contextOnly: string;

  constructor(from: { data: LexiconData; extra: LexiconExtra; exclude?: readonly string[]; shapeGroups?: string } | { snapshot: LexiconSnapshot }) {
    if ("snapshot" in from) {
      const { meta, arrays: a } = from.snapshot;
      // Tables of another shape (another build of this code, a damaged file) are refused, not read at wrong offsets.
      const fixed = [a.xBits.length === this.xBits.length, a.pairs.length === this.pairs.length, a.freeSlips.length === this.freeSlips.length, a.freeVariants.length === this.freeVariants.length, a.idiomSounds.length === this.idiomSounds.length, a.idiomHead.length === this.idiomHead.length, a.idiomTail.length === this.idiomTail.length, a.sound.length === this.sound.length, a.single.length === this.single.length, a.charFlags.length === this.charFlags.length];
      const w = a.wKey.length;
      const x = a.xSlots.length / 3;
      if (fixed.includes(false) || (w & (w - 1)) !== 0 || a.wLen.length !== w || a.wCode.length !== w || a.wAt.length !== w || (x & (x - 1)) !== 0 || !Number.isInteger(x)) throw new Error("lexicon snapshot of another shape");
      this.source = meta.source;
      this.lnTotal = meta.lnTotal;
      this.count = meta.count;
      this.fuzzy = meta.fuzzy;
      this.contextOnly = meta.contextOnly;
      // Code unit for code unit: the decoder keeps a leading U+FEFF (ignoreBOM) but would replace a lone surrogate with
      // U+FFFD; the word list has none, and should one appear (or the machine be big-endian, the table being in its
      // own byte order) the slow way copies it exactly.
      const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
      let all = littleEndian ? new TextDecoder("utf-16le", { ignoreBOM: true }).decode(a.all) : "\ufffd";
      if (all.includes("\ufffd")) {
        all = "";
        for (let i = 0; i < a.all.length; i += 8192) all += String.fromCharCode(...a.all.subarray(i, i + 8192));
      }
      this.all = all;
      [this.wKey, this.wLen, this.wCode, this.wAt, this.xSlots] = [a.wKey, a.wLen, a.wCode, a.wAt, a.xSlots];
      [this.xBits, this.pairs, this.freeSlips, this.freeVariants, this.idiomSounds, this.idiomHead, this.idiomTail] = [a.xBits, a.pairs, a.freeSlips, a.freeVariants, a.idiomSounds, a.idiomHead, a.idiomTail];
      [this.sound, this.single, this.charFlags] = [a.sound, a.single, a.charFlags];
      this.wMask = a.wKey.length - 1;
      this.xMask = a.xSlots.length / 3 - 1;
      this.addReadings(meta.pinyin);
      for (const [ch, set] of Object.entries(meta.shapes)) this.shapeOf.set(ch, new Set(set));
      return;
    }
    const { data, extra, exclude = [], shapeGroups } = from;
    this.source = data.source;
    this.lnTotal = Math.log(data.totalFrequency);
    this.fuzzy = extra.fuzzy;
    this.contextOnly = extra.contextOnly;
    const extras = Object.entries(extra.words);
    this.all = data.words + extras.map(([w]) => w).join("");
    const estimate = data.words.length / 3 + extras.length;
    const wCap = 1 << Math.ceil(Math.log2(estimate * 2.5));
    this.wKey = new Int32Array(wCap);
    this.wLen = new Uint8Array(wCap);
    this.wCode = new Uint8Array(wCap);
    this.wAt = new Int32Array(wCap);
    this.wMask = wCap - 1;
    const s = data.words;
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 128) {
        this.put(start, i - start, c - 33);
        start = i + 1;
      }
    }
    let at = s.length;
    for (const [w, f] of extras) {
      const slot = this.slotOf(this.all, at, w.length);
      const code = Math.round(5 * Math.log(f));
      if (slot >= 0 && this.wCode[slot] !== REMOVED) this.wCode[slot] = Math.max(this.wCode[slot], code);
      else this.put(at, w.length, code);
      at += w.length;
    }
    for (const w of [...extra.remove, ...exclude.filter((w) => !extra.words[w])]) {
      const slot = this.slotOf(w, 0, w.length);
      if (slot >= 0) {
        this.wCode[slot] = REMOVED;
        this.count--;
      }
    }
    this.addReadings(data.pinyin);
    for (const group of extra.shape) this.addShapeGroup([...group]);
    // The published shape groups go in before the index is built, so that its free-slip tables know them too.
    if (shapeGroups) this.addShapeGroups(shapeGroups);
    const ids = new Map<string, number>();
    for (const [ch, syl] of this.readings) {
      const f = this.fuzzyForm(syl[0]);
      let id = ids.get(f);
      if (id === undefined) ids.set(f, (id = ids.size + 1));
      this.sound[ch.charCodeAt(0)] = id;
    }
    this.single.fill(-this.lnTotal - 2 - SINGLE_PENALTY);
    for (let i = 0; i < this.contextOnly.length; i++) this.charFlags[this.contextOnly.charCodeAt(i)] |= 4;
    let targets = 0;
    for (let k = 0; k <= this.wMask; k++) {
      const len = this.wLen[k];
      const code = this.wCode[k];
      if (!len || code === REMOVED) continue;
      const a = this.wAt[k];
      if (len === 1) {
        const c = this.all.charCodeAt(a);
        this.single[c] = code / 5 - this.lnTotal - SINGLE_PENALTY;
        if (code >= FREE_SINGLE_Q) this.charFlags[c] |= 2;
      } else if (code >= TARGET_Q[len]) targets += len;
    }
    const xCap = 1 << Math.ceil(Math.log2(targets * 2 + 2));
    this.xSlots = new Int32Array(xCap * 3);
    this.xMask = xCap - 1;
    for (let k = 0; k <= this.wMask; k++) {
      const len = this.wLen[k];
      const code = this.wCode[k];
      if (len > 1 && code !== REMOVED) this.index(this.wAt[k], len, code);
    }
    // Only the index reads the free-slip lists: 30,000 entries not kept for the life of the page.
    this.freeConf = null;
  }

  private addReadings(pinyin: string): void {
    for (const entry of pinyin.split(" ")) {
      const ch = String.fromCodePoint(entry.codePointAt(0)!);
      this.readings.set(ch, entry.slice(ch.length).split(","));
    }
  }

  /** The built tables (shape groups added after the constructor included), for Lexicon({ snapshot }). */
  snapshot(): LexiconSnapshot {
    const all = new Uint16Array(this.all.length);
    for (let i = 0; i < this.all.length; i++) all[i] = this.all.charCodeAt(i);
    const pinyin = [...this.readings].map(([ch, syl]) => ch + syl.join(",")).join(" ");
    const shapes: Record<string, string> = {};
    for (const [ch, set] of this.shapeOf) shapes[ch] = [...set].join("");
    const { source, lnTotal, count, fuzzy, contextOnly } = this;
    return {
      meta: { version: SNAPSHOT_VERSION, source, lnTotal, count, fuzzy, contextOnly, pinyin, shapes },
      arrays: {
        all,
        wKey: this.wKey,
        wLen: this.wLen,
        wCode: this.wCode,
        wAt: this.wAt,
        xSlots: this.xSlots,
        xBits: this.xBits,
        pairs: this.pairs,
        freeSlips: this.freeSlips,
        freeVariants: this.freeVariants,
        idiomSounds: this.idiomSounds,
        idiomHead: this.idiomHead,
        idiomTail: this.idiomTail,
        sound: this.sound,
        single: this.single,
        charFlags: this.charFlags,
      },
    };
  }

  /** Inserts all[at, at+len) with its code (a word listed twice keeps its higher code). */
  private put(at: number, len: number, code: number): void {
    let h = FNV;
    for (let i = 0; i < len; i++) h = step(h, this.all.charCodeAt(at + i));
    h = finish(h, len);
    for (let k = h & this.wMask; ; k = (k + 1) & this.wMask) {
      if (!this.wKey[k]) {
        this.wKey[k] = h;
        this.wLen[k] = len;
        this.wCode[k] = code;
        this.wAt[k] = at;
        this.count++;
        return;
      }
      if (this.wKey[k] === h && this.wLen[k] === len && this.same(this.wAt[k], this.all, at, len, -1, 0)) {
        this.wCode[k] = Math.max(this.wCode[k], code);
        return;
      }
    }
  }

  /** Whether all[at, at+len) equals text[from, from+len) with the character at `p` read as `x`. */
  private same(at: number, text: string, from: number, len: number, p: number, x: number): boolean {
    for (let i = 0; i < len; i++) if (this.all.charCodeAt(at + i) !== (from + i === p ? x : text.charCodeAt(from + i))) return false;
    return true;
  }

  /** The slot of text[from, from+len) (the character at `p` read as `x`), or -1. */
  private slotOf(text: string, from: number, len: number, p = -1, x = 0): number {
    let h = FNV;
    for (let i = 0; i < len; i++) h = step(h, from + i === p ? x : text.charCodeAt(from + i));
    return this.find(finish(h, len), text, from, len, p, x);
  }

  private find(h: number, text: string, from: number, len: number, p: number, x: number): number {
    // An empty slot has key 0 (finish never gives 0): one array read per probe, not two.
    for (let k = h & this.wMask, key = this.wKey[k]; key !== 0; k = (k + 1) & this.wMask, key = this.wKey[k])
      if (key === h && this.wLen[k] === len && this.same(this.wAt[k], text, from, len, p, x)) return k;
    return -1;
  }

  private index(at: number, len: number, code: number): void {
    const all = this.all;
    if (code >= WEAK_Q) for (let i = 1; i < len; i++) setBit(this.pairs, all.charCodeAt(at + i - 1), all.charCodeAt(at + i));
    if (code < TARGET_Q[len]) return;
    for (let gap = 0; gap < len; gap++) {
      let h = FNV;
      for (let i = 0; i < len; i++) h = step(h, i === gap ? GAP + gap : all.charCodeAt(at + i));
      h = finish(h, len);
      this.xBits[(h & X_MASK) >>> 5] |= 1 << (h & 31);
      let k = h & this.xMask;
      while (this.xSlots[3 * k]) k = (k + 1) & this.xMask;
      this.xSlots[3 * k] = h;
      this.xSlots[3 * k + 1] = xInfo(all.charCodeAt(at + gap), code, len, gap);
      this.xSlots[3 * k + 2] = at;
      // The word with a frequent single character typed for this one (在接再厉 for 再接再厉's 再): only for two- and
      // three-character words (the detector looks at no longer window around such a character), and only where the
      // fix could ever pass: the detector's first bound is the word's log probability less what the typed window's
      // characters cost one by one, and it needs GAIN_THRESHOLDS' hint at least. Most such variants of common words
      // (对 for 队) cannot reach it; indexed, they let every 对 of a text through to the costly look.
      if (len >= 4) continue;
      let others = 0;
      for (let i = 0; i < len; i++) if (i !== gap) others += this.single[all.charCodeAt(at + i)];
      const room = code / 5 - this.lnTotal - GAIN_THRESHOLDS[len].hint;
      const { chars: slips, extras } = this.freeConfusables(all.charCodeAt(at + gap));
      for (let j = 0; j < slips.length; j++) {
        const x = slips.charCodeAt(j);
        // others + single[x] is the window's cost summed in another order than the detector's: a hair of slack. Below
        // the hint itself, the rest of the list (more frequent still: freeConfusables sorts it) cannot pass either;
        // a shape-similar or near-pinyin slip needs KIND_EXTRA more, as in examine().
        const margin = room - others - this.single[x];
        if (margin < -1e-6) break;
        if (margin - extras[j] < -1e-6) continue;
        if (gap > 0) setBit(this.freeSlips, all.charCodeAt(at + gap - 1), x);
        if (gap + 1 < len) setBit(this.freeSlips, x, all.charCodeAt(at + gap + 1));
        let v = FNV;
        for (let i = 0; i < len; i++) v = step(v, i === gap ? x : all.charCodeAt(at + i));
        const b = finish(v, len) & ((1 << VARIANT_BITS) - 1);
        this.freeVariants[b >>> 5] |= 1 << (b & 31);
      }
    }
    if (len === 4) {
      const s = this.sound;
      const a = s[all.charCodeAt(at)];
      const b = s[all.charCodeAt(at + 1)];
      const c = s[all.charCodeAt(at + 2)];
      const d = s[all.charCodeAt(at + 3)];
      if (a && b && c && d) {
        setBit(this.idiomSounds, a * 2003 + b, c * 2003 + d);
        const head = soundPair(a, b);
        const tail = soundPair(c, d);
        this.idiomHead[head >>> 5] |= 1 << (head & 31);
        this.idiomTail[tail >>> 5] |= 1 << (tail & 31);
      }
    }
  }

  /**
   * Per character code: the frequent single characters (的 了 在 把 …, isFreeSingle) that the detector would take as
   * typed for it, the rarest first (lowest one-character log probability), and what their kind of slip needs beyond the
   * hint (KIND_EXTRA). Exactly the inverse of
   * confusablesOf over those characters, as examine() reads it (confusablesOf(typed).get(right)): same reading, a near
   * reading (zh/z, n/l …), or a shape group. Built once, the first time index() asks.
   */
  private freeConf: { chars: string; extras: Uint8Array }[] | null = null;
  private static readonly NO_SLIPS = { chars: "", extras: new Uint8Array(0) };

  private freeConfusables(code: number): { chars: string; extras: Uint8Array } {
    if (!this.freeConf) {
      // Each entry packed in one number (x · 4 + KIND_EXTRA, which is below 4): some 30,000 of them, no object each.
      const lists = new Map<number, number[]>();
      for (let x = 0; x < 0x10000; x++) {
        if (!(this.charFlags[x] & 2)) continue;
        for (const [c, kind] of this.confusablesOf(x)) {
          const entry = x * 4 + KIND_EXTRA[kind];
          const l = lists.get(c);
          if (l) l.push(entry);
          else lists.set(c, [entry]);
        }
      }
      this.freeConf = new Array(0x10000);
      for (const [c, l] of lists) {
        l.sort((a, b) => this.single[a >> 2] - this.single[b >> 2]);
        const extras = new Uint8Array(l.length);
        let chars = "";
        for (let k = 0; k < l.length; k++) {
          chars += String.fromCharCode(l[k] >> 2);
          extras[k] = l[k] & 3;
        }
        this.freeConf[c] = { chars, extras };
      }
    }
    return this.freeConf[code] ?? Lexicon.NO_SLIPS;
  }

  /**
   * Adds shape-similar groups (one group per line, characters separated by commas or spaces). Only while the constructor
   * runs, before the index and before any confusables are computed: both read the groups.
   */
  private addShapeGroups(text: string): void {
    for (const line of text.split("\n")) this.addShapeGroup(line.split(/[,，\s]+/).filter((t) => t.length === 1 && isHan(t.charCodeAt(0))));
  }

  private addShapeGroup(chars: string[]): void {
    for (const a of chars)
      for (const b of chars) {
        if (a === b) continue;
        let set = this.shapeOf.get(a);
        if (!set) this.shapeOf.set(a, (set = new Set()));
        set.add(b);
      }
  }

  get size(): number {
    return this.count;
  }

  /** The log-frequency code (5·ln f) of text[from, from+len) (the character at `p` read as `x`), or -1 when it is no word. */
  codeAt(text: string, from: number, len: number, p = -1, x = 0): number {
    const k = this.slotOf(text, from, len, p, x);
    return k < 0 || this.wCode[k] === REMOVED ? -1 : this.wCode[k];
  }

  /** The word's log-frequency code (5·ln f), or undefined when it is not in the list. */
  code(w: string): number | undefined {
    const c = this.codeAt(w, 0, w.length);
    return c < 0 ? undefined : c;
  }

  /** Whether the two characters are adjacent inside some word (hashed: true now and then for a pair that is not). */
  pairInWord(a: number, b: number): boolean {
    return testBit(this.pairs, a, b);
  }

  /** Whether text[from, from+len) may be a two- or three-character target word with a frequent single character typed for one of its own (hashed). */
  freeVariant(text: string, from: number, len: number): boolean {
    let v = FNV;
    for (let i = 0; i < len; i++) v = step(v, text.charCodeAt(from + i));
    const b = finish(v, len) & ((1 << VARIANT_BITS) - 1);
    return (this.freeVariants[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  /** Whether a frequent single character at one side of this pair may stand for a confusable character of a word. */
  freeSlip(a: number, b: number): boolean {
    return testBit(this.freeSlips, a, b);
  }

  /** The number of the character's sound (fuzzy pinyin of its first reading), 0 when it has none. */
  soundOf(c: number): number {
    return this.sound[c];
  }

  /** Whether four sounds (soundOf) are those of some four-character target word (hashed: now and then true for none). */
  soundsLikeIdiom(a: number, b: number, c: number, d: number): boolean {
    const head = soundPair(a, b);
    if ((this.idiomHead[head >>> 5] & (1 << (head & 31))) === 0) return false;
    const tail = soundPair(c, d);
    if ((this.idiomTail[tail >>> 5] & (1 << (tail & 31))) === 0) return false;
    return testBit(this.idiomSounds, a * 2003 + b, c * 2003 + d);
  }

  /** The character's log probability as a one-character piece (an upper bound on what it adds to a segmentation). */
  singleLogP(c: number): number {
    return this.single[c];
  }

  /** Whether text[from, from+len) holds a character left to the context rules (的, 地, 得). */
  hasContextOnly(text: string, from: number, len: number): boolean {
    for (let i = from; i < from + len; i++) if (this.charFlags[text.charCodeAt(i)] & 4) return true;
    return false;
  }

  /** A character frequent enough as a word of its own (的, 在, 把 …) that standing alone says nothing. */
  isFreeSingle(c: number): boolean {
    return (this.charFlags[c] & 2) !== 0;
  }

  /**
   * The wildcard key of text[from, from+len) with the character at `p` left out, or 0 when no target word has that
   * key (a bit set a quarter of the table's size says so for most windows): the cheap test, made before any other.
   */
  fillKey(text: string, from: number, len: number, p: number): number {
    const gap = p - from;
    let h = FNV;
    for (let i = 0; i < len; i++) h = step(h, i === gap ? GAP + gap : text.charCodeAt(from + i));
    h = finish(h, len);
    return (this.xBits[(h & X_MASK) >>> 5] & (1 << (h & 31))) === 0 ? 0 : h;
  }

  /**
   * The target words that text[from, from+len) becomes with another character at `p`, of code `minCode` or more, given
   * the window's fillKey `h`: their filling characters and codes written to `chars` and `codes` (at most their
   * length); returns how many.
   */
  fillers(h: number, text: string, from: number, len: number, p: number, minCode: number, chars: Uint16Array, codes: Uint8Array): number {
    const gap = p - from;
    let n = 0;
    const slots = this.xSlots;
    const shape = (len << 24) | (gap << 28);
    for (let k = h & this.xMask, key = slots[3 * k]; key !== 0 && n < chars.length; k = (k + 1) & this.xMask, key = slots[3 * k]) {
      if (key !== h) continue;
      const info = slots[3 * k + 1];
      const code = (info >>> 16) & 0xff;
      if ((info & 0x7f000000) !== shape || code < minCode) continue;
      const at = slots[3 * k + 2];
      const filler = info & 0xffff;
      if (!this.same(at, text, from, len, p, filler)) continue;
      chars[n] = filler;
      codes[n++] = code;
    }
    return n;
  }

  /** The smallest code whose word has at least this natural log probability. */
  codeFor(logP: number): number {
    return Math.ceil(5 * (logP + this.lnTotal));
  }

  /** Natural log probability of a word's code. */
  logPOfCode(code: number): number {
    return code / 5 - this.lnTotal;
  }

  private bySyllable: Map<string, string[]> | null = null;
  private byFuzzy: Map<string, string[]> | null = null;
  /** Per character code, computed on first use (an array read per examined character, not a Map look-up). */
  private readonly confusables: (Map<number, Confusion> | undefined)[] = new Array(0x10000).fill(undefined);

  /** How `wrong` may have been typed for `right`, or null when they are not confusable. */
  confusion(wrong: string, right: string): Confusion | null {
    return this.confusablesOf(wrong.charCodeAt(0)).get(right.charCodeAt(0)) ?? null;
  }

  /** Every character (by code) confusable with the character `code`, and how; computed once per character (none for the context-only ones). */
  confusablesOf(code: number): Map<number, Confusion> {
    let out = this.confusables[code];
    if (out) return out;
    out = new Map();
    this.confusables[code] = out;
    const ch = String.fromCharCode(code);
    if (this.contextOnly.includes(ch)) return out;
    if (!this.bySyllable || !this.byFuzzy) {
      this.bySyllable = new Map();
      this.byFuzzy = new Map();
      for (const [c, syl] of this.readings)
        for (const y of syl) {
          push(this.bySyllable, y, c);
          push(this.byFuzzy, this.fuzzyForm(y), c);
        }
    }
    for (const c of this.shapeOf.get(ch) ?? []) out.set(c.charCodeAt(0), "shape");
    for (const y of this.readings.get(ch) ?? []) for (const c of this.byFuzzy.get(this.fuzzyForm(y)) ?? []) out.set(c.charCodeAt(0), "near-pinyin");
    for (const y of this.readings.get(ch) ?? []) for (const c of this.bySyllable.get(y) ?? []) out.set(c.charCodeAt(0), "homophone");
    out.delete(code);
    for (let i = 0; i < this.contextOnly.length; i++) out.delete(this.contextOnly.charCodeAt(i));
    return out;
  }

  /** fuzzyForm by syllable: some 400 syllables, asked for each of some 7,000 characters' readings, twice. */
  private readonly fuzzyForms = new Map<string, string>();

  /** The syllable with every fuzzy initial and final folded (zhi → zi, ling → lin, nan → lan). */
  private fuzzyForm(syllable: string): string {
    let s = this.fuzzyForms.get(syllable);
    if (s !== undefined) return s;
    s = syllable;
    for (const [x, y] of this.fuzzy.initials)
      if (s.startsWith(x)) {
        s = y + s.slice(x.length);
        break;
      }
    for (const [x, y] of this.fuzzy.finals)
      if (s.endsWith(x)) {
        s = s.slice(0, s.length - x.length) + y;
        break;
      }
    this.fuzzyForms.set(syllable, s);
    return s;
  }

  /**
   * The best unigram score of text[from, to) cut into words (log probabilities summed; a character alone costs its
   * frequency and a little more), with the character at `p` read as `x`. Also returns where the pieces end.
   */
  segment(text: string, from: number, to: number, p = -1, x = 0): { score: number; cuts: number[] } {
    const n = to - from;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const back = new Int32Array(n + 1);
    best[0] = 0;
    for (let i = 0; i < n; i++) {
      if (best[i] === -Infinity) continue;
      let h = FNV;
      for (let len = 1; len <= 4 && i + len <= n; len++) {
        const at = from + i + len - 1;
        const c = at === p ? x : text.charCodeAt(at);
        h = step(h, c);
        let lp: number;
        if (len === 1) lp = this.single[c];
        else {
          const k = this.find(finish(h, len), text, from + i, len, p, x);
          if (k < 0 || this.wCode[k] === REMOVED) continue;
          lp = this.wCode[k] / 5 - this.lnTotal;
        }
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
