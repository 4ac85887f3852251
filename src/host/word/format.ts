// 一键排版 and 撤销排版 in Word: paragraph formats, or the 公文 styles by name where the document has them (WordApi 1.5),
// page setup (WordApiDesktop 1.3), page numbers (WordApi 1.5).
import { formatNotes, pageNumberLayout, plannedStyle, type FormatPlan, type PageNumberLayout, type PageNumberPlan, type PlannedParagraph } from "../../core/format/plan";
import type { DocumentFormats, FormatApplyResult, FormatBackup, FormatCapabilities, PageSetupState, ParagraphFormatState, RestoreResult } from "../../core/format/types";
import { isBlank } from "../../core/parse/text";
import { MAX_SEARCH, searchExact, writeSync, type Ctx } from "./shared";
import { queueStyleLookup } from "./styles";

/** Every paragraph's format, the page setup and whether the footer is free, in one sync (the preview). */
export async function readFormatsIn(context: Ctx, caps: FormatCapabilities): Promise<DocumentFormats> {
  const paras = context.document.body.paragraphs;
  paras.load(formatFields(caps));
  const lookup = caps.namedStyles ? queueStyleLookup(context) : null;
  let sections: Word.SectionCollection | null = null;
  if (caps.pageSetup) {
    sections = context.document.sections;
    sections.load(PAGE_SETUP_LOAD);
  }
  let footer: Word.Body | null = null;
  if (caps.pageNumbers) {
    footer = context.document.sections.getFirst().getFooter("Primary");
    footer.load("text");
  }
  await context.sync();
  const first = sections?.items[0];
  const formats: DocumentFormats = {
    paragraphs: paras.items.map((p) => wordFormatState(p, caps)),
    page: first ? pageState(first.pageSetup) : null,
    footerEmpty: footer ? isBlank(footer.text ?? "") : null,
    capabilities: caps,
  };
  if (lookup) formats.styles = lookup();
  return formats;
}

/**
 * 一键排版: read and verify (with the 公文 styles the document has), (find run-in heading sentences), write and read back
 * the indents and the styled paragraphs' line spacing: 2 or 3 syncs. Returns the formats it replaced.
 */
