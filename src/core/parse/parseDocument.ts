// The outline parser: paragraphs → title, salutation, preamble, a heading tree (levels 1–4) with roles, closing, enumerations.
import { type DocTypeId, type Paragraph, type Role } from "../model";
import { findEnumerations, LAST, parseMarker, standardMarker, toChineseNumber, type EnumMark, type EnumSeries, type Marker, type MarkerStyle } from "../numbering";
import { headingTitle, isBlank, leadingSpace } from "./text";
import { classifyHeading, classifyLeadIn, matchUnmarkedHeading } from "./roles";
import { detectType, type TypeGuess } from "./detectType";

export type HeadingSource = "text" | "list" | "style" | "run-in" | "unmarked";

export interface Heading {
  level: 1 | 2 | 3 | 4;
  /** The marker as the reader sees it: typed ("一、"), from Word's list label, a run-in word ("一要"), or "" when unnumbered. */
  marker: string;
  /** Its number in its level (0 when unnumbered). */
  number: number;
  /** The heading's title: the first sentence after the marker. */
  title: string;
  role: Role | null;
  paragraph: number;
  children: Heading[];
  parent: Heading | null;
  source: HeadingSource;
  /** How the marker is written, or null when unnumbered. */
  style: MarkerStyle | EnumSeries | null;
  /** The standard marker for this level and number ("（二）"), "" for run-in or unnumbered headings. */
  standard: string;
  /** Whether the written marker is a nonstandard form of its level's marker. */
  nonstandard: boolean;
  /** Where the typed marker sits in the paragraph text (length 0 for list labels and unnumbered headings). */
  markerOffset: number;
  markerLength: number;
  titleOffset: number;
  titleLength: number;
  /** The paragraph index after the section's last paragraph. */
  end: number;
}

export interface Enumeration extends EnumMark {
  paragraph: number;
}

export interface ParsedDocument {
  paragraphs: readonly Paragraph[];
  /** The title paragraph, or -1 when none was found. */
  title: number;
  titleText: string;
  /** The salutation paragraph ("同志们：", a 主送机关 line), or -1. */
  salutation: number;
  /** The first paragraph after the title and salutation; the preamble runs until the first heading. */
  preambleStart: number;
  preambleEnd: number;
  /** Level-1 headings with their subtrees. */
  headings: Heading[];
  /** All headings in document order. */
  flat: Heading[];
  /** The first paragraph of the closing block (closing sentence, 落款), or -1. */
  closing: number;
  enumerations: Enumeration[];
  type: TypeGuess;
}

export interface ParseOptions {
  /** Take this type instead of detecting one (the user chose it). */
  type?: DocTypeId;
}

const TITLE_WORDS = /材料|提纲|讲话|报告|发言|致辞|情况|对照检查|检视|剖析|讲稿|主持词/;
const JUNKISH = /QQ|微信|会员|仅供|禁止外传|严禁外传|版权|下载|整理|www\.|https?:|##|资料/i;
const SALUTATION = /^[^。！？!?]{0,40}[：:]$/;
const SALUTATION_WORDS = /同志|领导|各位|巡视组|巡察组|委员会|办公室|党委|党组|组：|组:/;
const CLOSING = /以上.{0,12}(对照|检查|发言|剖析|汇报|报告)|批评指正|提出批评|宝贵意见|帮助指正|谢谢|我就讲这些|就讲这些|特此报告|让我们|散会|共同努力|努力奋斗|^同志们[，,！!]/;
const SIGNATURE = /^(中共)?[^。，,；;：:]{2,30}(委员会|党委|党组|支部|办公室|局|厅|委|院|校|公司|集团)$|^[0-9０-９【】X年月日〇零一二三四五六七八九十\s]{6,20}$/;
const HEADING_STYLE = /^Heading([1-4])$/;
/** The 附件 note after the body: "附件：……", "附件1：……", "附件：1.……". */
const ATTACHMENT = /^附\s*件[0-9０-９一二三四五六七八九十]*[：:]/;
/** Notes under the signature: （联系人：……，电话：……）, （此件公开发布）, 抄送/印发 lines. */
const END_NOTE = /^[（(]?(?:联系人|联系电话|联系方式|此件|本件)[^。！？]{0,60}[）)]?$|^(?:抄送|印发)[：:]?[^。！？]{0,80}$/;

