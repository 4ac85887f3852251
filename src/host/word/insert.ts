// Inserting in Word: paragraphs after a verified anchor (lists joined once, tables stepped over), phrases at the cursor.
import type { Block } from "../../core/blocks";
import type { Fix } from "../../core/check/types";
import { HostError, type InsertAt } from "../DocumentHost";
import { onlyText, planSpan, queueContentCheck, queueKeySearch, verifiedHit, type ContentCheck } from "./locate";
import { writeSync, type Ctx } from "./shared";
import { queueStyleLookup } from "./styles";
import { gongwenStyleOfBlock } from "../../core/format/ooxml";

const FILL_IN = /【[^】]*】/;

function lockedMessage(title: string): HostError {
  const name = title ? `“${title}”` : "";
  return new HostError(`光标所在的内容控件${name}已锁定，不能在其中插入文字。请把光标移出该控件后重试。本次没有向文档写入任何内容。`);
}

/** Text before the first 【…】, the 【…】, the rest: inserted piece by piece so the fill-in is selected without a search. */
function pieces(text: string): { before: string; fill: string; after: string } | null {
  const m = FILL_IN.exec(text);
  return m ? { before: text.slice(0, m.index), fill: m[0], after: text.slice(m.index + m[0].length) } : null;
}

interface Anchor {
  para: Word.Paragraph;
  control: Word.ContentControl;
  table: Word.Table;
  /** Only for an anchor that reads as empty: is it really (no picture, field, …)? */
  check: ContentCheck | null;
}

/** The body read of an insert; with list blocks also each item's list, level and indents (to copy a level's indents). */
function readFields(lists: boolean): string {
  const fields = ["text", "isListItem", "tableNestingLevel"];
  if (lists) fields.push("leftIndent", "firstLineIndent", "listItemOrNullObject/level", "listOrNullObject/id");
  return fields.map((f) => `items/${f}`).join(",");
}

/**
 * Insert paragraphs after the anchor. Syncs: (1) read the body, (2) verify the anchor (content control, table, an
 * "empty" anchor's content) and the renumbered markers' search hits, (3) write, loading the new paragraphs' list
 * state, (4) only when a list needs it: attach, detach or set the level of the paragraphs whose list state is now known.
 * With `namedStyles` (WordApi 1.5), read (1) also looks up the 公文 styles: a formatted block takes its style by name
 * where the document has it, else the built-in style.
 */
export async function insertBlocksIn(context: Ctx, blocks: Block[], at: Extract<InsertAt, { kind: "after" }>, renumber: readonly Fix[], namedStyles = false): Promise<void> {
  const paras = context.document.body.paragraphs;
  const lists = blocks.some((b) => b.list);
  paras.load(readFields(lists));
  const lookup = namedStyles && blocks.some((b) => b.format) ? queueStyleLookup(context) : null;
  await context.sync();
  const present = lookup ? lookup() : [];
  const items = paras.items;
  if (at.paragraph >= items.length || (at.paragraph >= 0 && items[at.paragraph].text !== at.expected)) {
    throw new HostError("文档在读取之后已被修改，插入位置已变化。请刷新后重试。");
  }
  const before = items.map((p) => p.text ?? "");
  const anchorPara = at.paragraph < 0 ? items[0] : items[at.paragraph];
  const anchor: Anchor = {
    para: anchorPara,
    control: anchorPara.parentContentControlOrNullObject,
    table: anchorPara.parentTableOrNullObject,
    check: at.paragraph >= 0 && /^\s*$/.test(anchorPara.text ?? "") && !anchorPara.isListItem && anchorPara.tableNestingLevel === 0 ? queueContentCheck(anchorPara) : null,
  };
  anchor.control.load("title,cannotEdit");
  anchor.table.load("rowCount");
  // Later headings pushed down by the insert: each marker is found by a unique, verified search hit.
  const renumbered = renumber.map((fix) => {
    const para = items[fix.paragraph];
    const text = para?.text ?? "";
    const span = para && fix.paragraph > at.paragraph && text.slice(fix.offset, fix.offset + fix.length) === fix.expected ? planSpan(text, text, fix.offset, fix.expected, fix.text) : null;
    if (!span) throw new HostError("文档在读取之后已被修改，其后标题的序号已变化。请刷新后重试。");
    return { para, span, found: span.kind === "key" ? queueKeySearch(para, span.key) : null };
  });
  await context.sync();
  if (!anchor.control.isNullObject && anchor.control.cannotEdit) throw lockedMessage(anchor.control.title);
  const hits = renumbered.map((r) => (r.span.kind === "key" ? r.found && verifiedHit(r.found, r.span.key) : null));
  if (renumbered.some((r, i) => r.span.kind === "key" && !hits[i])) throw new HostError("其后标题的序号在 Word 中无法唯一定位，未插入。请刷新后重试。");

  // The write: paragraphs, their formats, the renumbered markers, the selection of the first fill-in.
  const inTable = !anchor.table.isNullObject;
  const fill = !!anchor.check && onlyText(anchor.check);
  const inserted: Word.Paragraph[] = [];
  let last = anchor.para;
  let selected = false;
  blocks.forEach((b, i) => {
    const parts = selected ? null : pieces(b.text);
    const lead = parts ? parts.before : b.text;
    let p: Word.Paragraph;
    if (i === 0 && fill) {
      // An empty anchor is filled ("Start": even a missed picture would stay), not left as a blank line.
      if (lead) anchor.para.insertText(lead, "Start");
      p = anchor.para;
    } else if (i === 0 && at.paragraph < 0) p = anchor.para.insertParagraph(lead, "Before");
    else if (i === 0 && inTable) p = anchor.table.insertParagraph(lead, "After");
    else p = last.insertParagraph(lead, "After");
    if (parts) {
      const range = p.insertText(parts.fill, "End");
      if (parts.after) p.insertText(parts.after, "End");
      range.select("Select");
      selected = true;
    }
    applyBlockFormat(p, b, gongwenStyleOfBlock(b, present));
    p.load("isListItem,listItemOrNullObject/level,listOrNullObject/id");
    inserted.push(p);
    last = p;
  });
  renumbered.forEach((r, i) => {
    const hit = hits[i];
    if (r.span.kind === "key") hit!.insertText(r.span.replacement, "Replace");
    else r.para.insertText(r.span.insert, r.span.kind === "start" ? "Start" : "End");
  });
  if (!selected) last.getRange("End").select("Select");
  await writeSync(context, before);

  // Lists: what Word made of each new paragraph (an insert after a list item joins it; a heading style may number it)
  // is known now, so each list command goes to a paragraph whose state it fits.
  let listWrites = 0;
  blocks.forEach((b, i) => {
    const p = inserted[i];
    const isItem = p.isListItem && !p.listOrNullObject.isNullObject;
    const want = b.list && Number.isFinite(Number(b.list.listId)) ? { id: Number(b.list.listId), level: b.list.level } : null;
    if (!want) {
      if (isItem) {
        p.detachFromList();
        listWrites++;
      }
      return;
    }
    const sibling = lists && items.find((q) => q.isListItem && !q.listOrNullObject.isNullObject && q.listOrNullObject.id === want.id && q.listItemOrNullObject.level === want.level);
    if (isItem && p.listOrNullObject.id === want.id) {
      if (p.listItemOrNullObject.level === want.level) return;
      p.listItem.level = want.level;
    } else {
      if (isItem) p.detachFromList();
      p.attachToList(want.id, want.level);
    }
    // attachToList does not apply the level's indents (office-js #6524): take them from an item of that level.
    if (sibling) {
      p.leftIndent = sibling.leftIndent;
      p.firstLineIndent = sibling.firstLineIndent;
    }
    listWrites++;
  });
  if (listWrites) await writeSync(context, before);
}

