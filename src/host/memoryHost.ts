// The in-memory document host: a faithful stand-in for Word in tests, the harness page and the CLI.
// Like a Word.run batch, every action works on a copy and commits at the end, so a failure changes nothing.
import type { Paragraph, DocSnapshot } from "../core/model";
import type { Block, ParagraphFormat } from "../core/blocks";
import type { Fix } from "../core/check/types";
import { brokenGroups } from "../core/check/applyFixes";
import { formatNotes, pageNumberLayout, plannedStyle, type FormatPlan } from "../core/format/plan";
import { ALL_CAPABILITIES, type DocumentFormats, type FooterKind, type FormatApplyResult, type FormatBackup, type FormatCapabilities, type PageSetupState, type ParagraphFormatState, type RestoreResult, type RunFormatState } from "../core/format/types";
import { ListCounter, type ListLevelDef } from "../core/listFormat";
import { XMLParser } from "fast-xml-parser";
import { GONGWEN_STYLES, gongwenStyleOfBlock, parseStylesPackage, type GongwenStyleDef } from "../core/format/ooxml";
import { anchorHolds, type CommentRequest, type CommentsResult } from "../core/annotate/commentPlan";
import { isToolComment } from "../core/annotate/commentText";
import { HostError, type StylesResult, type ApplyResult, type CursorInfo, type DocumentHost, type InsertAt, type Location } from "./DocumentHost";

export type { ListLevelDef };

export interface MemParagraph {
  text: string;
  style?: string;
  styleBuiltIn?: string;
  outlineLevel?: number;
  inTable?: boolean;
  list?: { id: string; level: number };
  format?: Partial<ParagraphFormat & MemFormatExtras>;
  /** Character formats of parts of the text (a run-in heading's sentence in its heading font). */
  runs?: RunFormatState[];
  /** Comments (批注) on characters of this paragraph; they move with it, as in Word. */
  comments?: MemComment[];
}

/** A comment of the simulated document: the characters it is on, its text and its author. */
export interface MemComment {
  offset: number;
  length: number;
  text: string;
  author: string;
}

/** Paragraph properties beyond a block's format that 一键排版 sets. */
export interface MemFormatExtras {
  asciiFont: string;
  leftIndentPt: number;
  rightIndentPt: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
}

/** A footer of the simulated document (page numbers: "{PAGE}" stands for the PAGE field). */
export interface MemFooter {
  text: string;
  font?: string;
  sizePt?: number;
  alignment?: string;
  leftIndentPt?: number;
  rightIndentPt?: number;
}

export interface Position {
  paragraph: number;
  offset: number;
}

export interface MemoryDocumentInit {
  paragraphs: MemParagraph[];
  lists?: Record<string, ListLevelDef[]>;
  selection?: { start: Position; end?: Position };
}

/** GB/T 9704 multilevel list as offices set it up in Word: 一、（一）1.（1）. */
export const GBT_LIST: ListLevelDef[] = [
  { numFmt: "chineseCounting", lvlText: "%1、" },
  { numFmt: "chineseCounting", lvlText: "（%2）" },
  { numFmt: "decimal", lvlText: "%3." },
  { numFmt: "decimal", lvlText: "（%4）" },
];

/** The author of the comments the simulated Word writes: as in Word, the signed-in user, whatever the tool. */
const USER = "演示用户";

const STYLE_NAMES: Record<string, string> = { Heading1: "Heading 1", Heading2: "Heading 2", Heading3: "Heading 3", Heading4: "Heading 4", Normal: "Normal", Title: "Title" };

export interface MemoryHostOptions {
  /** Milliseconds each action waits, to feel like Word on the web. */
  delayMs?: number;
  readOnly?: boolean;
  /** What 一键排版 may change (default: everything, as the simulated document can hold it all). */
  capabilities?: Partial<FormatCapabilities>;
}