/** Parse paragraphs into the document's structure. Never throws. */
export function parseDocument(paragraphs: readonly Paragraph[], options: ParseOptions = {}): ParsedDocument {
  const n = paragraphs.length;
  const texts = paragraphs.map((p) => (typeof p?.text === "string" ? p.text : ""));

  // Markers first: the title must come before any numbered heading.
  const markers = texts.map((t, i) => (paragraphs[i]?.inTable ? null : markerOf(paragraphs[i], t)));
  // The 附件 list after the body ("附件：1.……" / "2.……") is not a run of headings.
  const tail = endMatter(texts, markers);
  for (const i of tail) markers[i] = null;

  const title = findTitle(texts, markers);
  let cursor = title >= 0 ? title + 1 : 0;
  const salutation = findSalutation(texts, markers, cursor);
  if (salutation >= 0) cursor = salutation + 1;
  const bodyStart = cursor;

  const closing = findClosing(texts, markers, bodyStart, tail);
  const bodyEnd = closing >= 0 ? closing : n;

  const flat: Heading[] = [];
  const stack: Heading[] = [];
  const enumerations: Enumeration[] = [];
  const runCandidates: { paragraph: number; mark: EnumMark; context: Heading | null }[] = [];

  for (let i = bodyStart; i < bodyEnd; i++) {
    const text = texts[i];
    if (isBlank(text)) continue;
    const para = paragraphs[i];
    const found = markers[i];
    let heading: Heading | null = null;
    if (found) {
      heading = makeHeading(i, text, found);
    } else if (!para?.inTable) {
      const styleLevel = headingStyleLevel(para);
      if (styleLevel && text.length <= 60) {
        const t = headingTitle(text, leadingSpace(text));
        heading = blankHeading(i, styleLevel, t, "style");
      } else {
        const role = matchUnmarkedHeading(text.trim());
        if (role) {
          const t = headingTitle(text, leadingSpace(text));
          heading = blankHeading(i, 1, t, "unmarked");
          heading.role = role;
        }
      }
    }
    const own = findEnumerations(text);
    for (const e of own) enumerations.push({ ...e, paragraph: i });
    if (heading) {
      while (stack.length && stack[stack.length - 1].level >= heading.level) stack.pop();
      heading.parent = stack.length ? stack[stack.length - 1] : null;
      stack.push(heading);
      flat.push(heading);
      continue;
    }
    // A paragraph that starts with 一是/一要/第一， may belong to a list of such paragraphs.
    const start = own[0];
    if (start && start.offset === leadingSpace(text)) {
      runCandidates.push({ paragraph: i, mark: start, context: stack.length ? stack[stack.length - 1] : null });
    }
  }

  // Paragraph-start run-in lists of two or more become headings one level below their context.
  for (const run of runsOf(runCandidates)) {
    for (const c of run) {
      const text = texts[c.paragraph];
      const level = Math.min(4, (c.context?.level ?? 0) + 1) as 1 | 2 | 3 | 4;
      const marker = text.slice(c.mark.offset, c.mark.offset + c.mark.length + (/[，,、：:]/.test(text[c.mark.offset + c.mark.length] ?? "") ? 1 : 0));
      const t = headingTitle(text, c.mark.offset + marker.length);
      const h: Heading = {
        ...blankHeading(c.paragraph, level, t, "run-in"),
        marker,
        number: c.mark.number,
        style: c.mark.series,
        markerOffset: c.mark.offset,
      };
      h.markerLength = h.marker.length;
      h.parent = c.context;
      flat.push(h);
    }
  }
  flat.sort((a, b) => a.paragraph - b.paragraph);
  // Rebuild parents now that run-in headings are in place.
  const roots: Heading[] = [];
  const st: Heading[] = [];
  for (const h of flat) {
    while (st.length && st[st.length - 1].level >= h.level) st.pop();
    h.parent = st.length ? st[st.length - 1] : null;
    h.children = [];
    (h.parent ? h.parent.children : roots).push(h);
    st.push(h);
  }
  for (let k = 0; k < flat.length; k++) {
    const h = flat[k];
    let end = bodyEnd;
    for (let j = k + 1; j < flat.length; j++) {
      if (flat[j].level <= h.level) {
        end = flat[j].paragraph;
        break;
      }
    }
    h.end = end;
  }
  // Numbers of "最后，" close the run they end.
  for (const h of flat) if (h.number === LAST) h.number = 0;

  const preambleEnd = flat.length ? flat[0].paragraph : bodyEnd;
  const titleText = title >= 0 ? texts[title].trim() : "";

  const assign = (type: DocTypeId) => assignRoles(roots, texts, type);
  const guess = options.type
    ? { id: options.type, confidence: 1, scores: {} as Record<DocTypeId, number>, reasons: ["用户指定"] }
    : detectType({ texts, title, salutation, preambleStart: bodyStart, preambleEnd, closing, roots, rolesFor: assign });
  assign(guess.id);

  return {
    paragraphs,
    title,
    titleText,
    salutation,
    preambleStart: bodyStart,
    preambleEnd,
    headings: roots,
    flat,
    closing,
    enumerations,
    type: guess,
  };
}

