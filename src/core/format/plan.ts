// 一键排版: which paragraph of a parsed document gets which GB/T 9704 format (from the parser's structure, not from
// existing styles), the page setup and page numbers; the preview's counts, and what a host cannot do, in Chinese.
import type { ParagraphFormat } from "../blocks";
import type { Heading, ParsedDocument } from "../parse/parseDocument";
import { findEnumerations } from "../numbering";
import { firstSentenceEnd, isBlank, leadingSpace } from "../parse/text";
import { footerDistancePt, formatFor, PAGE_NUMBER_BELOW_TEXT_MM, fontSizeName, GBT_DEFAULTS, GBT_PAGE, headingBold, headingFont, mmToPt, PAGE_NUMBER, type FormatSettings } from "./gbt9704";
import type { DocumentFormats, FormatCapabilities, ParagraphFormatState } from "./types";
import { gongwenStyleNameFor } from "./ooxml";

/**
 * Whether a line is a site's junk (the checker's junk rule answers it). Passed in, not imported: the Word adapter loads
 * this module on the pane's first screen, and the junk patterns come with the checker's word lists.
 */
export type JunkLine = (text: string) => boolean;
const NO_JUNK: JunkLine = () => false;

/** What a paragraph is, for formatting. */
export type FormatKind = "title" | "subtitle" | "salutation" | "heading" | "body" | "signature";

/** How each paragraph of the document is classified: a kind to format, or left alone (blank, in a table). */
export type ParagraphClass =
  | { kind: "blank" | "table" }
  | { kind: Exclude<FormatKind, "heading">; heading?: undefined }
  | { kind: "heading"; heading: Heading; level: 1 | 2 | 3 | 4; runIn?: { offset: number; length: number } };

export interface CharFormat {
  font: string;
  sizePt: number;
  bold: boolean;
}

export interface PlannedParagraph {
  paragraph: number;
  /** The paragraph's text when planned: the host skips a paragraph whose text has changed since. */
  expected: string;
  kind: FormatKind;
  level?: 1 | 2 | 3 | 4;
  /** The paragraph's format: paragraph properties, and the character format of all its text. */
  format: ParagraphFormat;
  /** Font for digits and Latin letters, when the settings give one. */
  asciiFont?: string;
  /**
   * A run-in heading ("（一）提高政治站位。一是……"): the paragraph is formatted as body text and only its heading
   * sentence (marker, title and the mark that ends it) gets the heading's font.
   */
  runIn?: { offset: number; length: number; text: string; format: CharFormat };
  /** A Word list item: its style and indents stay (the list defines them, and another style could drop the numbering). */
  listItem?: boolean;
  /**
   * A 落款 line's right indent in points (see signatureIndents): right-aligned, the signature 右空二字 and the date's
   * first character two characters right of the signature's. Hosts set it as the paragraph's right indent.
   */
  rightIndentPt?: number;
}

export interface PageSetupPlan {
  paperSize: "A4";
  pageWidthPt: number;
  pageHeightPt: number;
  topMarginPt: number;
  bottomMarginPt: number;
  leftMarginPt: number;
  rightMarginPt: number;
  /** Footer distance putting the page number 7 mm below the text block (GB/T 9704 7.5). */
  footerDistancePt: number;
}

export interface PageNumberPlan {
  font: string;
  sizePt: number;
  /** "gbt": odd pages right, even pages left, one character in from the edge (GB/T 9704 7.5); "center": centred. */
  position: "gbt" | "center";
  /** Text around the PAGE field: “— 1 —”. */
  before: string;
  after: string;
}

export interface FormatOptions {
  pageSetup: boolean;
  pageNumbers: boolean;
  pageNumberPosition: "gbt" | "center";
}

export const DEFAULT_FORMAT_OPTIONS: FormatOptions = { pageSetup: true, pageNumbers: true, pageNumberPosition: "gbt" };

export interface FormatPlan {
  paragraphs: PlannedParagraph[];
  page: PageSetupPlan | null;
  pageNumbers: PageNumberPlan | null;
  /** Paragraphs left alone. */
  untouched: { blank: number; table: number };
}