export async function applyFormattingIn(context: Ctx, caps: FormatCapabilities, plan: FormatPlan): Promise<FormatApplyResult> {
  const paras = context.document.body.paragraphs;
  paras.load(formatFields(caps));
  const lookup = caps.namedStyles ? queueStyleLookup(context) : null;
  const numbers = caps.pageNumbers ? plan.pageNumbers : null;
  let sections: Word.SectionCollection | null = null;
  if ((plan.page && caps.pageSetup) || numbers) {
    sections = context.document.sections;
    sections.load(PAGE_SETUP_LOAD);
  }
  let hf: { Primary: Word.Body; EvenPages: Word.Body; header: Word.Body } | null = null;
  if (numbers) {
    const first = context.document.sections.getFirst();
    hf = { Primary: first.getFooter("Primary"), EvenPages: first.getFooter("EvenPages"), header: first.getHeader("Primary") };
    for (const b of Object.values(hf)) b.load("text");
  }
  await context.sync();
  // Only a style this read found is set by name (a missing name would fail the write); the others keep today's formats.
  const present = lookup ? lookup() : [];
  const notes = formatNotes(plan, caps, undefined, present);

  // Verify: a paragraph whose text changed since the plan (or that is now in a table) is skipped.
  const targets: { pp: PlannedParagraph; para: Word.Paragraph; style: string | null }[] = [];
  let skipped = 0;
  for (const pp of plan.paragraphs) {
    const para = paras.items[pp.paragraph];
    if (!para || para.text !== pp.expected || para.tableNestingLevel > 0) skipped++;
    else targets.push({ pp, para, style: plannedStyle(pp, present) });
  }
  // Run-in headings: their sentence is found by a search (loaded, so a miss cannot fail the batch).
  const runFields = caps.asciiFont ? "items/text,items/font/name,items/font/size,items/font/bold,items/font/nameAscii" : "items/text,items/font/name,items/font/size,items/font/bold";
  const searches = targets.map(({ pp, para }) => {
    const r = pp.runIn;
    if (!r || isBlank(r.text) || r.text.length > MAX_SEARCH) return null;
    const found = searchExact(para, r.text);
    found.load(runFields);
    return found;
  });
  if (searches.some(Boolean)) await context.sync();

  const backup: FormatBackup = { paragraphs: [], page: null, pageNumbers: null };
  let runInMissed = 0;
  targets.forEach(({ pp, para, style }, k) => {
    const entry: FormatBackup["paragraphs"][number] = { paragraph: pp.paragraph, expected: pp.expected, before: changedState(pp, wordFormatState(para, caps), caps, !!style) };
    if (style) {
      entry.styledAs = style;
      if (para.style !== style) entry.restyled = true;
    } else if (!pp.listItem && pp.format.styleBuiltIn && para.styleBuiltIn !== pp.format.styleBuiltIn && !caps.fixedLineSpacing) entry.restyled = true;
    // The sentence opens the paragraph: the first hit reading exactly it (a search may also match other-width forms).
    const range = pp.runIn ? searches[k]?.items.find((r) => r.text === pp.runIn!.text) : undefined;
    if (pp.runIn && range) {
      entry.runIn = { text: pp.runIn.text, font: uniformText(range.font.name), sizePt: finite(range.font.size), bold: flag(range.font.bold) };
      if (caps.asciiFont) entry.runIn.asciiFont = uniformText(range.font.nameAscii);
    }
    setParagraphFormat(para, pp, caps, style);
    if (pp.runIn) {
      if (range) {
        range.font.name = pp.runIn.format.font;
        if (pp.asciiFont && caps.asciiFont) range.font.nameAscii = pp.asciiFont;
        range.font.size = pp.runIn.format.sizePt;
        range.font.bold = pp.runIn.format.bold;
      } else runInMissed++;
    }
    backup.paragraphs.push(entry);
  });
  if (runInMissed) notes.push(`有 ${runInMissed} 个段首标题句未能在 Word 中定位（过长或含特殊内容），这些段落整段按正文排版。`);

  if (plan.page && caps.pageSetup && sections) {
    backup.page = sections.items.map((s) => pageState(s.pageSetup));
    for (const s of sections.items) setPageSetup(s.pageSetup, plan.page);
  }
  if (numbers && hf && sections?.items[0]) {
    const first = sections.items[0];
    const oddAndEven = !!first.pageSetup.oddAndEvenPagesHeaderFooter;
    const layout = pageNumberLayout(numbers, {
      primaryFooterEmpty: isBlank(hf.Primary.text ?? ""),
      evenFooterEmpty: isBlank(hf.EvenPages.text ?? ""),
      headerEmpty: isBlank(hf.header.text ?? ""),
      oddAndEven,
    });
    if (layout.note) notes.push(layout.note);
    if (layout.footers.length) {
      backup.pageNumbers = { footers: layout.footers.map((f) => f.kind), oddAndEvenBefore: oddAndEven };
      if (layout.setOddAndEven) first.pageSetup.oddAndEvenPagesHeaderFooter = true;
      for (const f of layout.footers) {
        writePageNumber(hf[f.kind], numbers, f);
        hf[f.kind].load("text");
      }
    }
  }
  // Read back the first-line indents just set: an indent in characters (w:firstLineChars, "首行缩进 2 字符") wins over
  // points, and Office.js has no setter for it (office-js #5440). Such a paragraph is reported, not claimed.
  // A styled paragraph's line spacing is read back too: Word may keep a paragraph's own spacing over its new style's.
  for (const { para, style } of targets) para.load(style ? "firstLineIndent,lineSpacing" : "firstLineIndent");
  await writeSync(context, "format");
  if (backup.pageNumbers && hf) backup.pageNumbers.written = backup.pageNumbers.footers.map((k) => hf![k].text ?? "");
  const unchanged = targets.filter(({ pp, para }) => !pp.listItem && typeof para.firstLineIndent === "number" && Math.abs(para.firstLineIndent - pp.format.firstLineIndentPt) > 0.5).length;
  const spacing = targets.filter(({ pp, para, style }) => style && typeof para.lineSpacing === "number" && Math.abs(para.lineSpacing - pp.format.lineSpacingPt) > 0.5);
  if (spacing.length) {
    const pt = spacing[0].pp.format.lineSpacingPt;
    notes.push(`有 ${spacing.length} 段已套用公文样式，但读回的行距不是固定值 ${pt} 磅（段落自身的行距设置优先于样式，或样式中的行距已被改动）。请选中这些段落，在“段落”对话框中把行距设为固定值 ${pt} 磅；或在“样式”窗格中修改该样式。`);
  }
  if (unchanged) notes.push(`有 ${unchanged} 段的首行缩进是按“字符”设置的（如“首行缩进 2 字符”），加载项接口无法修改这种缩进，这些段落的缩进未变。请在 Word 的“段落”对话框中把缩进改为以“磅”或“厘米”为单位后重新排版。`);
  return { applied: targets.length, skipped, backup, notes };
}