function markerOf(p: Paragraph | undefined, text: string) {
  if (p?.listString && !isBlank(p.listString)) {
    const m = parseMarker(p.listString);
    if (m) return found(m, true, 0);
  }
  const m = parseMarker(text);
  if (!m) return null;
  // "第一，" in speeches is a run-in point, decided by the run rule below, not a heading by itself.
  if (m.style === "di" && !m.text.endsWith("、")) return null;
  return found(m, false, m.length);
}

// Built field by field, not by spreading: one object shape for every marker keeps the parser's hot path fast.
function found(m: Marker, fromList: boolean, length: number) {
  return { style: m.style, level: m.level, number: m.number, text: m.text, standard: m.standard, nonstandard: m.nonstandard, length, fromList };
}

type FoundMarker = NonNullable<ReturnType<typeof markerOf>>;

function makeHeading(i: number, text: string, m: FoundMarker): Heading {
  const lead = m.fromList ? 0 : leadingSpace(text);
  const t = headingTitle(text, m.fromList ? leadingSpace(text) : m.length);
  return {
    level: m.level,
    marker: m.text,
    number: m.number,
    title: t.title,
    role: null,
    paragraph: i,
    children: [],
    parent: null,
    source: m.fromList ? "list" : "text",
    style: m.style,
    standard: m.style === "di" ? standardMarker(1, m.number) : m.standard,
    nonstandard: m.nonstandard,
    markerOffset: m.fromList ? 0 : lead,
    markerLength: m.fromList ? 0 : m.length - lead,
    titleOffset: t.offset,
    titleLength: t.length,
    end: i + 1,
  };
}

function blankHeading(i: number, level: 1 | 2 | 3 | 4, t: { title: string; offset: number; length: number }, source: HeadingSource): Heading {
  return {
    level,
    marker: "",
    number: 0,
    title: t.title,
    role: null,
    paragraph: i,
    children: [],
    parent: null,
    source,
    style: null,
    standard: "",
    nonstandard: false,
    markerOffset: 0,
    markerLength: 0,
    titleOffset: t.offset,
    titleLength: t.length,
    end: i + 1,
  };
}

function headingStyleLevel(p: Paragraph | undefined): 1 | 2 | 3 | 4 | 0 {
  if (!p) return 0;
  const m = HEADING_STYLE.exec(p.styleBuiltIn ?? "");
  if (m) return Number(m[1]) as 1 | 2 | 3 | 4;
  if (p.outlineLevel && p.outlineLevel >= 1 && p.outlineLevel <= 4) return p.outlineLevel as 1 | 2 | 3 | 4;
  return 0;
}

