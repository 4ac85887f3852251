// 清理: text pasted from PDFs and web pages, cleaned as separate options, each with a count of what it touches:
// join lines broken mid-sentence, remove blank paragraphs, remove stray spaces between Chinese characters, half-width
// punctuation in Chinese text to full-width, nonstandard numbering markers to GB/T 9704's. The result is fixes (data)
// applied by the host's one fix mechanism in one batch; nothing outside an option's edits changes.
import type { Fix } from "../check/types";
import type { ParsedDocument } from "../parse/parseDocument";
import { isBlank, isHan } from "../parse/text";
import { classifyParagraphs, opensWithEnumeration, type ParagraphClass } from "./plan";
import { isJunkLine } from "../check/rules/junk";

export type CleanupOption = "joinLines" | "removeBlank" | "removeSpaces" | "fullWidth" | "markers";

export const CLEANUP_OPTIONS: readonly { id: CleanupOption; label: string; unit: string; description: string }[] = [
  { id: "joinLines", label: "合并断行", unit: "处", description: "句子中途断开的段落（从 PDF 粘贴常见）接回上一段；标题、称呼、落款、编号段落和网站附带的文字（广告、联系方式、网址）不合并" },
  { id: "removeBlank", label: "删除空段落", unit: "段", description: "删除空白段落；落款前的一个空行和表格后的空段落保留" },
  { id: "removeSpaces", label: "删除汉字间空格", unit: "处", description: "删除汉字、中文标点之间多余的空格（标题、落款中的空格和名单里两字姓名的空格保留）" },
  { id: "fullWidth", label: "标点改为全角", unit: "处", description: "中文语句中的半角 , ; : ! ? ( ) \" 以及句末的 . 改为全角；数字、网址中的不改" },
  { id: "markers", label: "规范层次序号", unit: "处", description: "1、→1.　(一)→（一）　一.→一、　（一）、→（一）等，按 GB/T 9704 改写" },
];

/** An edit inside one paragraph's text. */
export interface CleanupEdit {
  paragraph: number;
  offset: number;
  length: number;
  text: string;
  option: CleanupOption;
}

export interface CleanupPlan {
  /** How many places (paragraphs for removeBlank, joined line breaks for joinLines) each option would touch. */
  counts: Record<CleanupOption, number>;
  /** Edits inside paragraphs (removeSpaces, fullWidth, markers), on the text as read. */
  edits: CleanupEdit[];
  /** Runs of paragraphs to join: the first keeps its paragraph and takes the others' text. */
  joins: number[][];
  /** Blank paragraphs to delete. */
  blanks: number[];
}

const MIN_BROKEN_LINE = 12;
const SPACE = /[ \t\u3000\u00a0]+/g;
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’《》【】（）〔〕…—·]/;
const HALF: Record<string, string> = { ",": "，", ";": "；", ":": "：", "!": "！", "?": "？" };
const URLISH = /(?:https?|ftp):\/\/[^\s\u3000-\u303f\uff00-\uffef“”‘’]+|www\.[^\s\u3000-\u303f\uff00-\uffef“”‘’]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gi;
const SENTENCE_END = "。！？!?；;：:…";
const CLOSERS = "”’」』）)》】";

function chinese(c: string | undefined): boolean {
  return !!c && (isHan(c) || CJK_PUNCT.test(c));
}

/** Whether a line ends a sentence (so the next paragraph does not continue it). */
export function endsSentence(text: string): boolean {
  const t = text.replace(/[\s\u3000\u00a0]+$/, "");
  const last = t[t.length - 1];
  if (!last) return true;
  if (SENTENCE_END.includes(last)) return true;
  if (CLOSERS.includes(last)) return SENTENCE_END.includes(t[t.length - 2] ?? "");
  return false;
}

/** Ranges of a paragraph that other options must leave alone: a heading's typed marker. */
function markerRange(c: ParagraphClass | undefined): [number, number] | null {
  if (c?.kind !== "heading" || c.heading.source !== "text" || !c.heading.markerLength) return null;
  return [c.heading.markerOffset, c.heading.markerOffset + c.heading.markerLength];
}