/** 撤销排版: verify, (find run-in heading sentences), then restore: 2 or 3 syncs; a paragraph or footer changed since is left alone. */
export async function restoreFormattingIn(context: Ctx, caps: FormatCapabilities, backup: FormatBackup): Promise<RestoreResult> {
  const paras = context.document.body.paragraphs;
  paras.load("items/text");
  // A style put back by name must still exist (the user may have deleted it since): looked up where WordApi 1.5 can.
  const byName = [...new Set(backup.paragraphs.map((b) => restoredStyleName(b.before)).filter((n): n is string => !!n))];
  const styleCheck = caps.namedStyles && byName.length ? byName.map((name) => ({ name, st: context.document.getStyles().getByNameOrNullObject(name).load("isNullObject") })) : null;
  let sections: Word.SectionCollection | null = null;
  if (backup.page || backup.pageNumbers) {
    sections = context.document.sections;
    sections.load("items");
  }
  // The footers 一键排版 wrote, as they read now: one the user has changed since is left alone.
  const footers = backup.pageNumbers ? backup.pageNumbers.footers.map((kind) => context.document.sections.getFirst().getFooter(kind)) : [];
  for (const f of footers) f.load("text");
  await context.sync();
  const live = backup.paragraphs.filter((b) => paras.items[b.paragraph]?.text === b.expected);
  const skipped = backup.paragraphs.length - live.length;
  // Run-in sentences: found by a loaded search (a miss cannot fail the write), the first hit reading exactly the sentence.
  const runSearches = live.map((b) => (b.runIn && b.runIn.text.length <= MAX_SEARCH ? searchExact(paras.items[b.paragraph], b.runIn.text).load("items/text") : null));
  if (runSearches.some(Boolean)) await context.sync();
  const missing = new Set(styleCheck?.filter((c) => c.st.isNullObject).map((c) => c.name) ?? []);
  let restored = 0;
  let styleKept = 0;
  for (const [k, b] of live.entries()) {
    const para = paras.items[b.paragraph];
    const name = restoredStyleName(b.before);
    if (name && missing.has(name)) styleKept++;
    restoreParagraphFormat(para, b.before, caps, !(name && missing.has(name)));
    const range = b.runIn ? runSearches[k]?.items.find((r) => r.text === b.runIn!.text) : undefined;
    if (b.runIn && range) {
      if (b.runIn.font) range.font.name = b.runIn.font;
      if (b.runIn.asciiFont && caps.asciiFont) range.font.nameAscii = b.runIn.asciiFont;
      if (typeof b.runIn.sizePt === "number") range.font.size = b.runIn.sizePt;
      if (typeof b.runIn.bold === "boolean") range.font.bold = b.runIn.bold;
    }
    restored++;
  }
  if (backup.page && sections) backup.page.forEach((st, i) => sections!.items[i] && restorePageSetup(sections!.items[i].pageSetup, st));
  let keptFooters = 0;
  if (backup.pageNumbers && sections?.items[0]) {
    const first = sections.items[0];
    const written = backup.pageNumbers.written;
    footers.forEach((f, i) => {
      if (!written || f.text === written[i]) f.clear();
      else keptFooters++;
    });
    if (backup.pageNumbers.oddAndEvenBefore === false && !keptFooters) first.pageSetup.oddAndEvenPagesHeaderFooter = false;
  }
  await writeSync(context, "format");
  const notes = skipped ? [`有 ${skipped} 段在排版之后已被修改，未还原其格式。`] : [];
  if (keptFooters) notes.push("页脚在排版之后已被修改，保留了页脚中的页码和文字；如不需要，请手动删除。");
  if (styleKept) notes.push(`有 ${styleKept} 段原来的样式（${[...missing].join("、")}）已不在文档中，这些段落保留了现在的样式，其余格式已还原。`);
  if (backup.paragraphs.some((b) => b.before.font === null || b.before.sizePt === null)) notes.push("个别段落原有多种字体或字号混排，无法逐字还原，已保留排版后的字体；可用 Word 的撤销（Ctrl+Z）进一步还原。");
  if (backup.paragraphs.some((b) => b.restyled)) notes.push("改用标题样式或公文样式的段落，行距可能已随样式改变；Word 加载项接口无法按“固定值”还原行距，如需完全还原请用 Word 的撤销（Ctrl+Z）。");
  return { restored, skipped, notes };
}

