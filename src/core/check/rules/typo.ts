/** 文字：错别字和误用词语。两层：词表（src/data/typos.json，含保护词和上下文条件）；词库（src/core/lexicon，加载后启用）查出词表之外的同音、近音、形近错字。 */
import { contextStrings, typoEntries, type TypoEntry } from "../data";
import { collocationsOf, currentLexicon, findLexiconTypos, type Confusion, type Lexicon } from "../../lexicon";
import type { Rule, Severity } from "../types";
import { insideLonger, paragraphText, PhraseMatcher } from "./common";

interface TypoPhrase {
  text: string;
  entry: TypoEntry;
}

let matcher: PhraseMatcher<TypoPhrase> | null = null;

function typoMatcher(): PhraseMatcher<TypoPhrase> {
  return (matcher ??= new PhraseMatcher(typoEntries().map((entry) => ({ text: entry.wrong, entry }))));
}

/** The wrong forms of the table that are wrong wherever they stand (no before/after/later condition): never words of the lexicon. */
export function typoWrongForms(): string[] {
  return typoEntries()
    .filter((e) => !e.before && !e.after && !e.later)
    .map((e) => e.wrong);
}

/** Context conditions with their classes resolved, once per entry, by first and by last character, so a test reads a
 * few strings however long the class (的 is frequent, and its classes hold a hundred adverbials). */
