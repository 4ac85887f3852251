// Turning a standard outline into paragraphs to insert: the whole skeleton, one section numbered to continue the
// document, and the required sections the document still lacks with the place each belongs.
import type { Block } from "../blocks";
import type { Fix } from "../check/types";
import type { Role } from "../model";
import { LAST, standardMarker, toChineseNumber } from "../numbering";
import { type Heading, type ParsedDocument } from "../parse/parseDocument";
import { DEFAULT_VARIANT, isRequired, type OutlineVariant } from "./library";
import type { Outline, OutlineSection, OutlineSubsection } from "./schema";

export interface SkeletonOptions extends OutlineVariant {
  /** Subsection ids to include; by default those marked default in the library. */
  subsections?: ReadonlySet<string>;
  /** Optional sections to leave out (by id). Annual-only sections are left out of special meetings unless listed in `include`. */
  omit?: ReadonlySet<string>;
  include?: ReadonlySet<string>;
  /** Include the placeholder paragraphs (【…】). */
  placeholders?: boolean;
}

const SIGNATURE_LINE = /^[^。，；：！？]{2,30}$/;

function includedSubsections(section: OutlineSection, opts: SkeletonOptions): OutlineSubsection[] {
  return section.subsections.filter((s) => (opts.subsections ? opts.subsections.has(s.id) : s.default));
}

/** Whether the full skeleton includes this section for the variant. */
export function sectionIncluded(section: OutlineSection, opts: SkeletonOptions): boolean {
  if (opts.omit?.has(section.id)) return false;
  if (section.required === "annual" && opts.meeting !== "annual") return !!opts.include?.has(section.id);
  return true;
}

/** The body paragraphs of a section or subsection (the outline is resolved for the meeting: tokens are expanded). */
function bodyBlocks(texts: string[], opts: SkeletonOptions, kind: "body" | "closing" = "body"): Block[] {
  if (opts.placeholders === false) return [];
  return texts.map((text) => {
    if (kind === "closing" && SIGNATURE_LINE.test(text) && !/^同志们/.test(text)) return { text, kind: "signature" };
    return { text, kind };
  });
}

/** Blocks for a section heading and what goes under it. `marker` is the number marker to type ("" for list-numbered or unnumbered). */
export function sectionBlocks(outline: Outline, section: OutlineSection, opts: SkeletonOptions, numbering: HeadingNumbering | null, withSubsections = true): Block[] {
  const blocks: Block[] = [];
  if (section.heading) {
    const text = section.heading;
    if (numbering?.list) blocks.push({ text, kind: "heading", level: 1, list: numbering.list });
    else blocks.push({ text: `${numbering?.marker ?? ""}${text}`, kind: "heading", level: 1 });
  }
  blocks.push(...bodyBlocks(section.paragraphs, opts, section.role === "closing" ? "closing" : "body"));
  if (withSubsections) {
    includedSubsections(section, opts).forEach((sub, i) => {
      blocks.push(...subsectionBlocks(outline, sub, opts, childNumbering(numbering, i + 1)));
    });
  }
  return blocks;
}

export function subsectionBlocks(outline: Outline, sub: OutlineSubsection, opts: SkeletonOptions, numbering: HeadingNumbering): Block[] {
  const text = sub.heading;
  const head: Block = numbering.list ? { text, kind: "heading", level: 2, list: numbering.list } : { text: `${numbering.marker}${text}`, kind: "heading", level: 2 };
  return [head, ...bodyBlocks(sub.paragraphs, opts)];
}

/** The complete skeleton: title, salutation, every section with its chosen sub-sections and placeholders. */
export function skeletonBlocks(outline: Outline, opts: SkeletonOptions = DEFAULT_VARIANT): Block[] {
  const title = outline.titles.find((t) => t.id === opts.titleId) ?? outline.titles[0];
  const blocks: Block[] = [{ text: title.text, kind: "title" }];
  if (outline.salutation) blocks.push({ text: outline.salutation, kind: "salutation" });
  let n = 0;
  for (const section of outline.sections) {
    if (!sectionIncluded(section, opts)) continue;
    const numbering = section.numbered ? typedNumbering(1, ++n) : null;
    blocks.push(...sectionBlocks(outline, section, opts, numbering));
  }
  return blocks;
}

