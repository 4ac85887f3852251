// The Word adapter: the only code that calls Word.run. Reads in one sync; writes verify, then write, in a constant number of syncs.
import type { DocSnapshot, Paragraph } from "../core/model";
import type { Block } from "../core/blocks";
import type { Fix } from "../core/check/types";
import { formatNotes, pageNumberLayout, type FormatPlan, type PageNumberLayout, type PageNumberPlan, type PlannedParagraph } from "../core/format/plan";
import { capabilitiesFrom, type DocumentFormats, type FormatApplyResult, type FormatBackup, type FormatCapabilities, type PageSetupState, type ParagraphFormatState, type RestoreResult } from "../core/format/types";
import { isBlank } from "../core/parse/text";
import { HostError, type ApplyResult, type CursorInfo, type DocumentHost, type InsertAt, type Location, type StylesResult } from "./DocumentHost";
import { XMLParser } from "fast-xml-parser";
import { parseStylesPackage } from "../core/format/ooxml";
import { defineWordStyles } from "./wordStyles";

/** What one paragraph read loads (all WordApi 1.3). */
export const PARAGRAPH_FIELDS = [
  "items/text",
  "items/style",
  "items/styleBuiltIn",
  "items/outlineLevel",
  "items/isListItem",
  "items/tableNestingLevel",
  "items/listItemOrNullObject/listString",
  "items/listItemOrNullObject/level",
  "items/listOrNullObject/id",
].join(",");

/** Word's search takes at most 255 characters; longer text is located by its paragraph. */
const MAX_SEARCH = 255;

type Ctx = Word.RequestContext;

/** Turn anything Word throws into a Chinese message for the pane. */
export function describeWordError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? "";
  const map: Record<string, string> = {
    AccessDenied: "Word 拒绝了此操作：文档可能处于只读或受保护状态。",
    ItemNotFound: "找不到要操作的内容，文档可能已被修改。请刷新后重试。",
    GeneralException: "Word 处理请求时出错，请稍后重试。",
    InvalidArgument: "提交给 Word 的参数无效。",
    NotAllowed: "当前状态下 Word 不允许此操作（例如正在编辑批注或处于只读视图）。",
    ApiNotFound: "当前 Word 版本不支持此功能，请升级到支持 WordApi 1.3 的版本。",
    RequestPayloadSizeLimitExceeded: "文档过大，一次读取超出 Word 网页版的限制。",
  };
  const msg = map[code] ?? `Word 操作失败：${err?.message ?? String(e)}`;
  return new HostError(`${msg}文档未作任何修改。`, e);
}

/** Search `where` for exactly `text`: case-sensitive, with ^ escaped (Word's search reads ^p, ^t as special codes). */
function searchExact(where: Word.Paragraph | Word.Range, text: string): Word.RangeCollection {
  return where.search(text.replace(/\^/g, "^^"), { matchCase: true });
}

