/** 文字：删除从资料网站带来的广告、版权提示、联系方式、付费标记等内容（整段的删整段，段中的删该处）。 */
import { junkEntries, type JunkEntry } from "../data";
import type { Rule } from "../types";
import { paragraphText, PhraseMatcher } from "./common";
import { requiredStrings } from "./requiredStrings";

export interface JunkMatch {
  entry: JunkEntry;
  start: number;
  end: number;
}

interface JunkIndex {
  entries: JunkEntry[];
  /** Entries to try whatever the text (nothing required is known). */
  always: number[];
  /** The strings the other entries require, each pointing to its entry. */
  required: PhraseMatcher<{ text: string; entry: number }>;
}

let index: JunkIndex | null = null;

/** Each pattern's required strings (see requiredStrings): a paragraph is tried only against patterns it could match. */
function junkIndex(): JunkIndex {
  if (index) return index;
  const entries = junkEntries();
  const always: number[] = [];
  const phrases: { text: string; entry: number }[] = [];
  entries.forEach((e, k) => {
    const req = requiredStrings(e.re);
    if (!req) always.push(k);
    else for (const text of req) phrases.push({ text, entry: k });
  });
  return (index = { entries, always, required: new PhraseMatcher(phrases) });
}

/**
 * Junk in one paragraph: non-overlapping matches, earliest first, longer first on ties. A line that is junk as a whole
 * (a whole-paragraph pattern) is one match over the paragraph, unless real text follows the junk in the same paragraph
 * (a junk line joined onto a real sentence): then the match ends where the last inline junk ends, and the text after it stays.
 */
export function junkMatches(text: string): JunkMatch[] {
  if (!text) return [];
  const { entries, always, required } = junkIndex();
  const found = required.findAll(text);
  // Most paragraphs: no pattern could match, and no set is made.
  if (!found.length && !always.length) return [];
  const candidates = new Set<number>(always);
  for (const m of found) candidates.add(m.entry.entry);
  if (!candidates.size) return [];
  const order = [...candidates].sort((a, b) => a - b);
  const all: JunkMatch[] = [];
  let whole: JunkEntry | null = null;
  for (const k of order) {
    const entry = entries[k];
    entry.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = entry.re.exec(text))) {
      if (m[0].length === 0) {
        entry.re.lastIndex++;
        continue;
      }
      if (entry.wholeParagraph) {
        whole ??= entry;
        break;
      }
      all.push({ entry, start: m.index, end: m.index + m[0].length });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  if (whole) {
    const cut = all.length ? Math.max(...all.map((j) => j.end)) : -1;
    return [{ entry: whole, start: 0, end: cut > 0 && realText(text.slice(cut)) ? cut : text.length }];
  }
  const out: JunkMatch[] = [];
  for (const j of all) {
    const prev = out[out.length - 1];
    if (prev && j.start < prev.end) continue;
    out.push(j);
  }
  return out;
}

/** Whether a line holds junk the rule reports (for 排版, which keeps such lines out of the 落款, and 清理). */
export function isJunkLine(text: string): boolean {
  return junkMatches(text).length > 0;
}

/** Text that reads as the writer's own: a sentence of some length with no junk in it. */
function realText(text: string): boolean {
  const t = text.trim();
  const han = t.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return han >= 8 && /[。！？：；]/.test(t) && junkMatches(t).length === 0;
}

/** A line that ends a document on purpose: a signature or a date. */
const SIGNATURE = /(?:委员会|党委|党组|支部|办公室|局|厅|委|院|校|公司|集团|同志)$|^[0-9０-９〇零一二三四五六七八九十XＸ【】年月日\s]{6,20}$/;

/** Whether the matches make up most of the paragraph (a line that is junk as a whole). */
function mostlyJunk(text: string, matches: JunkMatch[]): boolean {
  if (!matches.length) return false;
  if (matches[0].entry.wholeParagraph && matches[0].end === text.length) return true;
  const covered = matches.reduce((n, m) => n + (m.end - m.start), 0);
  return covered * 2 >= text.trim().length;
}

/**
 * Short lines before the title or after the closing sentence that sit between junk lines ("自建平台、实时分享" among
 * a site's advertising): no pattern names them, their neighbours do.
 */
function sandwiched(doc: Parameters<Rule["check"]>[0], junkLine: (i: number) => boolean): number[] {
  const out: number[] = [];
  const blocks: [number, number][] = [];
  const head = doc.title >= 0 ? doc.title : doc.preambleStart;
  if (head > 0) blocks.push([0, head]);
  if (doc.closing >= 0) blocks.push([doc.closing + 1, doc.paragraphs.length]);
  for (const [from, to] of blocks) {
    const lines: number[] = [];
    for (let i = from; i < to; i++) if (paragraphText(doc, i).trim()) lines.push(i);
    let k = 0;
    while (k < lines.length) {
      if (junkLine(lines[k])) {
        k++;
        continue;
      }
      let e = k;
      while (e < lines.length && !junkLine(lines[e])) e++;
      // Junk before the run (k > 0: the line before it in the block is junk) and junk after it, or the end of the document.
      if (k > 0 && (e < lines.length || to === doc.paragraphs.length)) {
        for (let j = k; j < e; j++) {
          const t = paragraphText(doc, lines[j]).trim();
          if (t.length <= 40 && !/[。！？]$/.test(t) && !SIGNATURE.test(t)) out.push(lines[j]);
        }
      }
      k = e;
    }
  }
  return out;
}

export const junk: Rule = {
  meta: {
    id: "junk",
    name: "网络杂质",
    severity: "error",
    fixable: true,
    description: "删除从资料网站粘贴带来的广告、版权声明、QQ/微信号、付费标记等",
    messages: {
      paragraph: "{reason}",
      inline: "“{found}”：{reason}",
      between: "“{found}”夹在网站附带内容之间，疑似同为网站附带内容，请确认后删除",
    },
  },
  check(doc, report) {
    const lineIsJunk: boolean[] = [];
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const text = paragraphText(doc, i);
      const matches = junkMatches(text);
      lineIsJunk[i] = mostlyJunk(text, matches);
      for (const j of matches) {
        if (j.entry.wholeParagraph && j.start === 0 && j.end === text.length) {
          report({ messageId: "paragraph", data: { reason: j.entry.message }, paragraph: i, range: [0, text.length], fix: { text: "" } });
        } else {
          report({ messageId: "inline", data: { found: text.slice(j.start, j.end), reason: j.entry.message }, paragraph: i, range: [j.start, j.end], fix: { text: "" } });
        }
      }
    }
    for (const i of sandwiched(doc, (k) => lineIsJunk[k])) {
      const text = paragraphText(doc, i);
      // Less certain than a pattern: a warning, for the writer to confirm.
      report({ messageId: "between", data: { found: text.trim() }, paragraph: i, range: [0, text.length], fix: { text: "" }, severity: "warning" });
    }
  },
};