export class MemoryHost implements DocumentHost {
  readonly kind = "memory" as const;
  paragraphs: MemParagraph[];
  lists: Map<string, ListLevelDef[]>;
  selection: { start: Position; end: Position };
  /** Actions run (each is one batch). */
  batches = 0;
  /** Bumped by every change the view did not make itself (insertions, fixes, jumps), so the view redraws from the model. */
  revision = 0;
  private failure: string | null = null;
  private selectionListeners = new Set<() => void>();
  private changeListeners = new Set<() => void>();

  constructor(init: MemoryDocumentInit = { paragraphs: [{ text: "" }] }, private options: MemoryHostOptions = {}) {
    this.paragraphs = init.paragraphs.length ? init.paragraphs.map((p) => ({ ...p })) : [{ text: "" }];
    this.lists = new Map(Object.entries(init.lists ?? {}));
    const start = init.selection?.start ?? { paragraph: 0, offset: 0 };
    this.selection = { start, end: init.selection?.end ?? start };
  }

  /** Replace the whole document (the harness's 新建/载入, the self-test's preparation), as the user would by opening another file. */
  reset(init: MemoryDocumentInit): void {
    this.paragraphs = init.paragraphs.length ? init.paragraphs.map((p) => ({ ...p })) : [{ text: "" }];
    this.lists = new Map(Object.entries(init.lists ?? {}));
    const start = init.selection?.start ?? { paragraph: 0, offset: 0 };
    this.selection = { start, end: init.selection?.end ?? start };
    this.emit(true);
  }

  /** Make the next action fail as Word would (e.g. a rejected sync), leaving the document unchanged. */
  failNext(message = "模拟的 Word 错误"): void {
    this.failure = message;
  }

  setReadOnly(readOnly: boolean): void {
    this.options.readOnly = readOnly;
  }

  /** Subscribe to any change of text or selection (the harness view re-renders). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  /** The user places the cursor or selects (from the harness view or a test). The view already shows it: only the pane hears. */
  setSelection(start: Position, end: Position = start): void {
    this.selection = { start: this.clamp(start), end: this.clamp(end) };
    for (const l of this.selectionListeners) l();
  }

  /** The user types into a paragraph (harness view). The view already shows the text, so only the pane hears of it. */
  setParagraphText(index: number, text: string): void {
    if (!this.paragraphs[index]) return;
    this.paragraphs[index] = { ...this.paragraphs[index], text };
    for (const l of this.selectionListeners) l();
  }

  /** The user presses Enter at a position: the paragraph splits, the new one keeps the style and list. */
  splitParagraph(pos: Position): void {
    const p = this.paragraphs[pos.paragraph];
    if (!p) return;
    const head = { ...p, text: p.text.slice(0, pos.offset), comments: p.comments?.filter((c) => c.offset < pos.offset) };
    const tail = { ...p, text: p.text.slice(pos.offset), comments: p.comments?.filter((c) => c.offset >= pos.offset).map((c) => ({ ...c, offset: c.offset - pos.offset })) };
    this.paragraphs.splice(pos.paragraph, 1, head, tail);
    this.selection = { start: { paragraph: pos.paragraph + 1, offset: 0 }, end: { paragraph: pos.paragraph + 1, offset: 0 } };
    this.emit(true);
  }

  /**
   * The user pastes plain text (harness view): it replaces a selection within one paragraph, and each further line
   * becomes a paragraph of its own with the paragraph's style and list; the caret ends after the pasted text.
   */
  pasteText(text: string): void {
    const { start, end } = this.ordered();
    const p = this.paragraphs[start.paragraph];
    if (!p) return;
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    // A selection across paragraphs is not deleted: the text goes in at its start.
    const tailEnd = end.paragraph === start.paragraph ? end.offset : start.offset;
    const before = p.text.slice(0, start.offset);
    const after = p.text.slice(tailEnd);
    // Comments stay with the first line (where the paragraph began).
    const made = lines.map((line, i) => ({ ...p, text: (i === 0 ? before : "") + line + (i === lines.length - 1 ? after : ""), comments: i === 0 ? p.comments : undefined }));
    this.paragraphs.splice(start.paragraph, 1, ...made);
    const last = start.paragraph + lines.length - 1;
    const offset = (lines.length === 1 ? before.length : 0) + lines[lines.length - 1].length;
    this.selection = { start: { paragraph: last, offset }, end: { paragraph: last, offset } };
    this.emit(true);
  }

