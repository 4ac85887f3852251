// Typos the table does not list: a character that no word of the lexicon covers, where one confusable substitution
// (同音, 近音, 形近) gives a common word and the clause then reads far better (unigram word segmentation scores).
import { GAIN_THRESHOLDS as THRESHOLDS, KIND_EXTRA, WEAK_Q, type Confusion, type Lexicon } from "./lexicon";

// A local copy: an imported function is a getter call per character in the CommonJS build (the CLI, the bench).
const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
const fillerChars = new Uint16Array(256);
const fillerCodes = new Uint8Array(256);

export interface LexiconTypo {
  offset: number;
  wrong: string;
  right: string;
  kind: Confusion;
  /** How much better the clause reads with the fix (natural log of the probability ratio). */
  gain: number;
  /** Certain enough to call it an error; otherwise a hint (提示). */
  certain: boolean;
}

const CONTEXT = 4;

/** Windows to look at around a suspect character: none, all (-1), or a bit set of (length, start) pairs for a frequent single character. */
const ALL = -1;

/**
 * Which windows around the character at `i` deserve the costly look: all of them where no word of the lexicon reaches it;
 * for a frequent single character (在, 以, 和), only those whose characters spell a target word with it mistyped.
 */
function suspectWindows(lex: Lexicon, text: string, i: number, c: number): number {
  if (!lex.isFreeSingle(c)) return ALL;
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if (!((isHan(prev) && lex.freeSlip(prev, c)) || (isHan(next) && lex.freeSlip(c, next)))) return 0;
  let windows = 0;
  for (let len = 2; len <= 3; len++)
    for (let s = Math.max(0, i - len + 1); s <= i && s + len <= text.length; s++) if (lex.freeVariant(text, s, len)) windows |= windowBit(len, i - s);
  return windows;
}

const windowBit = (len: number, back: number): number => 1 << (len * 4 + back);

/** findLexiconTypos's pair flags, reused from paragraph to paragraph. */
let pairBuf = new Uint8Array(256);

/**
 * Typos found with the lexicon in one paragraph. `skip(from, to)` says a span must be left alone (a quoted title, a word
 * the user told us to ignore).
 */
export function findLexiconTypos(lex: Lexicon, text: string, skip?: (from: number, to: number) => boolean): LexiconTypo[] {
  const out: LexiconTypo[] = [];
  const n = text.length;
  // pairs[k]: whether characters k and k + 1 are adjacent inside some word (both Chinese).
  if (pairBuf.length < n) pairBuf = new Uint8Array(Math.max(n, 2 * pairBuf.length));
  const pairs = pairBuf;
  let c1 = n > 0 ? text.charCodeAt(0) : 0;
  for (let k = 0; k < n; k++) {
    const c0 = c1;
    c1 = k + 1 < n ? text.charCodeAt(k + 1) : 0;
    pairs[k] = isHan(c0) && isHan(c1) && lex.pairInWord(c0, c1) ? 1 : 0;
  }
  let coveredTo = -1;
  const add = (found: LexiconTypo | null) => {
    if (found && found.offset >= coveredTo && !skip?.(found.offset, found.offset + found.wrong.length)) {
      out.push(found);
      coveredTo = found.offset + found.wrong.length;
    }
  };
  // Sounds of the last four characters (0 for a character that is not Chinese), for the idiom test.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  // Whether the pair (previous character, this one) is inside a word: the previous character's right-hand test.
  let leftCovered = false;
  let next = n > 0 ? text.charCodeAt(0) : 0;
  for (let i = 0; i < n; i++) {
    const c = next;
    next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    s0 = s1;
    s1 = s2;
    s2 = s3;
    s3 = isHan(c) ? lex.soundOf(c) : 0;
    if (!s3) {
      leftCovered = false;
      continue;
    }
    const covered = leftCovered;
    leftCovered = pairs[i] === 1;
    if (i >= coveredTo && !covered && !leftCovered) {
      const windows = suspectWindows(lex, text, i, c);
      if (windows) add(examine(lex, text, pairs, i, 2, 4, undefined, windows));
    }
    // A four-character idiom whose typo sits among words by chance (迫不急待: 不急 and 急待 are words): four
    // characters that sound like an idiom and are not it.
    const start = i - 3;
    if (s0 && start >= coveredTo && lex.soundsLikeIdiom(s0, s1, s2, s3) && lex.codeAt(text, start, 4) < 0)
      for (let gap = 0; gap < 4; gap++) {
        const found = examine(lex, text, pairs, start + gap, 4, 4, start);
        if (found) {
          add(found);
          break;
        }
      }
  }
  return out;
}