function findTitle(texts: string[], markers: (FoundMarker | null)[]): number {
  let firstPlain = -1;
  let seen = 0;
  for (let i = 0; i < texts.length && seen < 8; i++) {
    const t = texts[i].trim();
    if (!t) continue;
    seen++;
    if (markers[i]) break;
    if (t.length > 90 || /[。；;！!]$/.test(t) || SALUTATION.test(t)) {
      if (firstPlain < 0 && seen === 1 && !JUNKISH.test(t)) return -1;
      continue;
    }
    if (JUNKISH.test(t) && !TITLE_WORDS.test(t.replace(JUNKISH, ""))) continue;
    if (TITLE_WORDS.test(t) && !/[。]/.test(t)) return i;
    if (firstPlain < 0 && !JUNKISH.test(t)) firstPlain = i;
  }
  return firstPlain;
}

function findSalutation(texts: string[], markers: (FoundMarker | null)[], from: number): number {
  for (let i = from; i < texts.length; i++) {
    const t = texts[i].trim();
    if (!t) continue;
    if (markers[i]) return -1;
    if (SALUTATION.test(t) && SALUTATION_WORDS.test(t) && t.length <= 40) return i;
    // A subtitle (speaker, date in brackets) may sit between title and salutation.
    if (t.length <= 30 && !/[。，,；;]/.test(t)) continue;
    return -1;
  }
  return -1;
}

/** How many non-blank lines at the end are searched for the 附件 note. */
const END_MATTER_LINES = 16;

/**
 * Lines of the end matter that are neither body nor closing: the 附件 note with its numbered list ("附件：1.……" then
 * "2.……", GB/T 9704 7.3.6) and the 联系人/印发 notes. Searched only among the last lines, so the cost stays constant.
 */
function endMatter(texts: string[], markers: (FoundMarker | null)[]): Set<number> {
  const out = new Set<number>();
  const lines: number[] = [];
  for (let i = texts.length - 1; i >= 0 && lines.length < END_MATTER_LINES; i--) if (!isBlank(texts[i])) lines.push(i);
  lines.reverse();
  // The number the next item of the 附件 list would have (0: no list open).
  let next = 0;
  for (const i of lines) {
    const t = texts[i].trim();
    if (ATTACHMENT.test(t)) {
      out.add(i);
      const rest = t.replace(ATTACHMENT, "").trim();
      const first = parseMarker(rest);
      next = first && first.style === "arabic-dot" ? first.number + 1 : rest ? 0 : 1;
      continue;
    }
    const m = markers[i];
    if (next && m && m.style === "arabic-dot" && m.number === next && t.length <= 60 && !/[。；;]$/.test(t)) {
      out.add(i);
      next++;
      continue;
    }
    next = 0;
    if (END_NOTE.test(t)) out.add(i);
  }
  return out;
}

function findClosing(texts: string[], markers: (FoundMarker | null)[], from: number, tail: ReadonlySet<number>): number {
  let checked = 0;
  let candidate = -1;
  for (let i = texts.length - 1; i >= from && checked < 6; i--) {
    const t = texts[i].trim();
    if (!t) continue;
    if (markers[i]) break;
    if (tail.has(i)) continue;
    if (SIGNATURE.test(t) || (JUNKISH.test(t) && !CLOSING.test(t))) {
      if (candidate < 0) continue;
    }
    checked++;
    if (t.length <= 200 && CLOSING.test(t)) candidate = i;
  }
  return candidate;
}

interface RunCandidate {
  paragraph: number;
  mark: EnumMark;
  context: Heading | null;
}

/** Group paragraph-start enumeration words into runs 1, 2, 3 … of one series under one context. */
function runsOf(cands: RunCandidate[]): RunCandidate[][] {
  const runs: RunCandidate[][] = [];
  let open: RunCandidate[] = [];
  const flush = () => {
    if (open.length >= 2) runs.push(open);
    open = [];
  };
  for (const c of cands) {
    const last = open[open.length - 1];
    const sameContext = last && last.context === c.context;
    const continues =
      last &&
      sameContext &&
      last.mark.number !== LAST &&
      ((c.mark.series === last.mark.series && c.mark.number === last.mark.number + 1) ||
        (c.mark.number === LAST && (c.mark.series === "seq" || last.mark.series === "di" || last.mark.series === "seq")));
    if (continues) {
      open.push(c);
      continue;
    }
    flush();
    if (c.mark.number === 1) open = [c];
  }
  flush();
  return runs;
}