  /** Plain paragraphs with Word-style list labels, as Word reports them. */
  labels(): (string | undefined)[] {
    const counter = new ListCounter();
    return this.paragraphs.map((p) => {
      const def = p.list ? this.lists.get(p.list.id) : undefined;
      return p.list && def ? counter.label(p.list.id, p.list.level, def) : undefined;
    });
  }

  async snapshot(): Promise<DocSnapshot> {
    await this.batch();
    const labels = this.labels();
    const paragraphs: Paragraph[] = this.paragraphs.map((p, i) => {
      const out: Paragraph = { text: p.text, style: p.style ?? STYLE_NAMES[p.styleBuiltIn ?? "Normal"] ?? "Normal", styleBuiltIn: p.styleBuiltIn ?? "Normal" };
      if (p.outlineLevel) out.outlineLevel = p.outlineLevel;
      if (p.inTable) out.inTable = true;
      if (p.list && labels[i] !== undefined) {
        out.listString = labels[i];
        out.listLevel = p.list.level;
        out.listId = p.list.id;
      }
      return out;
    });
    const { start, end } = this.ordered();
    const empty = start.paragraph === end.paragraph && start.offset === end.offset;
    return { paragraphs, cursor: start.paragraph, cursorEnd: end.paragraph, cursorEndOffset: end.offset, selectionEmpty: empty, selectionText: empty ? "" : this.textBetween(start, end) };
  }

  async readCursor(): Promise<CursorInfo> {
    await this.batch();
    const { end } = this.ordered();
    const paragraph = Math.min(end.paragraph, Math.max(0, this.paragraphs.length - 1));
    return { paragraph, text: this.paragraphs[paragraph]?.text ?? "", paragraphCount: this.paragraphs.length, outsideBody: false };
  }

  async insertBlocks(blocks: Block[], at: InsertAt, renumber: readonly Fix[] = []): Promise<void> {
    await this.batch(true);
    if (!blocks.length) return;
    if (renumber.length && at.kind !== "after") throw new Error("renumber needs an insert position after a paragraph");
    const paras = this.paragraphs.map((p) => ({ ...p }));
    let after: number;
    if (at.kind === "cursor") after = this.ordered().end.paragraph;
    else {
      after = at.paragraph;
      if (after >= paras.length || (after >= 0 && paras[after].text !== at.expected)) throw new HostError("文档在读取之后已被修改，插入位置已变化。请刷新后重试。");
    }
    for (const fix of renumber) {
      const p = paras[fix.paragraph];
      if (!p || fix.paragraph <= after || p.text.slice(fix.offset, fix.offset + fix.length) !== fix.expected) throw new HostError("文档在读取之后已被修改，其后标题的序号已变化。请刷新后重试。");
      paras[fix.paragraph] = { ...p, text: p.text.slice(0, fix.offset) + fix.text + p.text.slice(fix.offset + fix.length) };
    }
    const made = blocks.map((b) => this.paragraphFrom(b));
    let first: number;
    // An empty anchor paragraph (an empty document, an empty line at the cursor) is filled rather than left behind.
    if (after >= 0 && paras[after] && /^\s*$/.test(paras[after].text) && !paras[after].list) {
      paras.splice(after, 1, ...made);
      first = after;
    } else {
      paras.splice(after + 1, 0, ...made);
      first = after + 1;
    }
    this.paragraphs = paras;
    this.selectFirstFillIn(first, made.length);
    this.emit(true);
  }