/**
 * The best fix with the character at `p` replaced, over windows of `minLen`–`maxLen` characters (starting at `only` if
 * given). `pairs` says which neighbouring characters sit inside some word (findLexiconTypos).
 */
function examine(lex: Lexicon, text: string, pairs: Uint8Array, p: number, minLen: number, maxLen: number, only?: number, windows = ALL): LexiconTypo | null {
  const ch = text.charCodeAt(p);
  const confusables = lex.confusablesOf(ch);
  if (confusables.size === 0) return null;
  // The clause: the run of Chinese characters around p (at most a few characters beyond the longest window are read).
  let a = p;
  while (a > p - 3 - CONTEXT && a > 0 && isHan(text.charCodeAt(a - 1))) a--;
  let b = p + 1;
  while (b < p + 4 + CONTEXT && b < text.length && isHan(text.charCodeAt(b))) b++;
  let best: LexiconTypo | null = null;
  for (let len = minLen; len <= maxLen; len++) {
    for (let s = Math.max(a, p - len + 1); s <= p && s + len <= b; s++) {
      if ((only !== undefined && s !== only) || (windows !== ALL && !(windows & windowBit(len, p - s)))) continue;
      // Two neighbours of the fixed word away from p stand side by side in it, hence in some word of the list: a
      // window where they do not cannot become a target word (saves most look-ups in the wildcard table).
      let apart = false;
      for (let k = s; k < s + len - 1; k++) if (k !== p - 1 && k !== p && pairs[k] === 0) apart = true;
      if (apart) continue;
      // Most windows have no target word at all: the one hash that says so comes before anything else.
      const key = lex.fillKey(text, s, len, p);
      if (key === 0) continue;
      // Parallel wording (依纪依规, 双培双推, 定岗定职, 边改边建, 应改尽改): a character repeated two places away marks
      // a coined pattern, not a typo.
      if (len === 2) {
        const c0 = text.charCodeAt(s);
        const c1 = text.charCodeAt(s + 1);
        if (text.charCodeAt(s - 2) === c0 || text.charCodeAt(s + 2) === c0 || text.charCodeAt(s - 1) === c1 || text.charCodeAt(s + 3) === c1) continue;
      }
      // Short words with 的/地/得 in them (目的, 似的, 难得) are the context rules' business.
      if (len < 4 && lex.hasContextOnly(text, s, len)) continue;
      const t = THRESHOLDS[len];
      let singles = 0;
      for (let k = s; k < s + len; k++) singles += lex.singleLogP(text.charCodeAt(k));
      let own: number | undefined;
      const count = lex.fillers(key, text, s, len, p, lex.codeFor(t.hint + singles), fillerChars, fillerCodes);
      for (let j = 0; j < count; j++) {
        const x = fillerChars[j];
        // The gain is at most the fixed word's log probability less what the window's characters cost one by one.
        const bound = lex.logPOfCode(fillerCodes[j]) - singles;
        if (bound < t.hint || x === ch) continue;
        const kind = confusables.get(x);
        if (!kind) continue;
        const need = t.hint + KIND_EXTRA[kind];
        if (bound < need) continue;
        own ??= lex.codeAt(text, s, len);
        if (own >= WEAK_Q) break;
        const gain = scoreGain(lex, text, a, b, s, len, p, x);
        if (gain < need || (best && best.gain >= gain)) continue;
        const window = text.slice(s, s + len);
        const right = window.slice(0, p - s) + String.fromCharCode(x) + window.slice(p - s + 1);
        best = { offset: s, wrong: window, right, kind, gain, certain: own < 0 && gain >= t.error + KIND_EXTRA[kind] };
      }
    }
  }
  return best;
}

/** How much better text[a, b) around the window reads with `x` at `p`; -Infinity unless the fixed window is read as one word. */
function scoreGain(lex: Lexicon, text: string, a: number, b: number, s: number, len: number, p: number, x: number): number {
  const from = Math.max(a, s - CONTEXT);
  const to = Math.min(b, s + len + CONTEXT);
  const after = lex.segment(text, from, to, p, x);
  if (!after.cuts.includes(s) || !after.cuts.includes(s + len) || after.cuts.some((c) => c > s && c < s + len)) return -Infinity;
  return after.score - lex.segment(text, from, to).score;
}