interface Strings {
  all: string[];
  byFirst: Map<number, string[]>;
  byLast: Map<number, string[]>;
}
const group = (all: string[], at: (x: string) => number) => {
  const out = new Map<number, string[]>();
  for (const x of all) {
    const k = at(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
};
const resolved = new WeakMap<readonly string[], Strings>();
const strings = (list: readonly string[]): Strings => {
  let out = resolved.get(list);
  if (!out) {
    const all = contextStrings(list).filter((x) => x.length > 0);
    out = { all, byFirst: group(all, (x) => x.charCodeAt(0)), byLast: group(all, (x) => x.charCodeAt(x.length - 1)) };
    resolved.set(list, out);
  }
  return out;
};
function endsWithAny(text: string, end: number, list: readonly string[] | undefined): boolean {
  if (!list || end === 0) return false;
  const cands = strings(list).byLast.get(text.charCodeAt(end - 1));
  return !!cands && cands.some((x) => text.startsWith(x, end - x.length));
}
function startsWithAny(text: string, start: number, list: readonly string[] | undefined): boolean {
  if (!list || start >= text.length) return false;
  const cands = strings(list).byFirst.get(text.charCodeAt(start));
  return !!cands && cands.some((x) => text.startsWith(x, start));
}

/** Whether the entry's context conditions hold for a match at `at`. */
function contextHolds(e: TypoEntry, text: string, at: number): boolean {
  const end = at + e.wrong.length;
  if (e.before && !endsWithAny(text, at, e.before)) return false;
  if (e.after && !startsWithAny(text, end, e.after)) return false;
  if (endsWithAny(text, at, e.notBefore)) return false;
  if (startsWithAny(text, end, e.notAfter)) return false;
  if (!e.later && !e.notLater) return true;
  const rest = restOfSentence(text, end);
  if (e.later && !strings(e.later).all.some((s) => rest.includes(s))) return false;
  return !(e.notLater && strings(e.notLater).all.some((s) => rest.includes(s)));
}

/** The text from `from` to the end of its sentence (。！？；, or the paragraph's end). */
function restOfSentence(text: string, from: number): string {
  const m = /[。！？；!?;]/.exec(text.slice(from));
  return m ? text.slice(from, from + m.index) : text.slice(from);
}

/**
 * Whether the lexicon reads the text around a table match as correct words across the match's edge (争做|风清气正 around
 * 做风; 彰显|着 around 显着) and no worse than the fixed text: then the match is two words meeting, not a typo.
 */
function wordsAcrossEdge(lex: Lexicon, text: string, at: number, e: { wrong: string; right: string }): boolean {
  const end = at + e.wrong.length;
  const from = Math.max(0, at - 4);
  const to = Math.min(text.length, end + 4);
  if (/[^\u4e00-\u9fff]/.test(text.slice(from, to))) return false;
  const before = lex.segment(text, from, to);
  const crosses = before.cuts.some((c, k) => {
    const prev = before.cuts[k - 1];
    return prev !== undefined && ((prev < at && c > at && c <= end) || (prev >= at && prev < end && c > end));
  });
  if (!crosses) return false;
  const fixed = text.slice(0, at) + e.right + text.slice(end, to);
  return before.score >= lex.segment(fixed, from, to + e.right.length - e.wrong.length).score;
}

/** Typos of the table in one paragraph; a match inside one of its guards (or inside a word the user told us to ignore) is not one. */
export function findTypos(text: string, ignoreWords: readonly string[] = []): { entry: TypoEntry; offset: number }[] {
  const extra = ignoreWords.length ? ignoreWords.filter((w) => w.length > 0) : ignoreWords;
  const lex = currentLexicon();
  return typoMatcher()
    .find(text, (p, at) => {
      const e = p.entry;
      if (e.guards?.length && insideLonger(text, at, e.wrong, e.guards)) return false;
      // A right form that contains the wrong one ("截至" ⊂ …) must not be reported again after the fix.
      if (e.right.includes(e.wrong) && insideLonger(text, at, e.wrong, [e.right])) return false;
      if (extra.length && insideLonger(text, at, e.wrong, extra)) return false;
      if (!contextHolds(e, text, at)) return false;
      return !(lex && wordsAcrossEdge(lex, text, at, e));
    })
    .map((m) => ({ entry: m.entry.entry, offset: m.offset }));
}

/** Spans of quoted titles (《…》), where a lexicon guess has no business. */
function titleSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /《[^《》]*》/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const KIND_NAME: Record<Confusion, string> = { homophone: "同音", "near-pinyin": "近音", shape: "形近" };

export const typo: Rule = {
  meta: {
    id: "typo",
    name: "错别字",
    severity: "error",
    fixable: true,
    description: "错别字、误用词语：词表所列（如“贯切”应为“贯彻”），以及词库查出的同音、近音、形近错字（如“在接再厉”）",
    messages: {
      typo: "“{found}”应为“{expected}”",
      typoNote: "“{found}”应为“{expected}”：{note}",
      lexicon: "“{found}”疑为“{expected}”（{kind}字）",
      collocation: "“{found}”疑为“{expected}”（{kind}字；常用说法为“{expected}”）",
    },
  },
  check(doc, report, ctx) {
    const lex = currentLexicon();
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const text = paragraphText(doc, i);
      if (!text) continue;
      const taken: [number, number][] = [];
      for (const { entry, offset } of findTypos(text, ctx.ignoreWords)) {
        taken.push([offset, offset + entry.wrong.length]);
        report({
          messageId: entry.note ? "typoNote" : "typo",
          data: { found: entry.wrong, expected: entry.right, note: entry.note ?? "" },
          paragraph: i,
          range: [offset, offset + entry.wrong.length],
          fix: { text: entry.right },
          severity: entry.severity as Severity | undefined,
        });
      }
      if (!lex) continue;
      const titles = text.includes("《") ? titleSpans(text) : [];
      const skip = (from: number, to: number) =>
        taken.some(([a, b]) => from < b && to > a) ||
        titles.some(([a, b]) => from < b && to > a) ||
        ctx.ignoreWords.some((w) => insideLonger(text, from, text.slice(from, to), [w]) || w.includes(text.slice(from, to)));
      // A fixed phrase with one character slipped into another real word: only where the words do not run across the
      // variant's edges (the text reads as other words there) and the phrase is not written right around it.
      const slips = collocationsOf(lex)?.find(text, (v) => !skip(v.offset, v.offset + v.wrong.length) && !wordsAcrossEdge(lex, text, v.offset, v)) ?? [];
      for (const t of slips) taken.push([t.offset, t.offset + t.wrong.length]);
      const guesses = [...slips.map((t) => ({ t, messageId: "collocation" })), ...findLexiconTypos(lex, text, skip).map((t) => ({ t, messageId: "lexicon" }))];
      for (const { t, messageId } of guesses)
        report({
          messageId,
          data: { found: t.wrong, expected: t.right, kind: KIND_NAME[t.kind] },
          paragraph: i,
          range: [t.offset, t.offset + t.wrong.length],
          fix: { text: t.right },
          severity: t.certain ? "error" : "info",
        });
    }
  },
};