/** Paragraph fields 一键排版 reads (WordApi 1.1–1.3), with Font.nameAscii and nameFarEast where WordApiDesktop 1.3 is there. */
function formatFields(caps: FormatCapabilities): string {
  const fields = ["text", "style", "styleBuiltIn", "isListItem", "tableNestingLevel", "alignment", "firstLineIndent", "leftIndent", "rightIndent", "lineSpacing", "spaceBefore", "spaceAfter", "font/name", "font/size", "font/bold", "font/italic", "font/color"];
  if (caps.asciiFont) fields.push("font/nameAscii", "font/nameFarEast");
  return fields.map((f) => `items/${f}`).join(",");
}

/** Section page setup (WordApiDesktop 1.3). */
const PAGE_SETUP_LOAD = ["paperSize", "pageWidth", "pageHeight", "topMargin", "bottomMargin", "leftMargin", "rightMargin", "footerDistance", "oddAndEvenPagesHeaderFooter"].map((f) => `items/pageSetup/${f}`).join(",");

const ALIGNMENT = { left: "Left", centered: "Centered", right: "Right", justified: "Justified" } as const;

/** Word reports a mixed value as null (or "" for a font name): unknown, never restored. */
function uniformText(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}
function finite(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
function flag(v: unknown): boolean | null {
  return typeof v === "boolean" ? v : null;
}

function wordFormatState(p: Word.Paragraph, caps: FormatCapabilities): ParagraphFormatState {
  const st: ParagraphFormatState = {
    style: p.style,
    styleBuiltIn: p.styleBuiltIn,
    font: uniformText(p.font?.name),
    sizePt: finite(p.font?.size),
    bold: flag(p.font?.bold),
    alignment: uniformText(p.alignment),
    firstLineIndentPt: finite(p.firstLineIndent),
    leftIndentPt: finite(p.leftIndent),
    rightIndentPt: finite(p.rightIndent),
    lineSpacingPt: finite(p.lineSpacing),
    spaceBeforePt: finite(p.spaceBefore),
    spaceAfterPt: finite(p.spaceAfter),
  };
  if (caps.asciiFont) {
    st.asciiFont = uniformText(p.font?.nameAscii);
    // On Chinese text with a Latin digit font, Font.name may report the Latin name or "": the East Asian one is its own.
    st.farEastFont = uniformText(p.font?.nameFarEast);
  }
  st.italic = flag(p.font?.italic);
  st.color = uniformText(p.font?.color);
  return st;
}

/** The part of a paragraph's format that applying `pp` changes (`styled`: it gets a 公文 style): what 撤销排版 puts back. */
function changedState(pp: PlannedParagraph, st: ParagraphFormatState, caps: FormatCapabilities, styled: boolean): ParagraphFormatState {
  const out: ParagraphFormatState = { font: st.font, sizePt: st.sizePt, bold: st.bold, italic: st.italic, color: st.color, alignment: st.alignment, spaceBeforePt: st.spaceBeforePt, spaceAfterPt: st.spaceAfterPt };
  if (styled || (!pp.listItem && pp.format.styleBuiltIn)) {
    out.style = st.style;
    out.styleBuiltIn = st.styleBuiltIn;
  }
  if (!pp.listItem) {
    out.firstLineIndentPt = st.firstLineIndentPt;
    out.leftIndentPt = st.leftIndentPt;
    out.rightIndentPt = st.rightIndentPt;
  }
  if (caps.asciiFont) {
    out.asciiFont = st.asciiFont;
    out.farEastFont = st.farEastFont;
  }
  if (caps.fixedLineSpacing) out.lineSpacingPt = st.lineSpacingPt;
  return out;
}

/**
 * The paragraph's format: its 公文 style by name where the document has it (exact line spacing, character indents,
 * outline level), else the built-in style. The character formats and indents are set directly either way, so the
 * result does not depend on how much of the paragraph's earlier direct formatting Word keeps under a new style (it keeps
 * character formatting that covers less than half the paragraph: shaunakelly.com/word/stylesoverridedirectformatting).
 */
function setParagraphFormat(p: Word.Paragraph, pp: PlannedParagraph, caps: FormatCapabilities, style: string | null): void {
  const f = pp.format;
  // A Word list item keeps its style and indents: its numbering may come from the style, its indents from the list.
  if (style) p.style = style;
  else if (!pp.listItem && f.styleBuiltIn) p.styleBuiltIn = f.styleBuiltIn as Word.BuiltInStyleName;
  p.font.name = f.font;
  if (pp.asciiFont && caps.asciiFont) p.font.nameAscii = pp.asciiFont;
  if (caps.asciiFont) p.font.nameFarEast = f.font;
  p.font.size = f.sizePt;
  p.font.bold = f.bold;
  // Word's Heading 1–4 and Title styles are blue (Heading 4 italic) in many templates; 公文 text is black, upright.
  p.font.italic = false;
  p.font.color = "#000000";
  p.alignment = ALIGNMENT[f.alignment];
  if (!pp.listItem) {
    p.firstLineIndent = f.firstLineIndentPt;
    p.leftIndent = 0;
    // 落款 右空二字 (GB/T 9704 7.3.5.2); every other paragraph runs to the right margin.
    p.rightIndent = pp.rightIndentPt ?? 0;
  }
  // Paragraph.lineSpacing sets a multiple (points ÷ 12 lines), not 固定值: set only where the host can do exact spacing.
  if (caps.fixedLineSpacing) p.lineSpacing = f.lineSpacingPt;
  // Spacing in lines ("段前 0.5 行", w:beforeLines) overrides points: clear it where points are set (WordApi 1.1).
  p.lineUnitBefore = 0;
  p.lineUnitAfter = 0;
  p.spaceBefore = 0;
  p.spaceAfter = 0;
}

/** A style 撤销排版 puts back by name (not a built-in one), or null. */
function restoredStyleName(st: ParagraphFormatState): string | null {
  if (!("styleBuiltIn" in st) || (st.styleBuiltIn && st.styleBuiltIn !== "Other")) return null;
  return st.style || null;
}

function restoreParagraphFormat(p: Word.Paragraph, st: ParagraphFormatState, caps: FormatCapabilities, styleExists: boolean): void {
  if ("styleBuiltIn" in st) {
    if (st.styleBuiltIn && st.styleBuiltIn !== "Other") p.styleBuiltIn = st.styleBuiltIn as Word.BuiltInStyleName;
    else if (st.style && styleExists) p.style = st.style;
  }
  if (st.font) p.font.name = st.font;
  if (st.asciiFont && caps.asciiFont) p.font.nameAscii = st.asciiFont;
  if (st.farEastFont && caps.asciiFont) p.font.nameFarEast = st.farEastFont;
  if (typeof st.sizePt === "number") p.font.size = st.sizePt;
  if (typeof st.bold === "boolean") p.font.bold = st.bold;
  if (st.alignment) p.alignment = st.alignment as Word.Alignment;
  if (typeof st.firstLineIndentPt === "number") p.firstLineIndent = st.firstLineIndentPt;
  if (typeof st.leftIndentPt === "number") p.leftIndent = st.leftIndentPt;
  if (typeof st.rightIndentPt === "number") p.rightIndent = st.rightIndentPt;
  if (typeof st.italic === "boolean") p.font.italic = st.italic;
  if (st.color) p.font.color = st.color;
  if (typeof st.lineSpacingPt === "number" && caps.fixedLineSpacing) p.lineSpacing = st.lineSpacingPt;
  if (typeof st.spaceBeforePt === "number") p.spaceBefore = st.spaceBeforePt;
  if (typeof st.spaceAfterPt === "number") p.spaceAfter = st.spaceAfterPt;
}

function pageState(ps: Word.PageSetup): PageSetupState {
  return {
    paperSize: uniformText(ps.paperSize),
    pageWidthPt: finite(ps.pageWidth),
    pageHeightPt: finite(ps.pageHeight),
    topMarginPt: finite(ps.topMargin),
    bottomMarginPt: finite(ps.bottomMargin),
    leftMarginPt: finite(ps.leftMargin),
    rightMarginPt: finite(ps.rightMargin),
    footerDistancePt: finite(ps.footerDistance),
    oddAndEvenPagesHeaderFooter: flag(ps.oddAndEvenPagesHeaderFooter),
  };
}

function setPageSetup(ps: Word.PageSetup, plan: NonNullable<FormatPlan["page"]>): void {
  ps.paperSize = plan.paperSize;
  ps.topMargin = plan.topMarginPt;
  ps.bottomMargin = plan.bottomMarginPt;
  ps.leftMargin = plan.leftMarginPt;
  ps.rightMargin = plan.rightMarginPt;
  ps.footerDistance = plan.footerDistancePt;
}

function restorePageSetup(ps: Word.PageSetup, st: PageSetupState): void {
  // A custom paper size is put back by its dimensions; a named one by its name.
  if (st.paperSize && st.paperSize !== "Custom") ps.paperSize = st.paperSize as Word.PaperSize;
  else {
    if (typeof st.pageWidthPt === "number") ps.pageWidth = st.pageWidthPt;
    if (typeof st.pageHeightPt === "number") ps.pageHeight = st.pageHeightPt;
  }
  if (typeof st.topMarginPt === "number") ps.topMargin = st.topMarginPt;
  if (typeof st.bottomMarginPt === "number") ps.bottomMargin = st.bottomMarginPt;
  if (typeof st.leftMarginPt === "number") ps.leftMargin = st.leftMarginPt;
  if (typeof st.rightMarginPt === "number") ps.rightMargin = st.rightMarginPt;
  if (typeof st.footerDistancePt === "number") ps.footerDistance = st.footerDistancePt;
}

/** “— PAGE —” in an empty footer: the dashes typed, the number a PAGE field (Range.insertField, WordApi 1.5). */
function writePageNumber(footer: Word.Body, n: PageNumberPlan, at: PageNumberLayout["footers"][number]): void {
  const p = footer.paragraphs.getFirst();
  const lead = p.insertText(n.before, "Start");
  lead.insertField("After", "Page");
  p.insertText(n.after, "End");
  p.alignment = ALIGNMENT[at.alignment];
  p.firstLineIndent = 0;
  p.leftIndent = at.leftIndentPt;
  p.rightIndent = at.rightIndentPt;
  p.font.name = n.font;
  p.font.size = n.sizePt;
  p.font.bold = false;
}
