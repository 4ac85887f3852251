// The lexicon's index leaves out of its free-slip tables (a frequent single character typed for one of a word's own:
// 在 for 再) only what the detector could never report: a variant whose first bound (the word's log probability less the
// typed window's characters one by one) reaches the detector's hint threshold must be found by the cheap tests.
import { loadTypoLexicon } from "../../../src/core/check/rules/typo";
import { GAIN_THRESHOLDS, KIND_EXTRA, type Lexicon } from "../../../src/core/lexicon/lexicon";
import data from "../../../src/data/lexicon/lexicon.json";

let lex: Lexicon;
beforeAll(async () => {
  lex = await loadTypoLexicon();
}, 60000);

/** Every word of the list, in its order (the list runs words together, each followed by one ASCII character). */
function words(): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < data.words.length; i++)
    if (data.words.charCodeAt(i) < 128) {
      out.push(data.words.slice(start, i));
      start = i + 1;
    }
  return out;
}

/** Frequent single characters (的 了 在 把 …): every character the list has, kept when isFreeSingle says so. */
function freeSingles(): string[] {
  const seen = new Set<string>();
  for (const w of words()) if (w.length === 1 && lex.isFreeSingle(w.charCodeAt(0))) seen.add(w);
  return [...seen];
}

test("every free-slip variant that could pass the detector's bound is in the index", () => {
  const free = freeSingles();
  expect(free.length).toBeGreaterThan(100);
  const all = words().filter((w) => w.length === 2 || w.length === 3);
  let checked = 0;
  let passing = 0;
  // Every 7th two- or three-character word: some 10,000 words and all their gaps.
  for (let n = 0; n < all.length; n += 7) {
    const w = all[n];
    const code = lex.code(w);
    if (code === undefined || code < (w.length === 2 ? 20 : 12)) continue;
    for (let gap = 0; gap < w.length; gap++) {
      for (const x of free) {
        if (x === w[gap]) continue;
        // Any way examine() would take x as typed for w[gap]: same reading, near reading, shape group. (Near-pinyin
        // slips were once left out of the index and found only when a hash collision let a window through.)
        const kind = lex.confusion(x, w[gap]);
        if (!kind) continue;
        const typed = w.slice(0, gap) + x + w.slice(gap + 1);
        let singles = 0;
        for (let k = 0; k < typed.length; k++) singles += lex.singleLogP(typed.charCodeAt(k));
        checked++;
        if (lex.logPOfCode(code) - singles < GAIN_THRESHOLDS[w.length].hint + KIND_EXTRA[kind]) continue;
        passing++;
        expect([typed, lex.freeVariant(typed, 0, typed.length)]).toEqual([typed, true]);
        const slip = (gap > 0 && lex.freeSlip(typed.charCodeAt(gap - 1), x.charCodeAt(0))) || (gap + 1 < typed.length && lex.freeSlip(x.charCodeAt(0), typed.charCodeAt(gap + 1)));
        expect([typed, slip]).toEqual([typed, true]);
      }
    }
  }
  // The sample is large, and the bound leaves out many variants (some 40%: those of common words, which the text is full of).
  expect(checked).toBeGreaterThan(5000);
  expect(passing).toBeGreaterThan(100);
  expect(passing).toBeLessThan(checked * 0.8);
});