const DATE = /^[（(]?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[）)]?$/;
const UNIT = /(委员会|党委|党组|党支部|支部|办公室|办公厅|政府|局|厅|委|院|校|公司|集团|中心|处|部)$/;
const SENTENCE_PUNCT = /[。，,；;！!？?：:]/;
const SIGNATURE_MAX = 30;

/** Whether a paragraph's trimmed text is a date line ("2023年6月29日", "二〇二三年六月二十九日"). */
export function isDateLine(text: string): boolean {
  return DATE.test(text.replace(/[\s\u3000]/g, ""));
}

/** A 附注 such as “（此件公开发布）”: a line wholly in brackets that is not a date. */
function isNoteLine(text: string): boolean {
  const t = text.trim();
  return /^[（(][^（()）]+[)）]$/.test(t) && !isDateLine(t) && !/(?:\d|[〇○零一二三四五六七八九十])\s*[年月]/.test(t);
}

/**
 * The 落款 at the end: the unit or name and the date, right-aligned. Short lines without sentence punctuation.
 * A 附注 after the date (“（此件公开发布）”) is not part of it: GB/T 9704 7.3.6 sets it 居左空二字, as body text.
 */
function signatureLines(doc: ParsedDocument, headingAt: Map<number, Heading>, junkLine: JunkLine): number[] {
  const lines: number[] = [];
  const texts = doc.paragraphs.map((p) => (typeof p?.text === "string" ? p.text : ""));
  let noteSeen = false;
  for (let i = texts.length - 1; i >= 0 && lines.length < 4; i--) {
    const t = texts[i].trim();
    if (!t) continue;
    // A site's junk line at the end ("仅供学习 禁止外传") is never the 落款: it is stepped over, and stays body text.
    if (junkLine(t)) {
      if (lines.length) break;
      continue;
    }
    if (i === doc.title || i === doc.salutation || headingAt.has(i) || doc.paragraphs[i]?.inTable) break;
    if (i < doc.preambleStart || t.length > SIGNATURE_MAX || SENTENCE_PUNCT.test(t)) break;
    if (!lines.length && !noteSeen && isNoteLine(t)) {
      noteSeen = true;
      continue;
    }
    lines.push(i);
  }
  if (!lines.length) return [];
  const dated = lines.some((i) => isDateLine(texts[i]));
  const afterClosing = doc.closing >= 0 && lines.every((i) => i > doc.closing);
  const units = lines.every((i) => isDateLine(texts[i]) || UNIT.test(texts[i].trim()));
  // A single unpunctuated last line with nothing else to go on could be a heading or a caption: left as body.
  return dated || afterClosing || units ? lines.sort((a, b) => a - b) : [];
}

/** Lines between the title and the body: the speaker, a date in brackets, a subtitle. Centred. */
function subtitleLines(doc: ParsedDocument, headingAt: Map<number, Heading>): number[] {
  if (doc.title < 0) return [];
  const out: number[] = [];
  const end = doc.salutation >= 0 ? doc.salutation : doc.preambleEnd;
  for (let i = doc.title + 1; i < end && out.length < 3; i++) {
    const text = doc.paragraphs[i]?.text ?? "";
    const t = text.trim();
    if (!t) continue;
    if (headingAt.has(i) || doc.paragraphs[i]?.inTable) break;
    // Between the title and the salutation everything is a subtitle; without a salutation, only short unpunctuated lines.
    if (doc.salutation < 0 && (t.length > SIGNATURE_MAX || /[。；;！!？?，,]/.test(t))) break;
    out.push(i);
  }
  return out;
}

/**
 * Items of one list (1. 2. 3. or （1）（2）under one parent) look alike: when any of them is a run-in heading (its heading
 * sentence followed by text), a sibling that is only a heading sentence is formatted the same way (body text with the
 * heading sentence in the heading font), never 标题 3 beside a 正文 sibling.
 */