/** Give each level-1 heading a role for `type`: by its title, or for a restarted run by the sentence that introduces it. */
function assignRoles(roots: Heading[], texts: string[], type: DocTypeId): void {
  let prevNumber = 0;
  let group = 0;
  let groupRole: Role | null = null;
  const groups: number[] = [];
  const leadRoles: (Role | null)[] = [];
  let causesSeen = false;
  for (const h of roots) {
    if (h.source === "unmarked") {
      h.role = matchUnmarkedHeading(texts[h.paragraph].trim()) ?? classifyHeading(h.title, type).role;
      if (h.role === "causes") causesSeen = true;
      groups.push(group);
      continue;
    }
    const restart = h.number > 0 && h.number <= prevNumber;
    if (h.number === 1 || restart || (group === 0 && h.number > 0)) {
      if (h.number === 1 || restart) {
        group++;
        groupRole = classifyLeadIn(leadInBefore(texts, h.paragraph), type);
      }
    }
    if (h.number > 0) prevNumber = h.number;
    const own = classifyHeading(h.title, type);
    // A review that restarts 一、 after its causes without a lead-in the table knows: what follows the causes is the measures.
    if (group > 1 && !groupRole && causesSeen && (type === "personal-review" || type === "team-review")) groupRole = "measures";
    groups.push(group);
    leadRoles[group] = groupRole;
    if (group > 1 && groupRole) h.role = groupRole;
    else if (own.role && !own.fallback) h.role = own.role;
    else h.role = groupRole ?? own.role;
    if (h.role === "causes") causesSeen = true;
  }
  // In a guidance speech the points that come before "下面，我再强调几点意见" are the evaluation of the meeting.
  if (type === "speech-guidance") {
    const firstRequirements = leadRoles.findIndex((r) => r === "requirements");
    if (firstRequirements > 0) {
      roots.forEach((h, i) => {
        const g = groups[i];
        if (g > 0 && g < firstRequirements && !leadRoles[g] && h.role === "requirements") h.role = "evaluation";
      });
    }
  }
}

function leadInBefore(texts: string[], paragraph: number): string {
  for (let i = paragraph - 1; i >= 0 && i >= paragraph - 4; i--) {
    const t = texts[i].trim();
    if (!t) continue;
    return t.length <= 150 ? t : "";
  }
  return "";
}

/** The role of the section that holds a paragraph (the level-1 heading's role, or preamble / closing / title). */
export function roleAt(doc: ParsedDocument, paragraph: number): Role | null {
  if (paragraph === doc.title) return "title";
  if (doc.closing >= 0 && paragraph >= doc.closing) return "closing";
  const top = sectionAt(doc, paragraph, 1);
  if (top) return top.role;
  if (paragraph < doc.preambleEnd) return "preamble";
  return null;
}

/** The innermost heading (at or above `maxLevel`… 1 = level-1 only) whose section holds the paragraph. */
export function sectionAt(doc: ParsedDocument, paragraph: number, maxLevel = 4): Heading | null {
  let found: Heading | null = null;
  let list = doc.headings;
  for (;;) {
    const h = lastAtOrBefore(list, paragraph);
    if (!h || paragraph >= h.end) return found;
    found = h;
    if (h.level >= maxLevel || !h.children.length) return found;
    list = h.children;
  }
}

function lastAtOrBefore(list: Heading[], paragraph: number): Heading | null {
  let lo = 0;
  let hi = list.length - 1;
  let ans: Heading | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].paragraph <= paragraph) {
      ans = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** The JSON contract's Heading shape. */
export interface HeadingJson {
  level: number;
  marker: string;
  number: number;
  title: string;
  role: Role | null;
  paragraph: number;
  children: HeadingJson[];
}

export function headingToJson(h: Heading): HeadingJson {
  return { level: h.level, marker: h.marker, number: h.number, title: h.title, role: h.role, paragraph: h.paragraph, children: h.children.map(headingToJson) };
}

/** The marker a reader sees for a heading, for display ("一、", "（一）", "一要"). */
export function displayMarker(h: Heading): string {
  return h.marker || (h.number ? standardMarker(h.level, h.number) : "");
}

export { toChineseNumber };