  async insertInline(text: string): Promise<void> {
    await this.batch(true);
    const { end } = this.ordered();
    const p = this.paragraphs[end.paragraph];
    if (!p) throw new HostError("找不到光标所在的段落。");
    const offset = Math.min(end.offset, p.text.length);
    const paras = this.paragraphs.map((q) => ({ ...q }));
    paras[end.paragraph] = { ...p, text: p.text.slice(0, offset) + text + p.text.slice(offset) };
    this.paragraphs = paras;
    const fill = /【[^】]*】/.exec(text);
    if (fill) this.selection = { start: { paragraph: end.paragraph, offset: offset + fill.index }, end: { paragraph: end.paragraph, offset: offset + fill.index + fill[0].length } };
    else this.selection = { start: { paragraph: end.paragraph, offset: offset + text.length }, end: { paragraph: end.paragraph, offset: offset + text.length } };
    this.emit(true);
  }

  async applyFixes(fixes: Fix[]): Promise<ApplyResult> {
    await this.batch(true);
    let outcome = this.planFixes(fixes, new Set());
    // A group with a refused member (a join whose line changed) is not applied at all, as in Word.
    const broken = brokenGroups(outcome.refused);
    if (broken.size) outcome = this.planFixes(fixes, broken);
    const { texts, remove, applied } = outcome;
    const paras = this.paragraphs.map((p, i) => ({ ...p, text: texts[i] })).filter((_, i) => !remove.has(i));
    if (!paras.length) paras.push({ text: "" });
    this.paragraphs = paras;
    this.selection = { start: this.clamp(this.selection.start), end: this.clamp(this.selection.end) };
    this.emit(false);
    return { applied, skipped: fixes.length - applied };
  }

  /** The texts after `fixes`, last to first; stale, overlapping or malformed fixes and those of `excluded` groups refused. */
  private planFixes(fixes: Fix[], excluded: Set<number>) {
    const texts = this.paragraphs.map((p) => p.text);
    const sorted = [...fixes].sort((a, b) => b.paragraph - a.paragraph || b.offset - a.offset);
    const remove = new Set<number>();
    const refused: Fix[] = [];
    let applied = 0;
    let lastStart: { paragraph: number; offset: number } | null = null;
    for (const f of sorted) {
      const text = texts[f.paragraph];
      const overlaps = lastStart && lastStart.paragraph === f.paragraph && f.offset + f.length > lastStart.offset;
      const whole = text !== undefined && f.offset === 0 && f.length === text.length;
      if (text === undefined || overlaps || text.slice(f.offset, f.offset + f.length) !== f.expected || (f.deleteParagraph && (!whole || f.text !== "")) || (f.group !== undefined && excluded.has(f.group))) {
        refused.push(f);
        continue;
      }
      if (whole && f.text === "" && (f.length > 0 || f.deleteParagraph)) remove.add(f.paragraph);
      texts[f.paragraph] = text.slice(0, f.offset) + f.text + text.slice(f.offset + f.length);
      lastStart = { paragraph: f.paragraph, offset: f.offset };
      applied++;
    }
    return { texts, remove, refused, applied };
  }

  async select(loc: Location): Promise<void> {
    await this.batch();
    const p = this.paragraphs[loc.paragraph];
    if (!p) throw new HostError("要定位的段落已不存在，请刷新后重试。");
    const found = p.text.slice(loc.offset, loc.offset + loc.length);
    if (loc.length === 0 || (loc.expected !== undefined && found !== loc.expected)) {
      this.selection = { start: { paragraph: loc.paragraph, offset: 0 }, end: { paragraph: loc.paragraph, offset: p.text.length } };
    } else {
      this.selection = { start: { paragraph: loc.paragraph, offset: loc.offset }, end: { paragraph: loc.paragraph, offset: loc.offset + loc.length } };
    }
    this.emit(true);
  }