/** A skeleton as a plain-text document (one paragraph per line), for `tigang outline --type … --format text`. */
export function skeletonText(outline: Outline, opts: SkeletonOptions = DEFAULT_VARIANT): string {
  return skeletonBlocks(outline, opts)
    .map((b) => b.text)
    .join("\n") + "\n";
}

/** How a new heading is numbered: a typed marker, or joining a Word list at a level. */
export interface HeadingNumbering {
  level: 1 | 2 | 3 | 4;
  number: number;
  /** The marker to type before the title ("三、"); "" when the heading joins a list. */
  marker: string;
  list?: { listId: string; level: number };
}

function typedNumbering(level: 1 | 2 | 3 | 4, number: number): HeadingNumbering {
  return { level, number, marker: standardMarker(level, number) };
}

function childNumbering(parent: HeadingNumbering | null, n: number): HeadingNumbering {
  const level = Math.min(4, (parent?.level ?? 0) + 1) as 1 | 2 | 3 | 4;
  if (parent?.list) return { level, number: n, marker: "", list: { listId: parent.list.listId, level: parent.list.level + 1 } };
  return typedNumbering(level, n);
}

/** The numbered headings of `doc` that come before paragraph `at` (exclusive), in document order. */
function headingsBefore(doc: ParsedDocument, at: number, runIn: boolean): Heading[] {
  return doc.flat.filter((h) => h.paragraph < at && h.source !== "unmarked" && (h.source !== "run-in" || (runIn && h.level === 1)));
}

/**
 * Whether the document numbers its level-1 points with run-in words only (第一，/一要/一是, as many speeches do):
 * then a new point continues that series. Where typed or list markers (一、) number level 1, run-in words at level 1
 * are enumerations inside a part (a 点评讲话's 一是…四是 before its 一、二、) and do not count.
 */
function runInLevelOne(doc: ParsedDocument): boolean {
  let runIn = false;
  for (const h of doc.flat) {
    if (h.level !== 1 || h.source === "unmarked") continue;
    if (h.source !== "run-in") return false;
    runIn = true;
  }
  return runIn;
}

const SEQ_WORDS = ["首先", "其次", "再次"];

/** The next marker of a run-in series after `prev` ("第二，" → "第三，", "二要" → "三要", "其次，" → "再次，"); null when it has none. */
function nextRunInMarker(prev: Heading, number: number): string | null {
  if (prev.style === "seq") return number <= SEQ_WORDS.length && prev.number !== LAST ? `${SEQ_WORDS[number - 1]}，` : null;
  const m = /^(第?)[零〇一二两三四五六七八九十百]+(.*)$/.exec(prev.marker);
  if (!m) return null;
  // 第一， is followed by its comma in the marker; 一要 / 一是 run straight into the text.
  const tail = prev.style === "di" ? (m[2] || "，") : m[2];
  return `${m[1]}${toChineseNumber(number)}${tail}`;
}

/**
 * The number a careful writer would give a heading of `level` inserted after paragraph `after`:
 * one more than the last heading of that level under the same parent, or 1 under a new parent; a heading in a
 * document numbered by Word lists joins that list at the right level instead of typing a marker.
 */
export function numberingAt(doc: ParsedDocument, after: number, level: 1 | 2 | 3 | 4): HeadingNumbering {
  const before = headingsBefore(doc, after + 1, runInLevelOne(doc));
  let prev: Heading | undefined;
  let parent: Heading | undefined;
  for (let i = before.length - 1; i >= 0; i--) {
    const h = before[i];
    if (h.level < level) {
      parent = h;
      break;
    }
    if (h.level === level && !prev) prev = h;
  }
  const number = prev && prev.number > 0 ? prev.number + 1 : 1;
  if (prev?.source === "run-in") {
    const marker = nextRunInMarker(prev, number);
    if (marker) return { level, number, marker };
  }
  const listOf = (h: Heading | undefined) => (h && h.source === "list" ? doc.paragraphs[h.paragraph] : undefined);
  const prevPara = listOf(prev);
  if (prevPara?.listId !== undefined) return { level, number, marker: "", list: { listId: prevPara.listId, level: prevPara.listLevel ?? level - 1 } };
  const parentPara = listOf(parent);
  if (!prev && parentPara?.listId !== undefined) return { level, number, marker: "", list: { listId: parentPara.listId, level: (parentPara.listLevel ?? 0) + 1 } };
  // With no sibling and no list around, but a document whose same-level headings are list-numbered elsewhere, join that list.
  if (!prev && !parent) {
    const sameLevel = doc.flat.find((h) => h.level === level && h.source === "list");
    const p = sameLevel ? doc.paragraphs[sameLevel.paragraph] : undefined;
    if (p?.listId !== undefined && sameLevel && sameLevel.paragraph > after) return { level, number, marker: "", list: { listId: p.listId, level: p.listLevel ?? level - 1 } };
  }
  return typedNumbering(level, number);
}