function inRange(r: [number, number] | null, at: number): boolean {
  return !!r && at >= r[0] && at < r[1];
}

/** Spaces between Chinese characters or Chinese punctuation (never leading or trailing spaces). */
const HAN = /[\u4e00-\u9fff]/;
const NAME_EDGE = /[\s\u3000、，,：:；;（）()]/;
/** Spaces at [at, end) pad a two-character name: one Han character each side, bounded by a list separator or the line's end. */
function paddedName(text: string, at: number, end: number): boolean {
  if (!HAN.test(text[at - 1] ?? "") || !HAN.test(text[end] ?? "")) return false;
  const before = text[at - 2];
  const after = text[end + 1];
  return (before === undefined || NAME_EDGE.test(before)) && (after === undefined || NAME_EDGE.test(after));
}

function spaceEdits(i: number, text: string, protect: [number, number] | null): CleanupEdit[] {
  const out: CleanupEdit[] = [];
  for (const m of text.matchAll(SPACE)) {
    const at = m.index!;
    const end = at + m[0].length;
    if (at === 0 || end >= text.length) continue;
    if (!chinese(text[at - 1]) || !chinese(text[end])) continue;
    if (inRange(protect, at) || inRange(protect, end - 1)) continue;
    // A two-character name padded to the width of three (王  明、李  强) in a list of people keeps its padding.
    if (paddedName(text, at, end)) continue;
    out.push({ paragraph: i, offset: at, length: m[0].length, text: "", option: "removeSpaces" });
  }
  return out;
}