function alignSiblingItems(doc: ParsedDocument, classes: ParagraphClass[]): void {
  const visit = (hs: readonly Heading[]) => {
    for (const level of [3, 4] as const) {
      const items = hs.filter((h) => h.level === level && h.source !== "run-in");
      const cls = items.map((h) => classes[h.paragraph]);
      if (!cls.some((c) => c.kind === "heading" && c.runIn)) continue;
      items.forEach((h, k) => {
        const c = cls[k];
        if (c.kind !== "heading" || c.runIn) return;
        const text = doc.paragraphs[h.paragraph].text;
        const start = h.source === "text" ? h.markerOffset : leadingSpace(text);
        classes[h.paragraph] = { ...c, runIn: { offset: start, length: text.trimEnd().length - start } };
      });
    }
    for (const h of hs) if (h.children.length) visit(h.children);
  };
  visit(doc.headings);
}

/** Classify every paragraph of a parsed document for formatting; `junkLine` keeps a site's junk out of the 落款. */
export function classifyParagraphs(doc: ParsedDocument, junkLine: JunkLine = NO_JUNK): ParagraphClass[] {
  const headingAt = new Map(doc.flat.map((h) => [h.paragraph, h] as const));
  const signature = new Set(signatureLines(doc, headingAt, junkLine));
  const subtitle = new Set(subtitleLines(doc, headingAt));
  const classes = doc.paragraphs.map((p, i): ParagraphClass => {
    const text = typeof p?.text === "string" ? p.text : "";
    if (p?.inTable) return { kind: "table" };
    if (isBlank(text)) return { kind: "blank" };
    if (i === doc.title) return { kind: "title" };
    if (i === doc.salutation) return { kind: "salutation" };
    if (subtitle.has(i)) return { kind: "subtitle" };
    if (signature.has(i)) return { kind: "signature" };
    const h = headingAt.get(i);
    // 一是/一要/第一，/首先 opening paragraphs are enumerations in the text, not GB/T 9704 structure levels: body.
    if (!h || h.source === "run-in") return { kind: "body" };
    // The heading sentence: from the marker (or the start, for a list label) to the mark that ends the title.
    const start = h.source === "text" ? h.markerOffset : leadingSpace(text);
    const end = firstSentenceEnd(text, Math.max(h.titleOffset, start));
    if (isBlank(text.slice(end))) return { kind: "heading", heading: h, level: h.level };
    return { kind: "heading", heading: h, level: h.level, runIn: { offset: start, length: end - start } };
  });
  alignSiblingItems(doc, classes);
  return classes;
}