/**
 * Inserting a heading in the middle of typed numbering (一、 二、 | new 二、 | old 二、 三、) pushes the later siblings
 * under the same parent down by one: their markers as fixes (paragraph indices of the document before the insert).
 * Only typed, standard markers of the same series are renumbered, and only while they would collide; a gap stops it.
 * Nothing when the new heading joins a Word list (Word renumbers it) or continues a run-in series (第三，).
 */
export function renumberFollowing(doc: ParsedDocument, after: number, n: HeadingNumbering): Fix[] {
  if (n.list || !n.marker || n.marker !== standardMarker(n.level, n.number)) return [];
  const fixes: Fix[] = [];
  let next = n.number + 1;
  for (const h of doc.flat) {
    if (h.paragraph <= after) continue;
    if (h.level < n.level) break; // the parent's scope ends
    if (h.level > n.level) continue;
    if (h.source !== "text" || h.nonstandard || h.style === "di" || h.number >= next) break;
    const text = doc.paragraphs[h.paragraph]?.text ?? "";
    const expected = text.slice(h.markerOffset, h.markerOffset + h.marker.length);
    if (expected !== h.marker) break;
    fixes.push({ paragraph: h.paragraph, offset: h.markerOffset, length: h.marker.length, text: standardMarker(n.level, next), expected });
    next++;
  }
  return fixes;
}

export interface MissingSection {
  section: OutlineSection;
  /** Insert after this paragraph (-1: at the start). */
  after: number;
}

/** The required sections the document lacks, each with the place it belongs in the type's order. */
export function missingSections(doc: ParsedDocument, outline: Outline, variant: OutlineVariant = DEFAULT_VARIANT): MissingSection[] {
  const order = outline.sections.map((s) => s.role);
  const present = new Set<Role>(doc.headings.map((h) => h.role).filter((r): r is Role => !!r));
  const hasPreamble = doc.preambleEnd > doc.preambleStart && doc.paragraphs.slice(doc.preambleStart, doc.preambleEnd).some((p) => p.text.trim());
  const lastContent = lastContentParagraph(doc);
  const out: MissingSection[] = [];
  for (const section of outline.sections) {
    if (!isRequired(section, variant)) continue;
    if (section.role === "preamble") {
      if (!hasPreamble && doc.headings.length) out.push({ section, after: Math.max(doc.salutation, doc.title) });
      continue;
    }
    if (section.role === "closing") {
      if (doc.closing < 0) out.push({ section, after: lastContent });
      continue;
    }
    if (present.has(section.role)) continue;
    const idx = order.indexOf(section.role);
    // After the last present section that comes earlier in the order; else before the first that comes later.
    let after: number | null = null;
    for (const h of doc.headings) {
      const hi = h.role ? order.indexOf(h.role) : -1;
      if (hi >= 0 && hi < idx) after = h.end - 1;
    }
    if (after === null) {
      const later = doc.headings.find((h) => h.role && order.indexOf(h.role) > idx);
      after = later ? later.paragraph - 1 : doc.closing >= 0 ? doc.closing - 1 : lastContent;
    }
    out.push({ section, after: trimBlankTail(doc, after) });
  }
  return out;
}

function lastContentParagraph(doc: ParsedDocument): number {
  for (let i = doc.paragraphs.length - 1; i >= 0; i--) if (doc.paragraphs[i].text.trim()) return i;
  return doc.paragraphs.length - 1;
}

/** Step back over blank lines so a section goes right after the text it follows. */
function trimBlankTail(doc: ParsedDocument, after: number): number {
  let i = after;
  while (i > 0 && !doc.paragraphs[i]?.text.trim()) i--;
  return i;
}
