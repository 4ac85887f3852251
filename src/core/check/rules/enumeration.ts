/** 序号：段中和段首的“一是/二是”“一要/二要”“第一，第二，”“首先/其次/再次”须连续、同一系列，不跳号、不重号、不中途换系列。 */
import { LAST, toChineseNumber, type EnumSeries } from "../../numbering";
import type { Enumeration, Heading, ParsedDocument } from "../../parse/parseDocument";
import { leadingSpace } from "../../parse/text";
import type { Rule } from "../types";
import { paragraphText, scopeKey, sequenceDefects } from "./common";

interface Run {
  marks: Enumeration[];
}

const SEQ_WORDS = ["首先", "其次", "再次"];

/** The word for position `n` in `series`, keeping the writer's 一是要 form; null when the series has no such word. */
export function enumWord(series: EnumSeries, n: number, like = ""): string | null {
  if (n === LAST) return "最后";
  if (n <= 0) return null;
  switch (series) {
    case "shi":
      return `${toChineseNumber(n)}是${like.endsWith("要") ? "要" : ""}`;
    case "yao":
      return `${toChineseNumber(n)}要`;
    case "di":
      return `第${toChineseNumber(n)}`;
    default:
      return SEQ_WORDS[n - 1] ?? null;
  }
}

function last(run: Run): Enumeration {
  return run.marks[run.marks.length - 1];
}

/** Whether `m` belongs to the run that `run` has open: the next number (or a near miss of it), or 最后 closing it. */
function relates(run: Run, m: Enumeration): boolean {
  const l = last(run);
  if (l.number === LAST) return false;
  if (m.number === LAST) return true;
  if (m.number === 1) return false;
  if (m.series === l.series) return m.number >= l.number && m.number <= l.number + 3;
  return m.number === l.number + 1;
}

/** Whether a later paragraph-start word in the same section continues `m` (so `m` opens a list of paragraphs). */
function paragraphListFollows(doc: ParsedDocument, byParagraph: Map<number, Enumeration[]>, m: Enumeration, scope: Heading | string): boolean {
  for (let q = m.paragraph + 1; q < doc.paragraphs.length && q <= m.paragraph + 12; q++) {
    if (scopeKey(doc, q) !== scope) return false;
    const marks = byParagraph.get(q);
    if (!marks?.length) continue;
    const first = marks[0];
    if (first.offset !== leadingSpace(paragraphText(doc, q))) continue;
    return first.series === m.series && first.number === 2;
  }
  return false;
}

function collectRuns(doc: ParsedDocument): Run[] {
  const byParagraph = new Map<number, Enumeration[]>();
  for (const e of doc.enumerations) {
    let l = byParagraph.get(e.paragraph);
    if (!l) byParagraph.set(e.paragraph, (l = []));
    l.push(e);
  }
  const runs: Run[] = [];
  let scope: Heading | string | null = null;
  let outer: Run | null = null;
  let inner: Run | null = null;
  let innerParagraph = -1;
  const open = (m: Enumeration): Run => {
    const r = { marks: [m] };
    runs.push(r);
    return r;
  };
  const paragraphs = [...byParagraph.keys()].sort((a, b) => a - b);
  for (const p of paragraphs) {
    const marks = byParagraph.get(p)!;
    const key = scopeKey(doc, p);
    if (key !== scope) {
      scope = key;
      outer = inner = null;
    }
    let i = 0;
    let continuingInner = false;
    const first = marks[0];
    if (first.offset === leadingSpace(paragraphText(doc, p))) {
      if (outer && relates(outer, first)) {
        outer.marks.push(first);
        i = 1;
      } else if (inner && relates(inner, first) && innerParagraph >= 0) {
        // A run-in list that goes on in the next paragraph ("……二是……。" / "三是……").
        inner.marks.push(first);
        continuingInner = true;
        i = 1;
      } else if (first.number === 1 && paragraphListFollows(doc, byParagraph, first, key)) {
        outer = open(first);
        i = 1;
      }
    }
    if (!continuingInner) inner = null;
    for (let k = i; k < marks.length; k++) {
      const m = marks[k];
      if (inner && relates(inner, m)) inner.marks.push(m);
      else inner = open(m);
    }
    innerParagraph = p;
  }
  return runs;
}

export const enumeration: Rule = {
  meta: {
    id: "enumeration",
    name: "列举连续",
    severity: "error",
    fixable: true,
    description: "“一是、二是”“一要、二要”“第一、第二”“首先、其次”等须连续且同一系列",
    messages: {
      gap: "“{found}”之前缺少“{expected}”",
      duplicate: "“{found}”重复，应为“{expected}”",
      backward: "“{found}”出现在“{previous}”之后，顺序有误，应为“{expected}”",
      switch: "“{found}”与同组的“{previous}”不是同一系列，应为“{expected}”",
      start: "“{found}”之前没有“{expected}”",
    },
  },
  check(doc, report) {
    for (const run of collectRuns(doc)) {
      const marks = run.marks.filter((m) => m.number !== LAST);
      if (marks.length < 2) continue;
      // The run's series is its majority; the odd one out is the word to change.
      const count = new Map<EnumSeries, number>();
      for (const m of marks) count.set(m.series, (count.get(m.series) ?? 0) + 1);
      let series = marks[0].series;
      for (const [s, c] of count) if (c > (count.get(series) ?? 0)) series = s;
      const seen = new Set<Enumeration>();
      const at = (m: Enumeration): [number, number] => [m.offset, m.offset + m.length];
      for (const m of marks) {
        if (m.series === series) continue;
        const other = marks.find((o) => o.series === series)!;
        const expected = enumWord(series, m.number, other.text);
        seen.add(m);
        report({
          messageId: "switch",
          data: { found: m.text, previous: other.text, expected: expected ?? "" },
          paragraph: m.paragraph,
          range: at(m),
          fix: expected ? { text: expected } : undefined,
        });
      }
      if (marks[0].number > 1 && marks.length >= 2 && marks[0].series !== "seq" && !seen.has(marks[0])) {
        const m = marks[0];
        report({ messageId: "start", data: { found: m.text, expected: enumWord(m.series, 1, m.text) ?? "" }, paragraph: m.paragraph, range: at(m) });
      }
      for (const d of sequenceDefects(
        marks.map((m) => m.number),
        false,
      )) {
        const m = marks[d.index];
        if (seen.has(m)) continue;
        const expected = enumWord(m.series === series ? m.series : series, d.expected, m.text);
        if (!expected) continue;
        report({
          messageId: d.kind === "gap" ? "gap" : d.kind === "duplicate" ? "duplicate" : "backward",
          data: { found: m.text, expected, previous: marks[d.index - 1]?.text ?? "" },
          paragraph: m.paragraph,
          range: at(m),
          fix: d.certain ? { text: expected } : undefined,
        });
      }
    }
  },
};