/** Half-width punctuation in Chinese text. Digits (1,000 3:00), web addresses and e-mail addresses keep theirs. */
function fullWidthEdits(i: number, text: string, protect: [number, number] | null): CleanupEdit[] {
  const out: CleanupEdit[] = [];
  const skip = new Set<number>();
  for (const m of text.matchAll(URLISH)) for (let k = m.index!; k < m.index! + m[0].length; k++) skip.add(k);
  if (protect) for (let k = protect[0]; k < protect[1]; k++) skip.add(k);
  const digit = (c: string | undefined) => !!c && /[0-9０-９]/.test(c);
  const letter = (c: string | undefined) => !!c && /[A-Za-z]/.test(c);
  const edit = (k: number, to: string) => out.push({ paragraph: i, offset: k, length: 1, text: to, option: "fullWidth" });
  for (let k = 0; k < text.length; k++) {
    if (skip.has(k)) continue;
    const c = text[k];
    const prev = text[k - 1];
    const next = text[k + 1];
    if (HALF[c]) {
      // Between digits (1,000, 3:00) it stays; after a Latin letter it is English text's and stays; after a number
      // and before Chinese ("见附件1,其中") it ends a piece of the Chinese sentence and is converted.
      if (digit(prev) && digit(next)) continue;
      if (chinese(prev) || (chinese(next) && !letter(prev))) edit(k, HALF[c]);
    } else if (c === ".") {
      // A full stop after Chinese text at a sentence end; not an ellipsis, a decimal or an abbreviation.
      if (prev === "." || next === "." || !isHan(prev)) continue;
      if (next === undefined || chinese(next) || /[\s\u3000]/.test(next)) edit(k, "。");
    }
  }
  // Brackets: a pair around Chinese text.
  const stack: number[] = [];
  for (let k = 0; k < text.length; k++) {
    if (skip.has(k)) continue;
    if (text[k] === "(") stack.push(k);
    else if (text[k] === ")" && stack.length) {
      const open = stack.pop()!;
      if ([...text.slice(open + 1, k)].some((c) => isHan(c))) {
        edit(open, "（");
        edit(k, "）");
      }
    }
  }
  // Double quotes: in pairs, around Chinese text.
  const quotes: number[] = [];
  for (let k = 0; k < text.length; k++) if (text[k] === '"' && !skip.has(k)) quotes.push(k);
  if (quotes.length % 2 === 0) {
    for (let q = 0; q < quotes.length; q += 2) {
      const [a, b] = [quotes[q], quotes[q + 1]];
      if ([...text.slice(a + 1, b)].some((c) => isHan(c))) {
        edit(a, "“");
        edit(b, "”");
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** A heading's nonstandard typed marker (or a standard one followed by spaces: "1. 学习"), rewritten as GB/T 9704's. */
function markerEdit(i: number, text: string, c: ParagraphClass | undefined): CleanupEdit | null {
  if (c?.kind !== "heading") return null;
  const h = c.heading;
  if (h.source !== "text" || !h.standard || !h.markerLength) return null;
  if (!h.nonstandard && h.markerLength <= h.marker.length) return null;
  const end = h.markerOffset + h.markerLength;
  // "1、2023年……" must not become "1.2023年……", which no longer reads as a marker.
  if (/[.．]$/.test(h.standard) && /[0-9０-９]/.test(text[end] ?? "")) return null;
  if (text.slice(h.markerOffset, end) === h.standard) return null;
  return { paragraph: i, offset: h.markerOffset, length: h.markerLength, text: h.standard, option: "markers" };
}

/** A line ending in a contact number or a site's name or address: a site's footer, never the start of a sentence. */
const CONTACT_OR_SITE_END = /(?:QQ|ＱＱ|qq|微信|电话|手机|热线|客服|群)[号码]?(?:[：:][\s\u3000]*[0-9０-９A-Za-z_\-—\s\u3000]{0,20}|[\s\u3000]*[0-9０-９]{5,}[\s\u3000]*)$|[0-9０-９]{5,}[\s\u3000]*$|(?:https?:\/\/|www\.)\S*$|\.(?:com|cn|net|org)(?:\/\S*)?[\s\u3000]*$|(?:文库|范文网|资料网|文档网|公众号)[\s\u3000]*$/i;

/** Lines 合并断行 never joins: junk the junk rule flags (anywhere in the line), a contact number or site at its end. */
function siteLine(text: string): boolean {
  return CONTACT_OR_SITE_END.test(text) || isJunkLine(text);
}

/**
 * Whether paragraph `i` may take the next one onto its end: body text cut off mid-sentence, a full line long
 * (also a run-in heading's paragraph, cut off in the text after its heading sentence).
 */
function breaksMidSentence(doc: ParsedDocument, classes: ParagraphClass[], i: number, firstText: number): boolean {
  const p = doc.paragraphs[i];
  const text = p.text;
  const c = classes[i];
  const runIn = c.kind === "heading" && !!c.runIn;
  if ((c.kind !== "body" && !runIn) || p.listString || i === firstText) return false;
  if (/^(Title|Heading\d)$/.test(p.styleBuiltIn ?? "")) return false;
  return text.trim().length >= MIN_BROKEN_LINE && !endsSentence(text) && !siteLine(text);
}

/**
 * Openings of a paragraph that starts something new, whatever the parser made of it: bullets, 附件/注 lines, typed
 * item markers the structure levels do not use (①, ⑴, 1), 1）, A., a、, Ⅰ) and unnumbered part or article headings
 * (第一部分, 第三条). A continuation that merely starts with a number ("5小时", "2.5倍") does not match.
 */
const ITEM_AT_START = new RegExp(
  `^(?:${[
    "[•·●■◆▪◇○□★☆\\-*]",
    "附件",
    "注[:：]",
    "[（(][0-9０-９一二三四五六七八九十]+[)）]",
    "[\u2460-\u249b\u24b6-\u24e9\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]",
    "[0-9０-９]{1,2}(?:[)）、]|[.．](?![0-9０-９]))",
    "[A-Za-zＡ-Ｚａ-ｚ](?:[)）、]|[.．](?![A-Za-z0-9]))",
    "[\u2160-\u217f]",
    "第[一二三四五六七八九十百零〇0-9０-９]+(?:部分|篇|章|节|条|款)",
  ]
    .map((p) => `(?:${p})`)
    .join("|")})`,
);

/** Whether paragraph `i` reads as the rest of a sentence: body text that does not start a point, an item or a paragraph. */
function continuesSentence(doc: ParsedDocument, classes: ParagraphClass[], i: number): boolean {
  const p = doc.paragraphs[i];
  if (!p || classes[i].kind !== "body" || p.listString) return false;
  if (/^(Title|Heading\d)$/.test(p.styleBuiltIn ?? "")) return false;
  // Typed first-line indentation (full-width spaces, a tab, two spaces) marks the start of a new paragraph.
  if (/^(?:[\u3000\t]|  )/.test(p.text)) return false;
  if (opensWithEnumeration(p.text)) return false;
  return !ITEM_AT_START.test(p.text.trimStart()) && !siteLine(p.text);
}

/** What each cleanup option would touch in the document. */
export function planCleanup(doc: ParsedDocument): CleanupPlan {
  const classes = classifyParagraphs(doc, isJunkLine);
  const texts = doc.paragraphs.map((p) => p.text);
  const n = texts.length;
  const edits: CleanupEdit[] = [];
  classes.forEach((c, i) => {
    if (c.kind === "blank" || c.kind === "table") return;
    const text = texts[i];
    const protect = markerRange(c);
    const marker = markerEdit(i, text, c);
    if (marker) edits.push(marker);
    if (c.kind !== "title" && c.kind !== "subtitle" && c.kind !== "signature") edits.push(...spaceEdits(i, text, protect));
    edits.push(...fullWidthEdits(i, text, protect));
  });

  const firstText = texts.findIndex((t) => !isBlank(t));
  const joins: number[][] = [];
  for (let i = 0; i < n - 1; i++) {
    if (!breaksMidSentence(doc, classes, i, firstText) || !continuesSentence(doc, classes, i + 1)) continue;
    const run = [i, i + 1];
    let j = i + 1;
    while (j < n - 1 && breaksMidSentence(doc, classes, j, firstText) && continuesSentence(doc, classes, j + 1)) run.push(++j);
    joins.push(run);
    i = j;
  }

  const signatureStart = classes.findIndex((c) => c.kind === "signature");
  const blanks: number[] = [];
  classes.forEach((c, i) => {
    if (c.kind !== "blank" || doc.paragraphs[i].listString) return;
    // Word cannot delete the document's last paragraph; a table must be followed by a paragraph.
    if (i === n - 1 || doc.paragraphs[i - 1]?.inTable) return;
    // GB/T 9704: the signature is set one blank line below the text.
    if (signatureStart > 0 && i === signatureStart - 1) return;
    blanks.push(i);
  });

  const counts: Record<CleanupOption, number> = { joinLines: 0, removeBlank: blanks.length, removeSpaces: 0, fullWidth: 0, markers: 0 };
  for (const e of edits) counts[e.option]++;
  counts.joinLines = joins.reduce((s, r) => s + r.length - 1, 0);
  return { counts, edits, joins, blanks };
}

/** One place 清理 would change, listed for the user to check and untick before applying. */
export interface CleanupPlace {
  /** Stable for one read of the document: `withoutPlaces` drops places by it. */
  id: string;
  option: CleanupOption;
  paragraph: number;
  /** The text around the place as it is, and as it will be (spaces shown as ␣ and □). */
  before: string;
  after: string;
}

const PLACE_CONTEXT = 8;

const editId = (e: CleanupEdit) => `${e.option}:${e.paragraph}:${e.offset}`;
const joinId = (run: readonly number[]) => `joinLines:${run[0]}`;
const blankId = (i: number) => `removeBlank:${i}`;

function visible(t: string): string {
  return t.replace(/ /g, "␣").replace(/\u3000/g, "□").replace(/\t/g, "⇥");
}

/** Every place the chosen options would change, in document order. */
export function cleanupPlaces(doc: ParsedDocument, plan: CleanupPlan, options: Iterable<CleanupOption>): CleanupPlace[] {
  const chosen = new Set(options);
  const texts = doc.paragraphs.map((p) => p.text);
  const out: CleanupPlace[] = [];
  if (chosen.has("joinLines")) {
    for (const run of plan.joins) {
      const head = texts[run[0]].trimEnd();
      const tail = head.length > PLACE_CONTEXT ? `…${head.slice(-PLACE_CONTEXT)}` : head;
      const next = texts[run[1]].trimStart();
      const start = next.length > PLACE_CONTEXT ? `${next.slice(0, PLACE_CONTEXT)}…` : next;
      const more = run.length > 2 ? `（共 ${run.length} 段接成一段）` : "";
      out.push({ id: joinId(run), option: "joinLines", paragraph: run[0], before: `${tail}⏎${start}${more}`, after: `${tail}${start}` });
    }
  }
  for (const e of plan.edits) {
    if (!chosen.has(e.option)) continue;
    const text = texts[e.paragraph];
    const from = Math.max(0, e.offset - PLACE_CONTEXT);
    const to = Math.min(text.length, e.offset + e.length + PLACE_CONTEXT);
    const pre = (from > 0 ? "…" : "") + text.slice(from, e.offset);
    const post = text.slice(e.offset + e.length, to) + (to < text.length ? "…" : "");
    out.push({ id: editId(e), option: e.option, paragraph: e.paragraph, before: visible(pre + text.slice(e.offset, e.offset + e.length) + post), after: visible(pre + e.text + post) });
  }
  if (chosen.has("removeBlank")) for (const i of plan.blanks) out.push({ id: blankId(i), option: "removeBlank", paragraph: i, before: "（空段落）", after: "（删除）" });
  return out.sort((a, b) => a.paragraph - b.paragraph);
}

/** The plan without the places the user unticked (their ids), counts recomputed. */
export function withoutPlaces(plan: CleanupPlan, excluded: ReadonlySet<string>): CleanupPlan {
  if (!excluded.size) return plan;
  const edits = plan.edits.filter((e) => !excluded.has(editId(e)));
  const joins = plan.joins.filter((r) => !excluded.has(joinId(r)));
  const blanks = plan.blanks.filter((i) => !excluded.has(blankId(i)));
  const counts: Record<CleanupOption, number> = { joinLines: joins.reduce((n, r) => n + r.length - 1, 0), removeBlank: blanks.length, removeSpaces: 0, fullWidth: 0, markers: 0 };
  for (const e of edits) counts[e.option]++;
  return { counts, edits, joins, blanks };
}

/** Apply edits (non-overlapping, any order) to a text. */
function applyEdits(text: string, edits: readonly { offset: number; length: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
  return out;
}

/** Keep edits that do not overlap an earlier one (markers first, then punctuation, then spaces). */
function nonOverlapping(edits: CleanupEdit[]): CleanupEdit[] {
  const rank: Record<CleanupOption, number> = { markers: 0, fullWidth: 1, removeSpaces: 2, joinLines: 3, removeBlank: 4 };
  const chosen: CleanupEdit[] = [];
  for (const e of [...edits].sort((a, b) => rank[a.option] - rank[b.option] || a.offset - b.offset)) {
    if (chosen.some((c) => e.offset < c.offset + c.length && c.offset < e.offset + e.length)) continue;
    chosen.push(e);
  }
  return chosen.sort((a, b) => a.offset - b.offset);
}

/** Longest text a fix may expect: the Word adapter locates it by a search, which takes at most 255 characters. */
const MAX_FIX_TEXT = 200;

/**
 * Turn the chosen options of a cleanup plan into fixes for host.applyFixes. Edits that touch or overlap inside a
 * paragraph become one fix; an edit of spaces only takes a character of context on each side (the Word adapter finds
 * the text by searching for it). A joined run becomes one replacement of its first paragraph and a deletion of each other.
 */
export function cleanupFixes(doc: ParsedDocument, plan: CleanupPlan, options: Iterable<CleanupOption>): Fix[] {
  const chosen = new Set(options);
  const texts = doc.paragraphs.map((p) => p.text);
  const byParagraph = new Map<number, CleanupEdit[]>();
  for (const e of plan.edits) {
    if (!chosen.has(e.option)) continue;
    byParagraph.set(e.paragraph, [...(byParagraph.get(e.paragraph) ?? []), e]);
  }
  const fixes: Fix[] = [];
  const joined = new Set<number>();
  if (chosen.has("joinLines")) {
    for (const run of plan.joins) {
      const parts = run.map((i, k) => {
        let t = applyEdits(texts[i], nonOverlapping(byParagraph.get(i) ?? []));
        if (k > 0) t = t.replace(/^[\s\u3000\u00a0]+/, "");
        if (k < run.length - 1) t = t.replace(/[\s\u3000\u00a0]+$/, "");
        return t;
      });
      let text = parts[0];
      for (const part of parts.slice(1)) text += (/[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(part) ? " " : "") + part;
      const first = run[0];
      // One group: if a line cannot be deleted (it changed, or holds a picture in Word), the join is not made at all.
      fixes.push({ paragraph: first, offset: 0, length: texts[first].length, text, expected: texts[first], group: first });
      for (const i of run.slice(1)) fixes.push({ paragraph: i, offset: 0, length: texts[i].length, text: "", expected: texts[i], deleteParagraph: true, group: first });
      for (const i of run) joined.add(i);
    }
  }
  for (const [i, list] of byParagraph) {
    if (joined.has(i)) continue;
    const text = texts[i];
    const spans = nonOverlapping(list).map((e) => {
      const onlySpace = /^[\s\u3000\u00a0]*$/.test(text.slice(e.offset, e.offset + e.length));
      const from = onlySpace ? Math.max(0, e.offset - 1) : e.offset;
      const to = onlySpace ? Math.min(text.length, e.offset + e.length + 1) : e.offset + e.length;
      return { from, to, edits: [e] };
    });
    const merged: typeof spans = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last && s.from <= last.to) {
        last.to = Math.max(last.to, s.to);
        last.edits.push(...s.edits);
      } else merged.push({ ...s, edits: [...s.edits] });
    }
    const tooLong = merged.some((m) => m.to - m.from > MAX_FIX_TEXT);
    if (tooLong) {
      fixes.push({ paragraph: i, offset: 0, length: text.length, text: applyEdits(text, merged.flatMap((m) => m.edits)), expected: text });
      continue;
    }
    for (const m of merged) {
      const expected = text.slice(m.from, m.to);
      const local = m.edits.map((e) => ({ offset: e.offset - m.from, length: e.length, text: e.text }));
      fixes.push({ paragraph: i, offset: m.from, length: m.to - m.from, text: applyEdits(expected, local), expected });
    }
  }
  if (chosen.has("removeBlank")) {
    for (const i of plan.blanks) fixes.push({ paragraph: i, offset: 0, length: texts[i].length, text: "", expected: texts[i], deleteParagraph: true });
  }
  return fixes.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
}

/** The paragraphs' texts after the fixes (what the hosts produce): for previews and tests. */
export function textsAfterCleanup(texts: readonly string[], fixes: readonly Fix[]): string[] {
  const out = [...texts];
  const remove = new Set<number>();
  for (const f of [...fixes].sort((a, b) => b.paragraph - a.paragraph || b.offset - a.offset)) {
    if (f.deleteParagraph) {
      remove.add(f.paragraph);
      continue;
    }
    const t = out[f.paragraph];
    out[f.paragraph] = t.slice(0, f.offset) + f.text + t.slice(f.offset + f.length);
  }
  return out.filter((_, i) => !remove.has(i));
}