/** The cursor's paragraph as an insert position: read in one light sync (readCursor), then inserted after. */
export function afterCursor(cursor: { paragraph: number; text: string }): Extract<InsertAt, { kind: "after" }> {
  return { kind: "after", paragraph: cursor.paragraph, expected: cursor.text };
}

/** Insert text after the selection (never over it), in 2 syncs: a locked content control is refused by name first. */
export async function insertInlineIn(context: Ctx, text: string): Promise<void> {
  const sel = context.document.getSelection();
  const control = sel.parentContentControlOrNullObject;
  control.load("title,cannotEdit");
  await context.sync();
  if (!control.isNullObject && control.cannotEdit) throw lockedMessage(control.title);
  const parts = pieces(text);
  const seq = parts ? [parts.before, parts.fill, parts.after] : [text];
  let range: Word.Range | null = null;
  let fill: Word.Range | null = null;
  seq.forEach((piece, i) => {
    if (!piece) return;
    range = range ? range.insertText(piece, "After") : sel.insertText(piece, "End");
    if (parts && i === 1) fill = range;
  });
  if (fill) (fill as Word.Range).select("Select");
  else if (range) (range as Word.Range).select("End");
  await writeSync(context, "unchecked");
}

/** A block's format: its 公文 style (exact line spacing, outline level) or the built-in style, and the direct formats. */
function applyBlockFormat(p: Word.Paragraph, b: Block, style: string | null): void {
  const f = b.format;
  if (!f) return;
  if (style) p.style = style;
  else if (f.styleBuiltIn) p.styleBuiltIn = f.styleBuiltIn as Word.BuiltInStyleName;
  p.font.name = f.font;
  p.font.size = f.sizePt;
  p.font.bold = f.bold;
  p.font.italic = false;
  p.font.color = "#000000";
  p.alignment = ({ left: "Left", centered: "Centered", right: "Right", justified: "Justified" } as const)[f.alignment];
  // A list item takes its level's indents (set once its list state is known).
  if (!b.list) {
    p.firstLineIndent = f.firstLineIndentPt;
    p.leftIndent = 0;
  }
  // Not p.lineSpacing: Word takes it as a multiple (points ÷ 12), so 28 would give 2.33 lines, not 固定值 28 磅.
  // No requirement set sets an exact line spacing; the paragraph keeps its style's spacing (the 公文 styles': exact).
  p.lineUnitBefore = 0;
  p.lineUnitAfter = 0;
  p.spaceBefore = 0;
  p.spaceAfter = 0;
}