  private paragraphFrom(b: Block): MemParagraph {
    const p: MemParagraph = { text: b.text };
    if (b.format) {
      const { styleBuiltIn, ...format } = b.format;
      if (styleBuiltIn) {
        p.styleBuiltIn = styleBuiltIn;
        p.style = STYLE_NAMES[styleBuiltIn];
        const m = /^Heading(\d)$/.exec(styleBuiltIn);
        if (m) p.outlineLevel = Number(m[1]);
      }
      // With the 公文 styles defined, the block takes its style by name, as the Word adapter does.
      this.takeStyle(p, gongwenStyleOfBlock(b, this.styleNames()));
      p.format = format;
    }
    if (b.list && this.lists.has(b.list.listId)) p.list = { id: b.list.listId, level: b.list.level };
    return p;
  }

  private selectFirstFillIn(first: number, count: number): void {
    for (let i = first; i < first + count; i++) {
      const m = /【[^】]*】/.exec(this.paragraphs[i].text);
      if (m) {
        this.selection = { start: { paragraph: i, offset: m.index }, end: { paragraph: i, offset: m.index + m[0].length } };
        return;
      }
    }
    const last = first + count - 1;
    const end = { paragraph: last, offset: this.paragraphs[last].text.length };
    this.selection = { start: end, end };
  }

  /** 写入批注: the tool's earlier comments replaced; a request whose anchor changed since the check is skipped. All or nothing. */
  async writeComments(requests: readonly CommentRequest[]): Promise<CommentsResult> {
    await this.batch(true);
    const removed = this.toolComments();
    const paras = this.withoutToolComments();
    let skipped = 0;
    for (const r of requests) {
      const p = paras[r.paragraph];
      if (!p || !anchorHolds(r, p.text)) {
        skipped++;
        continue;
      }
      p.comments = [...(p.comments ?? []), { offset: r.offset, length: r.length, text: r.text, author: USER }];
    }
    this.paragraphs = paras;
    this.emit(false);
    return { written: requests.length - skipped, removed, skipped };
  }

  /** 删除本工具批注: the comments whose text starts with the prefix, and only those. */
  async removeToolComments(): Promise<number> {
    await this.batch(true);
    const removed = this.toolComments();
    if (!removed) return 0;
    this.paragraphs = this.withoutToolComments();
    this.emit(false);
    return removed;
  }

  /** The paragraphs (copies) without the tool's comments; a paragraph left with none has `comments` undefined. */
  private withoutToolComments(): MemParagraph[] {
    return this.paragraphs.map((p) => {
      const kept = p.comments?.filter((c) => !isToolComment(c.text));
      return { ...p, comments: kept?.length ? kept : undefined };
    });
  }

  /** A paragraph takes the defined 公文 style `name` (none: unchanged), with its outline level. */
  private takeStyle(p: MemParagraph, name: string | null): void {
    const def = name ? this.styles.get(name) : undefined;
    if (!def) return;
    p.style = def.name;
    if (def.outlineLevel) p.outlineLevel = def.outlineLevel;
  }

  private toolComments(): number {
    return this.paragraphs.reduce((n, p) => n + (p.comments?.filter((c) => isToolComment(c.text)).length ?? 0), 0);
  }

  private async batch(write = false): Promise<void> {
    this.batches++;
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    if (this.failure) {
      const message = this.failure;
      this.failure = null;
      throw new HostError(`Word 操作失败：${message}。文档未作任何修改。`);
    }
    if (write && this.options.readOnly) throw new HostError("文档处于只读状态，无法修改。请在 Word 中启用编辑后重试。");
  }

  private ordered(): { start: Position; end: Position } {
    const { start, end } = this.selection;
    const before = start.paragraph < end.paragraph || (start.paragraph === end.paragraph && start.offset <= end.offset);
    return before ? { start, end } : { start: end, end: start };
  }