/** The formatting plan for a parsed document under the settings (fonts, sizes) and options (page, page numbers). */
export function planFormatting(doc: ParsedDocument, settings: FormatSettings = GBT_DEFAULTS, options: FormatOptions = DEFAULT_FORMAT_OPTIONS, junkLine: JunkLine = NO_JUNK): FormatPlan {
  const classes = classifyParagraphs(doc, junkLine);
  const untouched = { blank: 0, table: 0 };
  const paragraphs: PlannedParagraph[] = [];
  const body = formatFor("body", undefined, settings);
  const asciiFont = settings.asciiFont?.trim() || undefined;
  classes.forEach((c, i) => {
    if (c.kind === "blank" || c.kind === "table") {
      untouched[c.kind]++;
      return;
    }
    const expected = doc.paragraphs[i].text;
    const listItem = !!doc.paragraphs[i].listString;
    const planned: PlannedParagraph = { paragraph: i, expected, kind: c.kind, format: body };
    switch (c.kind) {
      case "title":
        planned.format = formatFor("title", undefined, settings);
        break;
      case "subtitle":
        planned.format = { ...body, alignment: "centered", firstLineIndentPt: 0 };
        break;
      case "salutation":
        planned.format = formatFor("salutation", undefined, settings);
        break;
      case "signature":
        planned.format = formatFor("signature", undefined, settings);
        break;
      case "heading": {
        planned.level = c.level;
        if (c.runIn) {
          planned.format = body;
          planned.runIn = {
            ...c.runIn,
            text: expected.slice(c.runIn.offset, c.runIn.offset + c.runIn.length),
            format: { font: headingFont(c.level, settings), sizePt: settings.bodySizePt, bold: headingBold(c.level, settings) },
          };
        } else planned.format = formatFor("heading", c.level, settings);
        break;
      }
      default:
        break;
    }
    if (asciiFont) planned.asciiFont = asciiFont;
    if (listItem) planned.listItem = true;
    paragraphs.push(planned);
  });
  const signature = paragraphs.filter((p) => p.kind === "signature");
  const indents = signatureIndents(signature.map((p) => p.expected), settings.bodySizePt);
  signature.forEach((p, k) => (p.rightIndentPt = indents[k]));
  const page: PageSetupPlan | null = options.pageSetup
    ? {
        paperSize: "A4",
        pageWidthPt: mmToPt(GBT_PAGE.widthMm),
        pageHeightPt: mmToPt(GBT_PAGE.heightMm),
        topMarginPt: mmToPt(GBT_PAGE.topMm),
        bottomMarginPt: mmToPt(GBT_PAGE.bottomMm),
        leftMarginPt: mmToPt(GBT_PAGE.leftMm),
        rightMarginPt: mmToPt(GBT_PAGE.rightMm),
        footerDistancePt: footerDistancePt(GBT_PAGE.bottomMm, PAGE_NUMBER.sizePt),
      }
    : null;
  const pageNumbers: PageNumberPlan | null = options.pageNumbers
    ? { font: PAGE_NUMBER.font, sizePt: PAGE_NUMBER.sizePt, position: options.pageNumberPosition, before: PAGE_NUMBER.before, after: PAGE_NUMBER.after }
    : null;
  return { paragraphs, page, pageNumbers, untouched };
}

/** A line's width in characters of its font size: half a character for ASCII (digits, Latin letters), one for the rest. */
function widthInChars(text: string): number {
  let w = 0;
  for (const c of text.trim()) w += c >= " " && c <= "~" ? 0.5 : 1;
  return w;
}

/**
 * Right indents of the 落款 lines (GB/T 9704-2012 7.3.5.2, a document without a seal): the signature 右空二字, the date
 * on the line below with its first character two characters right of the signature's first; when the date is the
 * longer, the date 右空二字 and the signature moves left to keep the two characters. Several signature lines share
 * one starting column; without a date every line is 右空二字.
 */
export function signatureIndents(lines: readonly string[], sizePt: number): number[] {
  const date = lines.map(isDateLine);
  if (!date.some(Boolean) || date.every(Boolean)) return lines.map(() => 2 * sizePt);
  // Where each line starts, in characters from the right margin: the signature 右空二字 puts the date's start at the
  // signature's width; a longer date is 右空二字 itself, and the signature starts two characters before it.
  const nameWidth = Math.max(...lines.filter((_, k) => !date[k]).map(widthInChars));
  const dateStart = Math.max(nameWidth, ...lines.filter((_, k) => date[k]).map((t) => 2 + widthInChars(t)));
  const nameStart = dateStart + 2;
  return lines.map((t, k) => ((date[k] ? dateStart : nameStart) - widthInChars(t)) * sizePt);
}

// ---------------------------------------------------------------------------------------------------------------
// Page numbers: which footers get them, decided the same way by every host.

export interface PageNumberLayout {
  /** Footers of the first section to fill (both must be empty), with the paragraph's alignment and indents. */
  footers: { kind: "Primary" | "EvenPages"; alignment: "right" | "left" | "centered"; leftIndentPt: number; rightIndentPt: number }[];
  /** Turn on different odd and even footers (GB/T 9704: odd pages right, even pages left). */
  setOddAndEven: boolean;
  note?: string;
}

