// Reading Word: the snapshot of every paragraph and the cursor, the light cursor read, and jumping to a location.
import type { DocSnapshot, Paragraph } from "../../core/model";
import { HostError, type CursorInfo, type Location } from "../DocumentHost";
import { MAX_SEARCH, PARAGRAPH_FIELDS, queueReviewedText, reviewedTexts, type Ctx, type WordHostDeps } from "./shared";
import { hitAt, queueKeySearch } from "./locate";

function isItemNotFound(e: unknown): boolean {
  return (e as { code?: string })?.code === "ItemNotFound";
}

/**
 * The body's paragraphs from its start through the whole of `para` (its paragraph mark included). A range ending at
 * the start of a paragraph, as an empty line's cursor does, would stop before it; one outside the body (header,
 * footer, footnote, text box) fails the sync with ItemNotFound, as expandTo does across stories.
 */
function throughParagraph(context: Ctx, para: Word.Paragraph): Word.ParagraphCollection {
  const through = context.document.body.getRange("Start").expandTo(para.getRange("Whole")).paragraphs;
  through.load("items/tableNestingLevel");
  return through;
}

function paragraphOf(p: Word.Paragraph, text: string): Paragraph {
  const out: Paragraph = { text, style: p.style, styleBuiltIn: p.styleBuiltIn };
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
}

/** Every paragraph and the cursor in one sync; a cursor outside the body costs one more (the read is repeated without it). */
export async function readSnapshot(context: Ctx, deps: WordHostDeps): Promise<DocSnapshot> {
  const read = (withCursor: boolean) => {
    const paras = context.document.body.paragraphs;
    paras.load(PARAGRAPH_FIELDS);
    const track = queueReviewedText(context, deps);
    if (!withCursor) return { paras, track, cursor: null };
    const sel = context.document.getSelection();
    sel.load("text,isEmpty");
    const first = throughParagraph(context, sel.paragraphs.getFirst());
    const last = sel.paragraphs.getLast();
    const throughEnd = throughParagraph(context, last);
    // From the start of the selection's last paragraph to the selection's end: its length is the cursor's offset.
    const lead = last.getRange("Start").expandTo(sel.getRange("End"));
    lead.load("text");
    return { paras, track, cursor: { sel, first, throughEnd, lead } };
  };
  let r = read(true);
  try {
    await context.sync();
  } catch (e) {
    if (!isItemNotFound(e)) throw e;
    r = read(false);
    await context.sync();
  }
  const raw = r.paras.items.map((p) => p.text ?? "");
  const texts = reviewedTexts(raw, r.track.text);
  const paragraphs = r.paras.items.map((p, i) => paragraphOf(p, texts[i]));
  const trackChanges = r.track.mode ? (r.track.mode.changeTrackingMode === "Off" ? "off" : "on") : "unknown";
  if (!r.cursor) {
    const last = Math.max(0, paragraphs.length - 1);
    return { paragraphs, cursor: last, cursorEnd: last, cursorEndOffset: paragraphs[last]?.text.length ?? 0, selectionEmpty: true, selectionText: "", cursorOutsideBody: true, trackChanges };
  }
  const { sel, first, throughEnd, lead } = r.cursor;
  const cursor = Math.max(0, first.items.length - 1);
  return { paragraphs, cursor, cursorEnd: Math.max(cursor, throughEnd.items.length - 1), cursorEndOffset: (lead.text ?? "").length, selectionEmpty: sel.isEmpty, selectionText: sel.isEmpty ? "" : sel.text, trackChanges };
}

/**
 * The light cursor read: one sync, one small field per paragraph for the count, the text of the cursor's paragraph
 * only (Loading every paragraph's text froze Word for Mac on a 50-page document, office-js #6024.)
 */
export async function readCursorIn(context: Ctx): Promise<CursorInfo> {
  const all = context.document.body.paragraphs;
  all.load("items/tableNestingLevel");
  const here = context.document.getSelection().paragraphs.getLast();
  here.load("text");
  const through = throughParagraph(context, here);
  try {
    await context.sync();
    return { paragraph: Math.max(0, through.items.length - 1), text: here.text ?? "", paragraphCount: all.items.length, outsideBody: false };
  } catch (e) {
    if (!isItemNotFound(e)) throw e;
  }
  const again = context.document.body.paragraphs;
  again.load("items/tableNestingLevel");
  const last = context.document.body.paragraphs.getLast();
  last.load("text");
  await context.sync();
  return { paragraph: Math.max(0, again.items.length - 1), text: last.text ?? "", paragraphCount: again.items.length, outsideBody: true };
}

/**
 * Select a location: the paragraph is verified, the search results loaded (a miss cannot fail the batch), and the hit
 * whose text is exactly the finding is chosen among them (Word may also return the other-width form). 3 syncs.
 */
export async function selectIn(context: Ctx, loc: Location): Promise<void> {
  const paras = context.document.body.paragraphs;
  paras.load("items/text");
  await context.sync();
  const para = paras.items[loc.paragraph];
  if (!para) throw new HostError("要定位的段落已不存在，请刷新后重试。");
  const text = para.text ?? "";
  const found = text.slice(loc.offset, loc.offset + loc.length);
  const exact = loc.length > 0 && loc.length <= MAX_SEARCH && (loc.expected === undefined || found === loc.expected);
  let target: Word.Paragraph | Word.Range = para;
  if (exact) {
    const results = queueKeySearch(para, found);
    await context.sync();
    target = hitAt(results, text, found, loc.offset) ?? para;
  }
  target.select("Select");
  await context.sync();
}
