/** 文字：常见错别字和误用词语（词表见 src/data/typos.json，含“保护词”以免误报）。 */
import { typoEntries, type TypoEntry } from "../data";
import type { Rule } from "../types";
import { insideLonger, paragraphText, PhraseMatcher } from "./common";

interface TypoPhrase {
  text: string;
  entry: TypoEntry;
}

let matcher: PhraseMatcher<TypoPhrase> | null = null;

function typoMatcher(): PhraseMatcher<TypoPhrase> {
  return (matcher ??= new PhraseMatcher(typoEntries().map((entry) => ({ text: entry.wrong, entry }))));
}

/** Typos in one paragraph; a match inside one of its guards (or inside a word the user told us to ignore) is not one. */
export function findTypos(text: string, ignoreWords: readonly string[] = []): { entry: TypoEntry; offset: number }[] {
  const extra = ignoreWords.length ? ignoreWords.filter((w) => w.length > 0) : ignoreWords;
  return typoMatcher()
    .find(text, (p, at) => {
      const e = p.entry;
      if (e.guards?.length && insideLonger(text, at, e.wrong, e.guards)) return false;
      // A right form that contains the wrong one ("截至" ⊂ …) must not be reported again after the fix.
      if (e.right.includes(e.wrong) && insideLonger(text, at, e.wrong, [e.right])) return false;
      if (extra.length && insideLonger(text, at, e.wrong, extra)) return false;
      return true;
    })
    .map((m) => ({ entry: m.entry.entry, offset: m.offset }));
}

export const typo: Rule = {
  meta: {
    id: "typo",
    name: "错别字",
    severity: "error",
    fixable: true,
    description: "常见错别字、误用词语（如“贯切”应为“贯彻”）",
    messages: {
      typo: "“{found}”应为“{expected}”",
      typoNote: "“{found}”应为“{expected}”：{note}",
    },
  },
  check(doc, report, ctx) {
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const text = paragraphText(doc, i);
      if (!text) continue;
      for (const { entry, offset } of findTypos(text, ctx.ignoreWords)) {
        report({
          messageId: entry.note ? "typoNote" : "typo",
          data: { found: entry.wrong, expected: entry.right, note: entry.note ?? "" },
          paragraph: i,
          range: [offset, offset + entry.wrong.length],
          fix: { text: entry.right },
        });
      }
    }
  },
};
