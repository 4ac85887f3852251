// 写入批注 and 删除本工具批注 in Word (WordApi 1.4): the findings as comments, the tool's comments recognised by prefix.
//
// What the sources say, and how this follows it (the Word JavaScript API reference, @types/office-js, WordApi 1.4):
// - `Range.insertComment(commentText)` inserts a comment on a range and returns it; `Paragraph` has no insertComment,
//   so a comment on a whole paragraph goes on `Paragraph.getRange("Content")` (an empty one's on "Whole", its mark).
// - `Body.getComments()` returns the body's comments; `Comment.content` is the comment's plain text, `Comment.id` its
//   id, `Comment.delete()` deletes it with its replies. `Comment.authorName` is read-only: in Word the author is always
//   the signed-in user, so the tool's own comments are recognised by the 【提纲助手】 prefix of their text.
// - Word does not roll a batch back (OfficeExtension.Error reference): the write holds only deletions of comments
//   loaded in the read and insertions on ranges verified there; after a failed write the comments are read again and
//   the message says which were deleted and written.
// - Inserting four or more comments in one sync and then pressing Ctrl+Z has hung Word for Mac and Windows
//   (OfficeDev/office-js#4566): the pane points to 删除本工具批注 for taking them out again.
// - insertComment fails with NotAllowed on some Word on the web tenants (OfficeDev/office-js#6746): that write fails
//   whole, and the re-read says so.
import { isToolComment } from "../../core/annotate/commentText";
import { anchorHolds, type CommentRequest, type CommentsResult } from "../../core/annotate/commentPlan";
import { MAX_SEARCH, WriteFailed, queueReviewedText, reviewedTexts, type Ctx, type WordHostDeps } from "./shared";
import { CONTROL, hitAt, queueKeySearch } from "./locate";

/** The body's comments with their text and id, queued for the next sync. */
function queueComments(context: Ctx): Word.CommentCollection {
  const comments = context.document.body.getComments();
  comments.load("items/id,items/content");
  return comments;
}

/** Planned before the write: where each comment goes, checked in the reads. */
interface Placed {
  request: CommentRequest;
  para: Word.Paragraph;
  /** The search for the finding's exact text (null: the comment goes on the whole paragraph). */
  found: Word.RangeCollection | null;
  /** The text Word's search sees in the paragraph (raw, tracked deletions included). */
  raw: string;
  control: Word.ContentControl;
}

/**
 * Write `requests` as comments, replacing the tool's earlier ones, in 3 syncs whatever the document's size:
 * (1) read the paragraphs' text (reviewed, on 1.4) and the body's comments; (2) load each exact anchor's search hits and
 * each anchor paragraph's content control; (3) delete the earlier tool comments and insert the verified ones.
 */
export async function writeCommentsIn(context: Ctx, deps: WordHostDeps, requests: readonly CommentRequest[]): Promise<CommentsResult> {
  const paras = context.document.body.paragraphs;
  paras.load("items/text");
  const track = queueReviewedText(context, deps);
  const comments = queueComments(context);
  await context.sync();
  const raw = paras.items.map((p) => p.text ?? "");
  const texts = reviewedTexts(raw, track.text);
  const old = comments.items.filter((c) => isToolComment(c.content ?? ""));

  // 1 → 2: every anchor must still read what the check saw; exact ones are searched for, in the same sync.
  const placed: Placed[] = [];
  let skipped = 0;
  for (const request of requests) {
    const para = paras.items[request.paragraph];
    if (!para || !anchorHolds(request, texts[request.paragraph])) {
      skipped++;
      continue;
    }
    const rawText = raw[request.paragraph];
    // An exact anchor Word's search cannot find reliably (a tracked change in the paragraph, over 255 characters, a
    // control character) goes on the paragraph, whose text was verified just now.
    const searchable = !request.whole && rawText === texts[request.paragraph] && request.expected.length <= MAX_SEARCH && !CONTROL.test(request.expected);
    const control = para.parentContentControlOrNullObject;
    control.load("isNullObject,cannotEdit");
    placed.push({ request, para, raw: rawText, control, found: searchable ? queueKeySearch(para, request.expected) : null });
  }
  if (placed.length) await context.sync();

  // 2 → 3: the targets, verified; a paragraph in a locked content control takes no comment (the safe assumption).
  const targets: { range: Word.Range; text: string }[] = [];
  for (const p of placed) {
    if (!p.control.isNullObject && p.control.cannotEdit) {
      skipped++;
      continue;
    }
    const hit = p.found ? hitAt(p.found, p.raw, p.request.expected, p.request.offset) : null;
    // An empty paragraph's content is an empty range: its comment goes on the paragraph mark ("Whole") instead.
    targets.push({ range: hit ?? p.para.getRange(p.raw ? "Content" : "Whole"), text: p.request.text });
  }
  if (!old.length && !targets.length) return { written: 0, removed: 0, skipped };
  const oldIds = new Set(old.map((c) => c.id));
  for (const c of old) c.delete();
  for (const t of targets) t.range.insertComment(t.text);
  try {
    await context.sync();
  } catch (e) {
    throw new WriteFailed(e, { recheck: (ctx) => recheckComments(ctx, oldIds, targets.length) });
  }
  return { written: targets.length, removed: old.length, skipped };
}

/** 删除本工具批注 in 2 syncs: read the body's comments, delete those with the prefix. */
export async function removeToolCommentsIn(context: Ctx): Promise<number> {
  const comments = queueComments(context);
  await context.sync();
  const old = comments.items.filter((c) => isToolComment(c.content ?? ""));
  if (!old.length) return 0;
  for (const c of old) c.delete();
  try {
    await context.sync();
  } catch (e) {
    throw new WriteFailed(e, { recheck: (ctx) => recheckComments(ctx, new Set(old.map((c) => c.id)), 0) });
  }
  return old.length;
}

/** After a failed write: which of the tool's earlier comments (`oldIds`) are gone and how many new ones are there. */
async function recheckComments(context: Ctx, oldIds: ReadonlySet<string>, planned: number): Promise<string> {
  const comments = queueComments(context);
  await context.sync();
  const tool = comments.items.filter((c) => isToolComment(c.content ?? ""));
  const kept = tool.filter((c) => oldIds.has(c.id)).length;
  const added = tool.length - kept;
  const removed = oldIds.size - kept;
  const parts = [oldIds.size ? `原有的 ${oldIds.size} 条本工具批注删除了 ${removed} 条` : "", planned ? `计划写入的 ${planned} 条批注写入了 ${added} 条` : added ? `另有 ${added} 条本工具批注` : ""].filter(Boolean);
  const changed = removed > 0 || added > 0;
  return `已核对文档：${parts.join("，")}（Word 不会撤回同一批中已执行的操作）。${changed ? "可再次点“写入批注”或“删除本工具批注”使批注完整。" : "文档中的批注没有变化。"}`;
}
