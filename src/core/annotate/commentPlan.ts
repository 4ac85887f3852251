// The comments 写入批注 asks a document host to write: one per finding, with the same text the annotated copies carry
// (commentText), anchored as the annotator anchors them — the finding's exact characters, else its paragraph, else the
// title — and with the text the check saw there, so the host can refuse a place that has changed since.
import type { Finding } from "../check/types";
import { findingToJson } from "../check/engine";
import { commentText, wholeCharacters } from "./commentText";

export interface CommentRequest {
  paragraph: number;
  /** Where the comment goes in the paragraph; `whole`: on the whole paragraph (offset 0, its length). */
  offset: number;
  length: number;
  whole: boolean;
  /** The text the check saw at the anchor (the whole paragraph's text when `whole`): a place that reads otherwise is skipped. */
  expected: string;
  /** The comment's text: 【提纲助手】, the severity, the message and the suggested fix. */
  text: string;
}

/** What writing comments did: written, the tool's earlier comments removed, findings skipped because their text changed. */
export interface CommentsResult {
  written: number;
  removed: number;
  skipped: number;
}

/**
 * One request per finding, in document order. `texts`: the paragraphs as checked; `title`: the title paragraph (-1: none),
 * for a finding whose paragraph is not in the document (document level).
 */
export function planComments(texts: readonly string[], title: number, findings: readonly Finding[]): CommentRequest[] {
  const fallback = title >= 0 && title < texts.length ? title : Math.max(0, texts.findIndex((t) => t.trim() !== ""));
  const out: CommentRequest[] = [];
  for (const f of findings) {
    const text = commentText(findingToJson(f));
    const own = f.paragraph >= 0 && f.paragraph < texts.length;
    const paragraph = own ? f.paragraph : fallback;
    const pText = texts[paragraph];
    if (pText === undefined) continue;
    if (own && f.length > 0 && f.offset >= 0 && f.offset + f.length <= pText.length) {
      const [from, to] = wholeCharacters(pText, f.offset, f.length);
      out.push({ paragraph, offset: from, length: to - from, whole: false, expected: pText.slice(from, to), text });
    } else {
      out.push({ paragraph, offset: 0, length: pText.length, whole: true, expected: pText, text });
    }
  }
  return out;
}

/** Whether a request's anchor still reads what the check saw (`text`: the paragraph now; undefined: it is gone). */
export function anchorHolds(r: CommentRequest, text: string | undefined): boolean {
  if (text === undefined) return false;
  return r.whole ? text === r.expected : text.slice(r.offset, r.offset + r.length) === r.expected;
}
