/** 文字：错别字和误用词语。两层：词表（src/data/typos.json，含保护词和上下文条件）；词库（src/core/lexicon，加载后启用）查出词表之外的同音、近音、形近错字。 */
import { contextStrings, typoEntries, type TypoEntry } from "../data";
import { collocationsOf, currentLexicon, findLexiconTypos, loadLexicon, type Confusion, type Lexicon } from "../../lexicon";
import type { Rule, Severity } from "../types";
import { ignoredAt, insideLonger, paragraphText, PhraseMatcher } from "./common";

interface TypoPhrase {
  text: string;
  entry: TypoEntry;
  /** The entry's context conditions, compiled once; absent when it has none. */
  context?: CompiledContext;
}

/**
 * A context condition's strings (classes resolved) by the character that touches the match: the last character of a
 * `before` string, the first of an `after` one. A test reads that one character and compares only the strings that
 * end (start) with it: 的 is the most frequent character of the language, and its entry's condition lists twenty.
 */
class EdgeSet {
  private readonly byEdge = new Map<number, string[]>();
  /**
   * For a large set (a class: twenty verbs and more), its edge characters as a bit set (8 KB): the test that passes over
   * most places with one read, before the map. 的's conditions are asked at every 的 of a text.
   */
  private readonly edges: Uint32Array | null;
  constructor(
    list: readonly string[],
    private readonly side: "before" | "after",
  ) {
    const strings = contextStrings(list);
    this.edges = strings.length >= 16 ? new Uint32Array(0x10000 >>> 5) : null;
    for (const s of strings) {
      if (!s) continue;
      const edge = side === "before" ? s.charCodeAt(s.length - 1) : s.charCodeAt(0);
      if (this.edges) this.edges[edge >>> 5] |= 1 << (edge & 31);
      const l = this.byEdge.get(edge);
      if (l) l.push(s);
      else this.byEdge.set(edge, [s]);
    }
  }
  /** Whether the text right before `at` (side "before") or from `at` on (side "after") is one of the strings. */
  has(text: string, at: number): boolean {
    const edge = this.side === "before" ? text.charCodeAt(at - 1) : text.charCodeAt(at);
    if (this.edges && (edge !== edge || (this.edges[edge >>> 5] & (1 << (edge & 31))) === 0)) return false;
    const l = this.byEdge.get(edge);
    if (!l) return false;
    for (const s of l) if (text.startsWith(s, this.side === "before" ? at - s.length : at)) return true;
    return false;
  }
}

interface CompiledContext {
  before?: EdgeSet;
  after?: EdgeSet;
  notBefore?: EdgeSet;
  notAfter?: EdgeSet;
  /** Strings the rest of the sentence must (must not) contain. */
  later?: string[];
  notLater?: string[];
}

function compileContext(e: TypoEntry): CompiledContext | undefined {
  if (!e.before && !e.after && !e.notBefore && !e.notAfter && !e.later && !e.notLater) return undefined;
  return {
    before: e.before && new EdgeSet(e.before, "before"),
    after: e.after && new EdgeSet(e.after, "after"),
    notBefore: e.notBefore && new EdgeSet(e.notBefore, "before"),
    notAfter: e.notAfter && new EdgeSet(e.notAfter, "after"),
    later: e.later && contextStrings(e.later),
    notLater: e.notLater && contextStrings(e.notLater),
  };
}

let matcher: PhraseMatcher<TypoPhrase> | null = null;

function typoMatcher(): PhraseMatcher<TypoPhrase> {
  return (matcher ??= new PhraseMatcher(typoEntries().map((entry) => ({ text: entry.wrong, entry, context: compileContext(entry) }))));
}

/** The wrong forms of the table that are wrong wherever they stand (no before/after/later condition): never words of the lexicon. */
export function typoWrongForms(): string[] {
  return typoEntries()
    .filter((e) => !e.before && !e.after && !e.later)
    .map((e) => e.wrong);
}

/**
 * Loads the lexicon the typo rule checks against, without the table's wrong forms as words. The one way to load it:
 * the load happens once per process, so every caller must exclude the same forms.
 */
export function loadTypoLexicon(): Promise<Lexicon> {
  return loadLexicon(typoWrongForms);
}

/** Whether the entry's context conditions hold for a match at `at`. */
function contextHolds(c: CompiledContext, text: string, at: number, end: number): boolean {
  // After first: a verb after 的 is rarer than an adverbial before it, and 的 is the language's most frequent character.
  if (c.after && !c.after.has(text, end)) return false;
  if (c.before && !c.before.has(text, at)) return false;
  if (c.notBefore?.has(text, at)) return false;
  if (c.notAfter?.has(text, end)) return false;
  if (!c.later && !c.notLater) return true;
  const rest = restOfSentence(text, end);
  if (c.later && !c.later.some((s) => rest.includes(s))) return false;
  return !c.notLater?.some((s) => rest.includes(s));
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
      if (p.context && !contextHolds(p.context, text, at, at + e.wrong.length)) return false;
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
    const collocations = lex ? collocationsOf(lex) : undefined;
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
        (ctx.ignoreWords.length > 0 && ignoredAt(text, from, to, ctx.ignoreWords));
      // A fixed phrase with one character slipped into another real word: not where an ignored word holds the slipped
      // character, nor where the words run across the variant's edges (the text reads as other words there).
      const slipped = (v: { offset: number; wrong: string; right: string }) => {
        let k = 0;
        while (v.wrong[k] === v.right[k]) k++;
        return v.offset + k;
      };
      const slips = collocations?.find(text, (v) => !skip(v.offset, v.offset + v.wrong.length) && !skip(slipped(v), slipped(v) + 1) && !wordsAcrossEdge(lex, text, v.offset, v)) ?? [];
      for (const t of slips) taken.push([t.offset, t.offset + t.wrong.length]);
      const guess = (t: { offset: number; wrong: string; right: string; kind: Confusion; certain: boolean }, messageId: string) =>
        report({
          messageId,
          data: { found: t.wrong, expected: t.right, kind: KIND_NAME[t.kind] },
          paragraph: i,
          range: [t.offset, t.offset + t.wrong.length],
          fix: { text: t.right },
          severity: t.certain ? "error" : "info",
          guess: true,
        });
      for (const t of slips) guess(t, "collocation");
      for (const t of findLexiconTypos(lex, text, skip)) guess(t, "lexicon");
    }
  },
};
