/** 文字：固定提法须用规范表述、按规定顺序列举、列举完整（如“四个自信：道路自信、理论自信、制度自信、文化自信”）。 */
import { formulationEntries, type FormulationEntry } from "../data";
import type { Rule } from "../types";
import { insideLonger, paragraphText, PhraseMatcher } from "./common";

/** One matcher for both kinds of phrase: a wrong variant, or a member of a list. One scan per paragraph. */
type FormulationPhrase = { text: string; kind: "wrong"; right: string; entry: FormulationEntry } | { text: string; kind: "member"; entry: FormulationEntry; index: number };
interface Hit {
  index: number;
  start: number;
  end: number;
}

/** What may stand between two listed items: 、 和 及 以及 与, with quotes around items. */
const SEPARATOR = /^[”"’」』]?\s*(?:、|、以及|和|及|以及|与|同)\s*[“"‘「『]?$/;
/** What may stand between a formulation's name and its list: a colon, 即, or an opening bracket. */
const AFTER_NAME = /^[”"’」』]*\s*(?:[：:]|[，,]?即|[（(])\s*[“"‘「『]?/;

let matcher: PhraseMatcher<FormulationPhrase> | null = null;

function phraseMatcher(): PhraseMatcher<FormulationPhrase> {
  if (!matcher) {
    const entries = formulationEntries();
    matcher = new PhraseMatcher<FormulationPhrase>([
      ...entries.flatMap((entry) => entry.wrong.map((w) => ({ text: w.text, kind: "wrong" as const, right: w.right, entry }))),
      ...entries.filter((e) => e.members.length >= 3).flatMap((entry) => entry.members.map((text, index) => ({ text, kind: "member" as const, entry, index }))),
    ]);
  }
  return matcher;
}

/** Lists of members of one formulation: maximal chains of hits joined by separators. */
function chains(text: string, hits: Hit[]): Hit[][] {
  const out: Hit[][] = [];
  let cur: Hit[] = [];
  for (const h of hits) {
    const prev = cur[cur.length - 1];
    if (prev && h.start >= prev.end && SEPARATOR.test(text.slice(prev.end, h.start))) cur.push(h);
    else {
      if (cur.length) out.push(cur);
      cur = [h];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

export const formulation: Rule = {
  meta: {
    id: "formulation",
    name: "固定提法",
    severity: "error",
    fixable: true,
    description: "固定提法的规范表述、列举顺序和完整性（四个意识、四个自信、两个维护、四风等）",
    messages: {
      wrong: "提法有误：“{found}”应为“{expected}”",
      order: "{name}的顺序应为“{expected}”，这里写成了“{found}”",
      incomplete: "“{name}”只列出了{count}项，缺少“{missing}”，应为“{expected}”",
    },
  },
  check(doc, report) {
    const m = phraseMatcher();
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const text = paragraphText(doc, i);
      if (!text) continue;
      const found = m.findAll(text);
      if (!found.length) continue;
      // Wrong variants: leftmost, longest, not overlapping; not inside the right form that contains them.
      let wrongEnd = -1;
      for (const f of found) {
        const w = f.entry;
        if (w.kind !== "wrong" || f.offset < wrongEnd) continue;
        if (w.right.includes(w.text) && insideLonger(text, f.offset, w.text, [w.right])) continue;
        wrongEnd = f.offset + w.text.length;
        report({ messageId: "wrong", data: { found: w.text, expected: w.right }, paragraph: i, range: [f.offset, wrongEnd], fix: { text: w.right } });
      }
      let byEntry: Map<FormulationEntry, Hit[]> | null = null;
      for (const { entry: mp, offset } of found) {
        if (mp.kind !== "member") continue;
        byEntry ??= new Map();
        let l = byEntry.get(mp.entry);
        if (!l) byEntry.set(mp.entry, (l = []));
        const last = l[l.length - 1];
        const hit = { index: mp.index, start: offset, end: offset + mp.text.length };
        // At one place keep the longest member; skip members inside a longer one already taken.
        if (last && last.start === offset) {
          if (hit.end > last.end) l[l.length - 1] = hit;
        } else if (!last || offset >= last.end) l.push(hit);
      }
      if (!byEntry) continue;
      for (const [entry, hits] of byEntry) {
        if (hits.length < 2) continue;
        const label = entry.name ?? entry.canonical;
        const named = !!entry.name && text.includes(entry.name);
        for (const chain of chains(text, hits)) {
          const indices = chain.map((h) => h.index);
          const distinct = new Set(indices).size === indices.length;
          if (!distinct) continue;
          const start = chain[0].start;
          const end = chain[chain.length - 1].end;
          // Short generic members (民主、文明、和谐) count only in a long list or next to the formulation's name.
          const generic = chain.some((h) => h.end - h.start <= 2);
          const trusted = !generic || chain.length >= 4 || named;
          const nameBefore = entry.name ? nameJustBefore(text, start, entry.name) : false;
          if (entry.ordered && chain.length >= 3 && trusted && indices.some((x, k) => k > 0 && x < indices[k - 1])) {
            const sorted = [...chain].sort((a, b) => a.index - b.index);
            let fixed = "";
            let pos = start;
            chain.forEach((slot, k) => {
              fixed += text.slice(pos, slot.start) + entry.members[sorted[k].index];
              pos = slot.end;
            });
            report({
              messageId: "order",
              data: { name: label, found: text.slice(start, end), expected: fixed },
              paragraph: i,
              range: [start, end],
              fix: { text: fixed },
            });
            continue;
          }
          const n = entry.members.length;
          if (nameBefore && n >= 3 && chain.length === n - 1) {
            const missing = entry.members.filter((_, k) => !indices.includes(k));
            report({
              messageId: "incomplete",
              data: { name: entry.name!, count: chain.length, missing: missing.join("、"), found: text.slice(start, end), expected: entry.canonical },
              paragraph: i,
              range: [start, end],
              fix: { text: entry.canonical },
            });
          }
        }
      }
    }
  },
};

/** Whether `name` stands right before position `at` ("四个自信：道路自信…", "“四个意识”即…"). */
function nameJustBefore(text: string, at: number, name: string): boolean {
  const from = Math.max(0, at - name.length - 8);
  const window = text.slice(from, at);
  const k = window.lastIndexOf(name);
  if (k < 0) return false;
  const between = window.slice(k + name.length);
  const m = AFTER_NAME.exec(between);
  return !!m && m[0].length === between.length;
}