/** Where page numbers go, given what the first section's footers and header hold. Never over existing footer content. */
export function pageNumberLayout(plan: PageNumberPlan, state: { primaryFooterEmpty: boolean; evenFooterEmpty: boolean; headerEmpty: boolean; oddAndEven: boolean }): PageNumberLayout {
  const indent = plan.sizePt; // 空一字: one character of 4号
  if (!state.primaryFooterEmpty || (state.oddAndEven && !state.evenFooterEmpty)) {
    return { footers: [], setOddAndEven: false, note: "页脚已有内容（可能已有页码），未插入页码，以免重复。如需国标页码，请先删除原页脚。" };
  }
  if (plan.position === "gbt") {
    // Turning on odd/even footers gives even pages their own (empty) header: a document with a header would lose it there.
    if (state.oddAndEven || state.headerEmpty) {
      return {
        footers: [
          { kind: "Primary", alignment: "right", leftIndentPt: 0, rightIndentPt: indent },
          { kind: "EvenPages", alignment: "left", leftIndentPt: indent, rightIndentPt: 0 },
        ],
        setOddAndEven: !state.oddAndEven,
      };
    }
    return {
      footers: [{ kind: "Primary", alignment: "centered", leftIndentPt: 0, rightIndentPt: 0 }],
      setOddAndEven: false,
      note: "文档有页眉：为免偶数页页眉消失，页码改为居中，未按单页居右、双页居左编排。",
    };
  }
  return { footers: [{ kind: "Primary", alignment: "centered", leftIndentPt: 0, rightIndentPt: 0 }], setOddAndEven: false };
}

// ---------------------------------------------------------------------------------------------------------------
// The preview: counts by kind, how many need a change, and what this host cannot do.

export interface PlanSummaryRow {
  key: string;
  label: string;
  count: number;
  /** Paragraphs whose format differs from the plan (when the document's formats were read). */
  changes?: number;
  detail?: string;
  /** This Word cannot apply the row (no interface for it): why, in Chinese; the preview marks it instead of listing it as a change. */
  unavailable?: string;
}

const KIND_LABEL: Record<string, string> = {
  title: "标题",
  subtitle: "副标题与署名",
  salutation: "称呼（主送）",
  "heading-1": "一级标题",
  "heading-2": "二级标题",
  "heading-3": "三级标题",
  "heading-4": "四级标题",
  body: "正文",
  signature: "落款与日期",
};
const KIND_ORDER = ["title", "subtitle", "salutation", "heading-1", "heading-2", "heading-3", "heading-4", "body", "signature"];

function keyOf(p: PlannedParagraph): string {
  return p.kind === "heading" ? `heading-${p.level ?? 1}` : p.kind;
}

function describeFormat(p: PlannedParagraph): string {
  const f = p.format;
  const size = fontSizeName(f.sizePt);
  const align = { left: "左对齐", centered: "居中", right: "右对齐", justified: "两端对齐" }[f.alignment];
  const indent = f.firstLineIndentPt > 0 ? "，首行缩进 2 字" : "";
  const run = p.runIn ? `；段首标题句用${p.runIn.format.font}${p.runIn.format.bold ? "加粗" : ""}` : "";
  return `${size}${f.font}${f.bold ? "加粗" : ""}，${align}${indent}${run}`;
}

