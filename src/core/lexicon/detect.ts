// Typos the table does not list: a character that no word of the lexicon covers, where one confusable substitution
// (同音, 近音, 形近) gives a common word and the clause then reads far better (unigram word segmentation scores).
import { isHan, WEAK_Q, type Confusion, type Lexicon } from "./lexicon";

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

/**
 * Thresholds: natural log of how many times likelier the clause reads with the fix. A hint (提示) from `hint` up, an
 * error from `error` up, by the length of the word the fix makes; a two-character word is easy to make by accident
 * (工奖 → 工匠, 终期 → 中期: real compounds our list lacks), a four-character idiom hardly. Shape-similar and near-pinyin
 * fixes need more than homophones. Set on our own development sentences and the corpus paragraphs that are not
 * defects, never on the held-out sets (test/fixtures/heldout/typos).
 */
const THRESHOLDS: Record<number, { hint: number; error: number }> = {
  2: { hint: 12.5, error: 13.5 },
  3: { hint: 10, error: 12 },
  4: { hint: 8, error: 10 },
};
const KIND_EXTRA: Record<Confusion, number> = { homophone: 0, shape: 1, "near-pinyin": 2 };
const CONTEXT = 4;

/**
 * Whether the character at `i` deserves the costly look: no word of the lexicon reaches it; or it is a frequent single
 * character (在, 的, 做) on a side where it may stand for a confusable character of a word (在接再厉).
 */
function suspect(lex: Lexicon, text: string, i: number, c: number): boolean {
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  const left = isHan(prev) && lex.pairInWord(prev, c);
  const right = isHan(next) && lex.pairInWord(c, next);
  if (left || right) return false;
  return !lex.isFreeSingle(c) || (isHan(prev) && lex.freeSlip(prev, c)) || (isHan(next) && lex.freeSlip(c, next));
}

/**
 * Typos found with the lexicon in one paragraph. `skip(from, to)` says a span must be left alone (a quoted title, a word
 * the user told us to ignore).
 */
export function findLexiconTypos(lex: Lexicon, text: string, skip?: (from: number, to: number) => boolean): LexiconTypo[] {
  const out: LexiconTypo[] = [];
  let coveredTo = -1;
  const add = (found: LexiconTypo | null) => {
    if (found && found.offset >= coveredTo && !skip?.(found.offset, found.offset + found.wrong.length)) {
      out.push(found);
      coveredTo = found.offset + found.wrong.length;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHan(c) || i < coveredTo) continue;
    if (suspect(lex, text, i, c)) add(examine(lex, text, i, 2, 4));
    // A four-character idiom whose typo sits among words by chance (迫不急待: 不急 and 急待 are words): one half
    // of the window is the idiom's, the other half holds the typo.
    if (i + 3 < text.length && i >= coveredTo) {
      const c1 = text.charCodeAt(i + 1);
      const c2 = text.charCodeAt(i + 2);
      const c3 = text.charCodeAt(i + 3);
      if (!isHan(c1) || !isHan(c2) || !isHan(c3)) continue;
      for (let gap = 0; gap < 4; gap++) if (lex.idiomWithGap(c, c1, c2, c3, gap)) add(examine(lex, text, i + gap, 4, 4, i));
    }
  }
  return out;
}

/** The best fix with the character at `p` replaced, over windows of `minLen`–`maxLen` characters (starting at `only` if given). */
function examine(lex: Lexicon, text: string, p: number, minLen: number, maxLen: number, only?: number): LexiconTypo | null {
  let a = p;
  while (a > 0 && isHan(text.charCodeAt(a - 1))) a--;
  let b = p + 1;
  while (b < text.length && isHan(text.charCodeAt(b))) b++;
  const ch = text[p];
  let best: LexiconTypo | null = null;
  for (let len = minLen; len <= maxLen; len++) {
    for (let s = Math.max(a, p - len + 1); s <= p && s + len <= b; s++) {
      if (only !== undefined && s !== only) continue;
      const window = text.slice(s, s + len);
      const fillers = lex.fillers(window, p - s);
      if (!fillers) continue;
      const own = lex.code(window);
      if (own !== undefined && own >= WEAK_Q) continue;
      // Parallel wording (依纪依规, 双培双推, 定岗定职): the repeated character marks a coined pair, not a typo.
      if (len === 2 && (text[s - 2] === text[s] || text[s + 2] === text[s])) continue;
      for (const x of fillers) {
        if (x === ch) continue;
        const kind = lex.confusion(ch, x);
        if (!kind) continue;
        const gain = scoreGain(lex, text, a, b, s, len, p, x);
        const t = THRESHOLDS[len];
        const extra = KIND_EXTRA[kind];
        if (gain < t.hint + extra) continue;
        if (best && best.gain >= gain) continue;
        const right = window.slice(0, p - s) + x + window.slice(p - s + 1);
        best = { offset: s, wrong: window, right, kind, gain, certain: own === undefined && gain >= t.error + extra };
      }
    }
  }
  return best;
}

/** How much better text[a, b) around the window reads with `x` at `p`; -Infinity unless the fixed window is read as one word. */
function scoreGain(lex: Lexicon, text: string, a: number, b: number, s: number, len: number, p: number, x: string): number {
  const from = Math.max(a, s - CONTEXT);
  const to = Math.min(b, s + len + CONTEXT);
  const fixed = text.slice(0, p) + x + text.slice(p + 1, to);
  const after = lex.segment(fixed, from, to);
  if (!after.cuts.includes(s) || !after.cuts.includes(s + len) || after.cuts.some((c) => c > s && c < s + len)) return -Infinity;
  return after.score - lex.segment(text, from, to).score;
}