  private clamp(p: Position): Position {
    const paragraph = Math.max(0, Math.min(p.paragraph, this.paragraphs.length - 1));
    const offset = Math.max(0, Math.min(p.offset, this.paragraphs[paragraph].text.length));
    return { paragraph, offset };
  }

  private textBetween(a: Position, b: Position): string {
    if (a.paragraph === b.paragraph) return this.paragraphs[a.paragraph].text.slice(a.offset, b.offset);
    const parts = [this.paragraphs[a.paragraph].text.slice(a.offset)];
    for (let i = a.paragraph + 1; i < b.paragraph; i++) parts.push(this.paragraphs[i].text);
    parts.push(this.paragraphs[b.paragraph].text.slice(0, b.offset));
    return parts.join("\n");
  }

  private emit(selection: boolean): void {
    this.revision++;
    for (const l of this.changeListeners) l();
    if (selection) for (const l of this.selectionListeners) l();
  }

  // 一键排版: paragraph formats, page setup and page numbers of the simulated document (one section).

  /** Page setup: a new Word document's A4 with Word's default margins (2.54 cm top and bottom, 3.17 cm left and right). */
  page: PageSetupState = { paperSize: "A4", pageWidthPt: 595.3, pageHeightPt: 841.9, topMarginPt: 72, bottomMarginPt: 72, leftMarginPt: 90, rightMarginPt: 90, oddAndEvenPagesHeaderFooter: false };
  footers: Partial<Record<FooterKind, MemFooter>> = {};
  /** The odd-page (primary) header's text. */
  header = "";

  /** The 公文 styles defined in the simulated document, by name (the harness draws paragraphs of these styles from them). */
  styles = new Map<string, GongwenStyleDef>();

  /** Define the styles the package carries, as Word's insertOoxml would (an existing style of the same name is replaced). */
  async defineStyles(pkg: string, _defs?: readonly GongwenStyleDef[]): Promise<StylesResult> {
    await this.batch(true);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" });
    let defs: GongwenStyleDef[];
    try {
      defs = parseStylesPackage(pkg, (xml) => parser.parse(xml));
    } catch (e) {
      throw new HostError(`样式定义无效：${(e as Error).message}`, e);
    }
    const styles = new Map(this.styles);
    for (const d of defs) styles.set(d.name, d);
    this.styles = styles;
    this.emit(false);
    return { defs: this.readStylesNow(), notes: [] };
  }

  async readStyles(): Promise<GongwenStyleDef[]> {
    await this.batch();
    return this.readStylesNow();
  }

  /** The 公文 styles 一键排版 and inserts may set by name: none where the host is told it cannot look styles up (as Word below WordApi 1.5). */
  private styleNames(): string[] {
    return this.formatCapabilities().namedStyles ? [...this.styles.keys()] : [];
  }

  private readStylesNow(): GongwenStyleDef[] {
    return GONGWEN_STYLES.flatMap((s) => (this.styles.has(s.name) ? [{ ...this.styles.get(s.name)! }] : []));
  }

  formatCapabilities(): FormatCapabilities {
    return { ...ALL_CAPABILITIES, ...this.options.capabilities };
  }

  async readFormats(): Promise<DocumentFormats> {
    await this.batch();
    return {
      paragraphs: this.paragraphs.map((p) => ({ ...memFormatState(p), styleBuiltIn: p.styleBuiltIn ?? "Normal" })),
      page: { ...this.page },
      footerEmpty: !this.footers.Primary?.text.trim(),
      capabilities: this.formatCapabilities(),
      styles: this.styleNames(),
    };
  }