/** Counts by kind for the preview (标题 1 段, 一级标题 N 段, …), with the page rows. */
export function summarizePlan(plan: FormatPlan, formats?: DocumentFormats | null): PlanSummaryRow[] {
  const caps = formats?.capabilities;
  const rows = new Map<string, PlanSummaryRow>();
  const detailFromRunIn = new Set<string>();
  for (const p of plan.paragraphs) {
    const key = keyOf(p);
    let row = rows.get(key);
    if (!row) {
      row = { key, label: KIND_LABEL[key] ?? key, count: 0, detail: describeFormat(p) };
      if (formats) row.changes = 0;
      if (p.runIn) detailFromRunIn.add(key);
      rows.set(key, row);
    }
    row.count++;
    // A heading row describes its standalone headings; a run-in one only when there is no other.
    if (!p.runIn && detailFromRunIn.delete(key)) row.detail = describeFormat(p);
    if (formats && needsChange(p, formats.paragraphs[p.paragraph], caps, formats.styles)) row.changes!++;
  }
  const runIns = plan.paragraphs.filter((p) => p.runIn).length;
  const out = KIND_ORDER.filter((k) => rows.has(k)).map((k) => rows.get(k)!);
  if (runIns) out.push({ key: "run-in", label: "其中段首标题（标题后接正文）", count: runIns, detail: "整段按正文排，只把标题句设为标题字体" });
  const lists = plan.paragraphs.filter((p) => p.listItem).length;
  if (lists) out.push({ key: "list", label: "其中自动编号段落", count: lists, detail: "保留原样式和缩进，以免编号丢失" });
  if (plan.page) {
    const row: PlanSummaryRow = { key: "page", label: "页面设置", count: 1, detail: `A4，上 ${GBT_PAGE.topMm} 毫米、下 ${GBT_PAGE.bottomMm} 毫米、左 ${GBT_PAGE.leftMm} 毫米、右 ${GBT_PAGE.rightMm} 毫米；页脚位置使页码位于版心下边缘之下约 ${PAGE_NUMBER_BELOW_TEXT_MM} 毫米` };
    if (caps && !caps.pageSetup) row.unavailable = "此版本 Word 不能由加载项设置页面，需手动设置（步骤见下）";
    out.push(row);
  }
  if (plan.pageNumbers) {
    const where = plan.pageNumbers.position === "gbt" ? "单页居右、双页居左，各空一字" : "居中";
    const row: PlanSummaryRow = { key: "page-numbers", label: "页码", count: 1, detail: `${fontSizeName(plan.pageNumbers.sizePt)}${plan.pageNumbers.font}“${plan.pageNumbers.before}1${plan.pageNumbers.after}”，${where}（只写入空白页脚）` };
    if (caps && !caps.pageNumbers) row.unavailable = "此版本 Word 不能由加载项插入页码，需手动插入（步骤见下）";
    out.push(row);
  }
  if (caps && !caps.fixedLineSpacing && plan.paragraphs.length) {
    const unstyled = unstyledCount(plan, formats?.styles);
    const row: PlanSummaryRow = { key: "line-spacing", label: "固定行距", count: 1, detail: `固定值 ${plan.paragraphs[0].format.lineSpacingPt} 磅${unstyled < plan.paragraphs.length ? "（由公文样式设置）" : ""}` };
    if (unstyled === plan.paragraphs.length) row.unavailable = "此版本 Word 不能由加载项设置固定值行距，需手动设置（步骤见下）";
    else if (unstyled) row.unavailable = `其中 ${unstyled} 段不套用公文样式（自动编号段落等），其行距需手动设置（步骤见下）`;
    out.push(row);
  }
  return out;
}

const ALIGN_OF: Record<string, string> = { left: "left", centered: "centered", center: "centered", right: "right", justified: "justified", justify: "justified" };
const close = (a: number | null | undefined, b: number) => typeof a === "number" && Math.abs(a - b) < 0.5;

/** The 公文 style a planned paragraph takes in a document that has the styles `styles` (their names), or null. */
export function plannedStyle(p: PlannedParagraph, styles: readonly string[] | undefined): string | null {
  if (!styles?.length) return null;
  const name = gongwenStyleNameFor({ ...p, rightIndentPt: p.rightIndentPt ?? 0 });
  return name && styles.includes(name) ? name : null;
}

/** How many planned paragraphs take no 公文 style (all of them in a document without the styles). */
function unstyledCount(plan: FormatPlan, styles: readonly string[] | undefined): number {
  return plan.paragraphs.filter((p) => !plannedStyle(p, styles)).length;
}

/**
 * Whether a paragraph's current format differs from its plan (an unknown or mixed value counts as a difference). With
 * the document's 公文 styles (`styles`), a paragraph that takes one must have it, and its line spacing comes from it.
 */