function occurrenceIndex(text: string, needle: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0 && i < offset; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

export interface WordHostDeps {
  /** Word.run, injectable for tests with office-addin-mock. */
  run: <T>(batch: (context: Ctx) => Promise<T>) => Promise<T>;
  /** Register for selection changes (Office.context.document.addHandlerAsync), or undefined outside Word. */
  addSelectionHandler?: (handler: () => void) => () => void;
  /** Office.context.requirements.isSetSupported, for features beyond WordApi 1.3 (page setup, page numbers); absent: none. */
  isSetSupported?: (name: string, version: string) => boolean;
}

export class WordHost implements DocumentHost {
  readonly kind = "word" as const;
  /** Adding the 公文 styles needs getStyles and Style.paragraphFormat (WordApi 1.5); below it the pane says what is left by hand. */
  readonly defineStyles?: (pkg: string) => Promise<StylesResult>;
  constructor(private deps: WordHostDeps) {
    if (deps.isSetSupported?.("WordApi", "1.5")) {
      this.defineStyles = async (pkg) => {
        const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" });
        const defs = parseStylesPackage(pkg, (xml) => parser.parse(xml));
        return defineWordStyles((b) => this.run(b), pkg, defs, !!deps.isSetSupported?.("WordApi", "1.4"));
      };
    }
  }

  private async run<T>(batch: (context: Ctx) => Promise<T>): Promise<T> {
    try {
      return await this.deps.run(batch);
    } catch (e) {
      throw describeWordError(e);
    }
  }

  async snapshot(): Promise<DocSnapshot> {
    return this.run(async (context) => {
      const body = context.document.body;
      const paras = body.paragraphs;
      paras.load(PARAGRAPH_FIELDS);
      const sel = context.document.getSelection();
      sel.load("text,isEmpty");
      // The paragraphs from the start of the document to the cursor: their count locates the cursor.
      const before = body.getRange("Start").expandTo(sel.getRange("Start")).paragraphs;
      before.load("items/tableNestingLevel");
      const throughEnd = body.getRange("Start").expandTo(sel.getRange("End")).paragraphs;
      throughEnd.load("items/tableNestingLevel");
      // From the start of the selection's last paragraph to the selection's end: its length is the cursor's offset.
      const lead = sel.paragraphs.getLast().getRange("Start").expandTo(sel.getRange("End"));
      lead.load("text");
      await context.sync();
      const paragraphs: Paragraph[] = paras.items.map((p) => {
        const out: Paragraph = { text: p.text ?? "", style: p.style, styleBuiltIn: p.styleBuiltIn };
        if (typeof p.outlineLevel === "number" && p.outlineLevel >= 1 && p.outlineLevel <= 9) out.outlineLevel = p.outlineLevel;
        if (p.tableNestingLevel > 0) out.inTable = true;
        const li = p.listItemOrNullObject;
        if (p.isListItem && li && !li.isNullObject) {
          out.listString = li.listString;
          out.listLevel = li.level;
          const list = p.listOrNullObject;
          if (list && !list.isNullObject) out.listId = String(list.id);
        }
        return out;
      });
      const cursor = Math.max(0, before.items.length - 1);
      return { paragraphs, cursor, cursorEnd: Math.max(cursor, throughEnd.items.length - 1), cursorEndOffset: (lead.text ?? "").length, selectionEmpty: sel.isEmpty, selectionText: sel.isEmpty ? "" : sel.text };
    });
  }

  async readCursor(): Promise<CursorInfo> {
    return this.run(async (context) => {
      const body = context.document.body;
      const all = body.paragraphs;
      all.load("items/tableNestingLevel");
      const sel = context.document.getSelection();
      const before = body.getRange("Start").expandTo(sel.getRange("End")).paragraphs;
      before.load("items/tableNestingLevel");
      const here = sel.paragraphs.getLast();
      here.load("text");
      await context.sync();
      const paragraph = Math.max(0, before.items.length - 1);
      return { paragraph, text: here.text ?? "", paragraphCount: all.items.length, outsideBody: false };
    });
  }

  async insertBlocks(blocks: Block[], at: InsertAt, renumber: readonly Fix[] = []): Promise<void> {
    if (!blocks.length) return;
    if (renumber.length && at.kind !== "after") throw new Error("renumber needs an insert position after a paragraph");
    await this.run(async (context) => {
      const renumbered: { para: Word.Paragraph; fix: Fix }[] = [];
      let anchor: Word.Paragraph;
      let position: "After" | "Before" = "After";
      if (at.kind === "cursor") {
        anchor = context.document.getSelection().paragraphs.getLast();
        anchor.load("text,isListItem");
        await context.sync();
      } else {
        const paras = context.document.body.paragraphs;
        paras.load("items/text,items/isListItem");
        await context.sync();
        if (at.paragraph >= paras.items.length || (at.paragraph >= 0 && paras.items[at.paragraph].text !== at.expected)) {
          throw new HostError("文档在读取之后已被修改，插入位置已变化。请刷新后重试。");
        }
        if (at.paragraph < 0) {
          anchor = paras.items[0];
          position = "Before";
        } else anchor = paras.items[at.paragraph];
        // Later headings pushed down by the insert: their markers must still be where the read found them.
        for (const fix of renumber) {
          const para = paras.items[fix.paragraph];
          const text = para?.text ?? "";
          if (!para || fix.paragraph <= at.paragraph || text.slice(fix.offset, fix.offset + fix.length) !== fix.expected || occurrenceIndex(text, fix.expected, fix.offset) !== 0 || fix.expected.length > MAX_SEARCH) {
            throw new HostError("文档在读取之后已被修改，其后标题的序号已变化。请刷新后重试。");
          }
          renumbered.push({ para, fix });
        }
      }
      // An empty anchor (empty document, empty line at the cursor) is filled rather than left as a blank line.
      const fillAnchor = position === "After" && /^\s*$/.test(anchor.text ?? "") && !anchor.isListItem;
      const inserted: Word.Paragraph[] = [];
      let last = anchor;
      blocks.forEach((b, i) => {
        let p: Word.Paragraph;
        if (i === 0 && fillAnchor) {
          anchor.insertText(b.text, "Replace");
          p = anchor;
        } else if (i === 0 && position === "Before") {
          p = anchor.insertParagraph(b.text, "Before");
        } else {
          p = last.insertParagraph(b.text, "After");
        }
        applyBlockFormat(p, b, !!anchor.isListItem);
        inserted.push(p);
        last = p;
      });
      for (const { para, fix } of renumbered) searchExact(para, fix.expected).getFirst().insertText(fix.text, "Replace");
      selectFirstFillIn(inserted, blocks.map((b) => b.text));
      await context.sync();
    });
  }

  async insertInline(text: string): Promise<void> {
    await this.run(async (context) => {
      const sel = context.document.getSelection();
      // "End" inserts after the selection: selected text is never replaced.
      const range = sel.insertText(text, "End");
      const fill = /【[^】]*】/.exec(text);
      if (fill && fill[0].length <= MAX_SEARCH) searchExact(range, fill[0]).getFirst().select();
      else range.select("End");
      await context.sync();
    });
  }

  async applyFixes(fixes: Fix[]): Promise<ApplyResult> {
    if (!fixes.length) return { applied: 0, skipped: 0 };
    return this.run(async (context) => {
      const paras = context.document.body.paragraphs;
      paras.load("items/text");
      await context.sync();
      const sorted = [...fixes].sort((a, b) => b.paragraph - a.paragraph || b.offset - a.offset);
      const plan: { fix: Fix; para: Word.Paragraph; nth: number; whole: boolean }[] = [];
      let skipped = 0;
      let lastStart: { paragraph: number; offset: number } | null = null;
      for (const fix of sorted) {
        const para = paras.items[fix.paragraph];
        const text = para?.text;
        const overlaps = lastStart && lastStart.paragraph === fix.paragraph && fix.offset + fix.length > lastStart.offset;
        if (text === undefined || overlaps || text.slice(fix.offset, fix.offset + fix.length) !== fix.expected) {
          skipped++;
          continue;
        }
        const whole = fix.offset === 0 && fix.length === text.length;
        if (fix.deleteParagraph && (!whole || fix.text !== "")) {
          skipped++;
          continue;
        }
        if (!whole && (fix.expected.length === 0 || fix.expected.length > MAX_SEARCH)) {
          skipped++;
          continue;
        }
        plan.push({ fix, para, nth: whole ? 0 : occurrenceIndex(text, fix.expected, fix.offset), whole });
        lastStart = { paragraph: fix.paragraph, offset: fix.offset };
      }
      // A later occurrence of the same text needs its search results loaded before it can be addressed.
      const searches = plan.map((s) => {
        if (s.whole || s.nth === 0) return null;
        const found = searchExact(s.para, s.fix.expected);
        found.load("items");
        return found;
      });
      if (searches.some(Boolean)) await context.sync();
      plan.forEach((s, i) => {
        if (s.whole) {
          if (s.fix.text === "") s.para.delete();
          else s.para.insertText(s.fix.text, "Replace");
          return;
        }
        const range = s.nth === 0 ? searchExact(s.para, s.fix.expected).getFirst() : searches[i]!.items[s.nth];
        range.insertText(s.fix.text, "Replace");
      });
      await context.sync();
      return { applied: plan.length, skipped };
    });
  }

  async select(loc: Location): Promise<void> {
    await this.run(async (context) => {
      const paras = context.document.body.paragraphs;
      paras.load("items/text");
      await context.sync();
      const para = paras.items[loc.paragraph];
      if (!para) throw new HostError("要定位的段落已不存在，请刷新后重试。");
      const text = para.text ?? "";
      const found = text.slice(loc.offset, loc.offset + loc.length);
      const exact = loc.length > 0 && loc.length <= MAX_SEARCH && (loc.expected === undefined || found === loc.expected);
      if (!exact) {
        para.select("Select");
      } else {
        const nth = occurrenceIndex(text, found, loc.offset);
        const results = searchExact(para, found);
        if (nth === 0) results.getFirst().select("Select");
        else {
          results.load("items");
          await context.sync();
          (results.items[nth] ?? para).select("Select");
        }
      }
      await context.sync();
    });
  }

  onSelectionChanged(listener: () => void): () => void {
    return this.deps.addSelectionHandler ? this.deps.addSelectionHandler(listener) : () => undefined;
  }

  // 一键排版. Reads: 1 sync. Apply: read and verify, (find run-in heading sentences), write: 2 or 3 syncs. Restore: 2.

  formatCapabilities(): FormatCapabilities {
    return capabilitiesFrom(this.deps.isSetSupported ?? (() => false));
  }

  async readFormats(): Promise<DocumentFormats> {
    const caps = this.formatCapabilities();
    return this.run(async (context) => {
      const paras = context.document.body.paragraphs;
      paras.load(formatFields(caps));
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
      return {
        paragraphs: paras.items.map((p) => wordFormatState(p, caps)),
        page: first ? pageState(first.pageSetup) : null,
        footerEmpty: footer ? isBlank(footer.text ?? "") : null,
        capabilities: caps,
      };
    });
  }

  async applyFormatting(plan: FormatPlan): Promise<FormatApplyResult> {
    const caps = this.formatCapabilities();
    return this.run(async (context) => {
      const notes = formatNotes(plan, caps);
      const paras = context.document.body.paragraphs;
      paras.load(formatFields(caps));
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

      // Verify: a paragraph whose text changed since the plan (or that is now in a table) is skipped.
      const targets: { pp: PlannedParagraph; para: Word.Paragraph }[] = [];
      let skipped = 0;
      for (const pp of plan.paragraphs) {
        const para = paras.items[pp.paragraph];
        if (!para || para.text !== pp.expected || para.tableNestingLevel > 0) skipped++;
        else targets.push({ pp, para });
      }
      // Run-in headings: their sentence is found by a search (loaded, so a miss cannot fail the batch).
      const runFields = caps.asciiFont ? "items/font/name,items/font/size,items/font/bold,items/font/nameAscii" : "items/font/name,items/font/size,items/font/bold";
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
      targets.forEach(({ pp, para }, k) => {
        const entry: FormatBackup["paragraphs"][number] = { paragraph: pp.paragraph, expected: pp.expected, before: changedState(pp, wordFormatState(para, caps), caps) };
        if (!pp.listItem && pp.format.styleBuiltIn && para.styleBuiltIn !== pp.format.styleBuiltIn && !caps.fixedLineSpacing) entry.restyled = true;
        const range = pp.runIn ? searches[k]?.items[0] : undefined;
        if (pp.runIn && range) {
          entry.runIn = { text: pp.runIn.text, font: uniformText(range.font.name), sizePt: finite(range.font.size), bold: flag(range.font.bold) };
          if (caps.asciiFont) entry.runIn.asciiFont = uniformText(range.font.nameAscii);
        }
        setParagraphFormat(para, pp, caps);
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
          for (const f of layout.footers) writePageNumber(hf[f.kind], numbers, f);
        }
      }
      await context.sync();
      return { applied: targets.length, skipped, backup, notes };
    });
  }

  async restoreFormatting(backup: FormatBackup): Promise<RestoreResult> {
    const caps = this.formatCapabilities();
    return this.run(async (context) => {
      const paras = context.document.body.paragraphs;
      paras.load("items/text");
      let sections: Word.SectionCollection | null = null;
      if (backup.page || backup.pageNumbers) {
        sections = context.document.sections;
        sections.load("items");
      }
      await context.sync();
      let restored = 0;
      let skipped = 0;
      for (const b of backup.paragraphs) {
        const para = paras.items[b.paragraph];
        if (!para || para.text !== b.expected) {
          skipped++;
          continue;
        }
        restoreParagraphFormat(para, b.before, caps);
        if (b.runIn && b.runIn.text.length <= MAX_SEARCH) {
          const range = searchExact(para, b.runIn.text).getFirst();
          if (b.runIn.font) range.font.name = b.runIn.font;
          if (b.runIn.asciiFont && caps.asciiFont) range.font.nameAscii = b.runIn.asciiFont;
          if (typeof b.runIn.sizePt === "number") range.font.size = b.runIn.sizePt;
          if (typeof b.runIn.bold === "boolean") range.font.bold = b.runIn.bold;
        }
        restored++;
      }
      if (backup.page && sections) backup.page.forEach((st, i) => sections!.items[i] && restorePageSetup(sections!.items[i].pageSetup, st));
      if (backup.pageNumbers && sections?.items[0]) {
        const first = sections.items[0];
        for (const kind of backup.pageNumbers.footers) first.getFooter(kind).clear();
        if (backup.pageNumbers.oddAndEvenBefore === false) first.pageSetup.oddAndEvenPagesHeaderFooter = false;
      }
      await context.sync();
      const notes = skipped ? [`有 ${skipped} 段在排版之后已被修改，未还原其格式。`] : [];
      if (backup.paragraphs.some((b) => b.before.font === null || b.before.sizePt === null)) notes.push("个别段落原有多种字体或字号混排，无法逐字还原，已保留排版后的字体；可用 Word 的撤销（Ctrl+Z）进一步还原。");
      if (backup.paragraphs.some((b) => b.restyled)) notes.push("改用标题样式的段落，行距可能已随样式改变；Word 加载项接口无法按“固定值”还原行距，如需完全还原请用 Word 的撤销（Ctrl+Z）。");
      return { restored, skipped, notes };
    });
  }
}

function applyBlockFormat(p: Word.Paragraph, b: Block, afterListItem: boolean): void {
  const f = b.format;
  if (f) {
    if (f.styleBuiltIn) p.styleBuiltIn = f.styleBuiltIn as Word.BuiltInStyleName;
    p.font.name = f.font;
    p.font.size = f.sizePt;
    p.font.bold = f.bold;
    p.font.italic = false;
    p.font.color = "#000000";
    p.alignment = ({ left: "Left", centered: "Centered", right: "Right", justified: "Justified" } as const)[f.alignment];
    p.firstLineIndent = f.firstLineIndentPt;
    p.leftIndent = 0;
    // Not p.lineSpacing: Word takes it as a multiple (points ÷ 12), so 28 would give 2.33 lines, not 固定值 28 磅.
    // No requirement set sets an exact line spacing; the paragraph keeps its style's spacing (see README).
    p.spaceBefore = 0;
    p.spaceAfter = 0;
  }
  if (b.list) {
    const id = Number(b.list.listId);
    if (Number.isFinite(id)) p.attachToList(id, b.list.level);
  } else if (afterListItem) {
    // A paragraph inserted after a list item inherits its numbering; a typed marker must not be numbered twice.
    p.detachFromList();
  }
}

function selectFirstFillIn(paras: Word.Paragraph[], texts: string[]): void {
  const i = texts.findIndex((t) => /【[^】]*】/.test(t));
  if (i < 0) {
    paras[paras.length - 1].getRange("End").select();
    return;
  }
  const fill = /【[^】]*】/.exec(texts[i])![0];
  if (fill.length <= MAX_SEARCH) searchExact(paras[i], fill).getFirst().select();
  else paras[i].select();
}

/** The host inside Word: Word.run, and selection events through Office.context.document. */
export function createWordHost(): WordHost {
  return new WordHost({
    run: (batch) => Word.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    addSelectionHandler: (handler) => {
      Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, handler);
      return () => Office.context.document.removeHandlerAsync(Office.EventType.DocumentSelectionChanged, { handler });
    },
  });
}