  async applyFormatting(plan: FormatPlan): Promise<FormatApplyResult> {
    await this.batch(true);
    const caps = this.formatCapabilities();
    const notes = formatNotes(plan, caps, undefined, this.styleNames());
    const paras = this.paragraphs.map((p) => ({ ...p }));
    const backup: FormatBackup = { paragraphs: [], page: null, pageNumbers: null };
    let applied = 0;
    let skipped = 0;
    for (const pp of plan.paragraphs) {
      const p = paras[pp.paragraph];
      if (!p || p.text !== pp.expected) {
        skipped++;
        continue;
      }
      backup.paragraphs.push({ paragraph: pp.paragraph, expected: pp.expected, before: memFormatState(p) });
      const { styleBuiltIn, lineSpacingPt, firstLineIndentPt, ...chars } = pp.format;
      const { asciiFont: _ascii, ...kept } = p.format ?? {};
      const format: Partial<ParagraphFormat & MemFormatExtras> = { ...kept, ...chars, spaceBeforePt: 0, spaceAfterPt: 0 };
      const next: MemParagraph = { ...p, format };
      if (!pp.listItem) {
        format.firstLineIndentPt = firstLineIndentPt;
        format.leftIndentPt = 0;
        format.rightIndentPt = pp.rightIndentPt ?? 0;
        if (styleBuiltIn) {
          next.styleBuiltIn = styleBuiltIn;
          next.style = STYLE_NAMES[styleBuiltIn];
          const level = /^Heading(\d)$/.exec(styleBuiltIn);
          if (level) next.outlineLevel = Number(level[1]);
          else delete next.outlineLevel;
        }
        // With the 公文 styles defined, the paragraph takes its style (which carries exact spacing and character indents),
        // chosen as the Word adapter chooses it (plannedStyle: a run-in heading takes 公文正文).
        this.takeStyle(next, plannedStyle(pp, this.styleNames()));
      }
      if (caps.fixedLineSpacing) format.lineSpacingPt = lineSpacingPt;
      if (pp.asciiFont && caps.asciiFont) format.asciiFont = pp.asciiFont;
      // Setting the paragraph's font sets all of its text; a run-in heading's sentence then gets its own.
      delete next.runs;
      if (pp.runIn) {
        const run: RunFormatState = { offset: pp.runIn.offset, length: pp.runIn.length, ...pp.runIn.format };
        if (pp.asciiFont && caps.asciiFont) run.asciiFont = pp.asciiFont;
        next.runs = [run];
      }
      paras[pp.paragraph] = next;
      applied++;
    }
    let page = { ...this.page };
    const footers = { ...this.footers };
    if (plan.page && caps.pageSetup) {
      backup.page = [{ ...this.page }];
      const { paperSize, pageWidthPt, pageHeightPt, topMarginPt, bottomMarginPt, leftMarginPt, rightMarginPt, footerDistancePt } = plan.page;
      page = { ...page, paperSize, pageWidthPt, pageHeightPt, topMarginPt, bottomMarginPt, leftMarginPt, rightMarginPt, footerDistancePt };
    }
    if (plan.pageNumbers && caps.pageNumbers) {
      const n = plan.pageNumbers;
      const layout = pageNumberLayout(n, {
        primaryFooterEmpty: !footers.Primary?.text.trim(),
        evenFooterEmpty: !footers.EvenPages?.text.trim(),
        headerEmpty: !this.header.trim(),
        oddAndEven: !!page.oddAndEvenPagesHeaderFooter,
      });
      if (layout.note) notes.push(layout.note);
      if (layout.footers.length) {
        backup.pageNumbers = { footers: layout.footers.map((f) => f.kind), oddAndEvenBefore: !!page.oddAndEvenPagesHeaderFooter };
        if (layout.setOddAndEven) page = { ...page, oddAndEvenPagesHeaderFooter: true };
        for (const f of layout.footers) {
          footers[f.kind] = { text: `${n.before}{PAGE}${n.after}`, font: n.font, sizePt: n.sizePt, alignment: f.alignment, leftIndentPt: f.leftIndentPt, rightIndentPt: f.rightIndentPt };
        }
      }
    }
    this.paragraphs = paras;
    this.page = page;
    this.footers = footers;
    this.emit(false);
    return { applied, skipped, backup, notes };
  }