export function needsChange(p: PlannedParagraph, st: ParagraphFormatState | undefined, caps?: FormatCapabilities, styles?: readonly string[]): boolean {
  if (!st) return true;
  const f = p.format;
  const styled = plannedStyle(p, styles);
  if (styled ? st.style !== styled : !p.listItem && f.styleBuiltIn && st.styleBuiltIn !== f.styleBuiltIn) return true;
  if (st.font !== f.font || !close(st.sizePt, f.sizePt) || st.bold !== f.bold) return true;
  if (ALIGN_OF[String(st.alignment ?? "").toLowerCase()] !== f.alignment) return true;
  if (!p.listItem && (!close(st.firstLineIndentPt, f.firstLineIndentPt) || !close(st.leftIndentPt ?? 0, 0) || !close(st.rightIndentPt ?? 0, p.rightIndentPt ?? 0))) return true;
  if ((!caps || caps.fixedLineSpacing || styled) && !close(st.lineSpacingPt, f.lineSpacingPt)) return true;
  if (!close(st.spaceBeforePt ?? 0, 0) || !close(st.spaceAfterPt ?? 0, 0)) return true;
  if (p.asciiFont && (!caps || caps.asciiFont) && st.asciiFont !== p.asciiFont) return true;
  if (p.runIn) {
    const run = st.runs?.find((r) => r.offset === p.runIn!.offset && r.length === p.runIn!.length);
    if (!run || run.font !== p.runIn.format.font || run.bold !== p.runIn.format.bold) return true;
  }
  return false;
}

/**
 * What this Word cannot do of this plan, as steps in Chinese for the user (no interface names). The reasons, for the
 * maintainers: Word's add-in interface sets only multiple line spacing (no 固定值); page setup needs WordApiDesktop 1.3;
 * page-number fields need WordApi 1.5 (odd/even footers WordApiDesktop 1.3); a separate Latin font needs WordApiDesktop 1.3.
 */
export function formatNotes(plan: FormatPlan, caps: FormatCapabilities, settings: FormatSettings = GBT_DEFAULTS, styles?: readonly string[]): string[] {
  const notes: string[] = [];
  // A paragraph given a 公文 style takes the style's exact line spacing; the others keep what they have.
  const unstyled = unstyledCount(plan, styles);
  if (unstyled && !caps.fixedLineSpacing) {
    notes.push(
      unstyled === plan.paragraphs.length
        ? `行距需手动设置（此版本 Word 不允许加载项设“固定值”行距）：按 Ctrl+A 全选 → 右键“段落” → 行距选“固定值”，设置值填 ${settings.lineSpacingPt} 磅 → 确定。`
        : `套用公文样式的段落，行距为样式中的固定值；其余 ${unstyled} 段不套用样式（自动编号段落、称谓、与落款错开的日期等），行距需手动设置：选中这些段落 → 右键“段落” → 行距选“固定值”，设置值填 ${settings.lineSpacingPt} 磅 → 确定。`,
    );
  }
  if (plan.page && !caps.pageSetup) {
    notes.push(
      `页面需手动设置（此版本 Word 不允许加载项改纸张和页边距，网页版 Word 也不行）：布局 → 页边距 → 自定义页边距 → 上 ${GBT_PAGE.topMm} 毫米、下 ${GBT_PAGE.bottomMm} 毫米、左 ${GBT_PAGE.leftMm} 毫米、右 ${GBT_PAGE.rightMm} 毫米 → 纸张选 A4 → 确定。`,
    );
  }
  if (plan.pageNumbers && !caps.pageNumbers) {
    notes.push(
      `页码需手动插入（此版本 Word 不允许加载项插入页码）：插入 → 页码 → 页面底端 → 选中页码，设为 ${fontSizeName(plan.pageNumbers.sizePt)}${plan.pageNumbers.font} → 在页码两侧各输入一字线，成“— 1 —”。`,
    );
  }
  if (plan.paragraphs.some((p) => p.asciiFont) && !caps.asciiFont) {
    notes.push("数字和字母的字体未单独设置（此版本 Word 不允许加载项单独设西文字体），现与中文同一字体。如需单独设置：Ctrl+A 全选 → 右键“字体” → 西文字体选所需字体 → 确定。");
  }
  return notes;
}

/** Whether a paragraph opens with a run-in enumeration word (一是/首先/第一，): it starts a new point, never continues a line. */
export function opensWithEnumeration(text: string): boolean {
  const first = findEnumerations(text)[0];
  return !!first && first.offset === leadingSpace(text);
}