/** Paragraph fields 一键排版 reads (WordApi 1.1–1.3), with Font.nameAscii where WordApiDesktop 1.3 is there. */
function formatFields(caps: FormatCapabilities): string {
  const fields = ["text", "style", "styleBuiltIn", "isListItem", "tableNestingLevel", "alignment", "firstLineIndent", "leftIndent", "rightIndent", "lineSpacing", "spaceBefore", "spaceAfter", "font/name", "font/size", "font/bold", "font/italic", "font/color"];
  if (caps.asciiFont) fields.push("font/nameAscii");
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
  if (caps.asciiFont) st.asciiFont = uniformText(p.font?.nameAscii);
  st.italic = flag(p.font?.italic);
  st.color = uniformText(p.font?.color);
  return st;
}

/** The part of a paragraph's format that applying `pp` changes: what 撤销排版 puts back. */
function changedState(pp: PlannedParagraph, st: ParagraphFormatState, caps: FormatCapabilities): ParagraphFormatState {
  const out: ParagraphFormatState = { font: st.font, sizePt: st.sizePt, bold: st.bold, italic: st.italic, color: st.color, alignment: st.alignment, spaceBeforePt: st.spaceBeforePt, spaceAfterPt: st.spaceAfterPt };
  if (!pp.listItem && pp.format.styleBuiltIn) {
    out.style = st.style;
    out.styleBuiltIn = st.styleBuiltIn;
  }
  if (!pp.listItem) {
    out.firstLineIndentPt = st.firstLineIndentPt;
    out.leftIndentPt = st.leftIndentPt;
    out.rightIndentPt = st.rightIndentPt;
  }
  if (caps.asciiFont) out.asciiFont = st.asciiFont;
  if (caps.fixedLineSpacing) out.lineSpacingPt = st.lineSpacingPt;
  return out;
}

function setParagraphFormat(p: Word.Paragraph, pp: PlannedParagraph, caps: FormatCapabilities): void {
  const f = pp.format;
  // A Word list item keeps its style and indents: its numbering may come from the style, its indents from the list.
  if (!pp.listItem && f.styleBuiltIn) p.styleBuiltIn = f.styleBuiltIn as Word.BuiltInStyleName;
  p.font.name = f.font;
  if (pp.asciiFont && caps.asciiFont) p.font.nameAscii = pp.asciiFont;
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
  p.spaceBefore = 0;
  p.spaceAfter = 0;
}

function restoreParagraphFormat(p: Word.Paragraph, st: ParagraphFormatState, caps: FormatCapabilities): void {
  if ("styleBuiltIn" in st) {
    if (st.styleBuiltIn && st.styleBuiltIn !== "Other") p.styleBuiltIn = st.styleBuiltIn as Word.BuiltInStyleName;
    else if (st.style) p.style = st.style;
  }
  if (st.font) p.font.name = st.font;
  if (st.asciiFont && caps.asciiFont) p.font.nameAscii = st.asciiFont;
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