  async restoreFormatting(backup: FormatBackup): Promise<RestoreResult> {
    await this.batch(true);
    const paras = this.paragraphs.map((p) => ({ ...p }));
    let restored = 0;
    let skipped = 0;
    for (const b of backup.paragraphs) {
      const p = paras[b.paragraph];
      if (!p || p.text !== b.expected) {
        skipped++;
        continue;
      }
      paras[b.paragraph] = memRestore(p, b.before);
      restored++;
    }
    let page = { ...this.page };
    const footers = { ...this.footers };
    if (backup.page?.[0]) page = { ...backup.page[0] };
    if (backup.pageNumbers) {
      for (const kind of backup.pageNumbers.footers) delete footers[kind];
      if (backup.pageNumbers.oddAndEvenBefore !== null) page = { ...page, oddAndEvenPagesHeaderFooter: backup.pageNumbers.oddAndEvenBefore };
    }
    this.paragraphs = paras;
    this.page = page;
    this.footers = footers;
    this.emit(false);
    return { restored, skipped, notes: skipped ? [`有 ${skipped} 段在排版之后已被修改，未还原其格式。`] : [] };
  }
}

/** A memory document from plain lines (tests, the CLI). */
export function memoryHostFromLines(lines: string[], options?: MemoryHostOptions): MemoryHost {
  return new MemoryHost({ paragraphs: lines.map((text) => ({ text })) }, options);
}

/** A simulated paragraph's format as read: `undefined` where the paragraph has none of its own. */
function memFormatState(p: MemParagraph): ParagraphFormatState {
  const f = p.format ?? {};
  return {
    style: p.style,
    styleBuiltIn: p.styleBuiltIn,
    outlineLevel: p.outlineLevel,
    font: f.font,
    asciiFont: f.asciiFont,
    sizePt: f.sizePt,
    bold: f.bold,
    alignment: f.alignment,
    firstLineIndentPt: f.firstLineIndentPt,
    leftIndentPt: f.leftIndentPt,
    rightIndentPt: f.rightIndentPt,
    lineSpacingPt: f.lineSpacingPt,
    spaceBeforePt: f.spaceBeforePt,
    spaceAfterPt: f.spaceAfterPt,
    runs: p.runs?.map((r) => ({ ...r })),
  };
}

/** A simulated paragraph with the format it had (the inverse of memFormatState). */
function memRestore(p: MemParagraph, st: ParagraphFormatState): MemParagraph {
  // Everything but the format (text, list, table membership …) stays as it is now.
  const { style: _s, styleBuiltIn: _b, outlineLevel: _o, format: _f, runs: _r, ...rest } = p;
  const out: MemParagraph = rest;
  if (st.style !== undefined) out.style = st.style;
  if (st.styleBuiltIn !== undefined) out.styleBuiltIn = st.styleBuiltIn;
  if (st.outlineLevel !== undefined) out.outlineLevel = st.outlineLevel;
  const format: Partial<ParagraphFormat & MemFormatExtras> = {};
  const set = <K extends keyof (ParagraphFormat & MemFormatExtras)>(key: K, value: (ParagraphFormat & MemFormatExtras)[K] | null | undefined) => {
    if (value !== undefined && value !== null) format[key] = value;
  };
  set("font", st.font);
  set("asciiFont", st.asciiFont);
  set("sizePt", st.sizePt);
  set("bold", st.bold);
  set("alignment", st.alignment as ParagraphFormat["alignment"] | null | undefined);
  set("firstLineIndentPt", st.firstLineIndentPt);
  set("leftIndentPt", st.leftIndentPt);
  set("rightIndentPt", st.rightIndentPt);
  set("lineSpacingPt", st.lineSpacingPt);
  set("spaceBeforePt", st.spaceBeforePt);
  set("spaceAfterPt", st.spaceAfterPt);
  if (Object.keys(format).length) out.format = format;
  if (st.runs?.length) out.runs = st.runs.map((r) => ({ ...r }));
  return out;
}
