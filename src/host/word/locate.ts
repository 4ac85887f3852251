// Finding the exact text a fix or a jump means, the way Word's search sees it, and checking a paragraph holds nothing but text.
import { MAX_SEARCH, escapeSearch, searchExact } from "./shared";

/**
 * Forms Word's search may treat as equal: half- and full-width letters, digits and punctuation, straight and curly
 * quotes, the ideographic space. A key must be unique under this folding, so a search that matches either form still
 * finds one place.
 */
export function foldForSearch(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\u3000/g, " ");
}

/** Occurrences of `needle` in `text`, overlapping ones included. */
function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

/** Where an edit goes: the start or end of the paragraph (no search), or a search key found exactly once. */
/** `from`–`to`: the characters of the paragraph the edit touches (the key, neighbours included): edits must not share any. */
export type SpanPlan =
  | { kind: "start"; insert: string; from: number; to: number }
  | { kind: "end"; insert: string; from: number; to: number }
  | { kind: "key"; key: string; replacement: string; from: number; to: number };

/**
 * The smallest edit that turns `expected` at `offset` of `text` into `replacement`: the common head and tail are left
 * alone, so a whole-paragraph fix touches only the characters that change (pictures, fields and run formats around
 * them stay). The changed span is widened by neighbouring characters until it is unique in `searched` (what Word's
 * search sees: the paragraph text with tracked deletions, office-js #1267), under width folding. Null: no unique key
 * of at most 255 characters; the fix is refused rather than applied at a guessed place.
 */
export function planSpan(text: string, searched: string, offset: number, expected: string, replacement: string): SpanPlan | null {
  let head = 0;
  while (head < expected.length && head < replacement.length && expected[head] === replacement[head]) head++;
  let tail = 0;
  while (tail < expected.length - head && tail < replacement.length - head && expected[expected.length - 1 - tail] === replacement[replacement.length - 1 - tail]) tail++;
  let start = offset + head;
  const end = offset + expected.length - tail;
  let mid = replacement.slice(head, replacement.length - tail);
  if (start === end) {
    if (!mid) return null;
    if (start === 0) return { kind: "start", insert: mid, from: 0, to: 0 };
    if (end === text.length) return { kind: "end", insert: mid, from: end, to: end };
    // A pure insertion is anchored on the character before it.
    start--;
    mid = text[start] + mid;
  }
  const folded = foldForSearch(searched);
  let a = start;
  let b = end;
  // A key never holds a control character: Word's text shows a line break as \v (office-js #2792) and a cell end as
  // \u0007, which its search spells otherwise (^l); such a span is not searched for.
  const plain = (i: number) => !CONTROL.test(text[i]);
  if (CONTROL.test(text.slice(a, b))) return null;
  for (let turn = 0; ; turn++) {
    const key = text.slice(a, b);
    if (escapeSearch(key).length > MAX_SEARCH) return null;
    if (occurrences(folded, foldForSearch(key)) === 1) return { kind: "key", key, replacement: text.slice(a, start) + mid + text.slice(end, b), from: a, to: b };
    const left = a > 0 && plain(a - 1);
    const right = b < text.length && plain(b);
    if (!left && !right) return null;
    if (left && (turn % 2 === 0 || !right)) a--;
    else b++;
  }
}

/** A control character: Word's text shows a line break as \v and a cell end as \u0007, which its search spells otherwise. */
export const CONTROL = /[\u0000-\u001f]/;

/** A search whose hits are loaded with their text, to be verified before anything is written. */
export function queueKeySearch(para: Word.Paragraph, key: string): Word.RangeCollection {
  const found = searchExact(para, key);
  found.load("items/text");
  return found;
}

/** The one verified hit of a key: exactly one result, reading exactly the key. */
export function verifiedHit(found: Word.RangeCollection, key: string): Word.Range | null {
  return found.items.length === 1 && found.items[0].text === key ? found.items[0] : null;
}

/** Occurrences of `needle` before `offset` in `text` (non-overlapping, as Word's search steps). */
function occurrenceIndex(text: string, needle: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0 && i < offset; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * The hit of `found` at `offset` of `text` (the paragraph's text) among a search's loaded results: only when Word's
 * exact hits (its search may also return the other-width form) line up with the text's own occurrences; else null.
 */
export function hitAt(results: Word.RangeCollection, text: string, found: string, offset: number): Word.Range | null {
  const same = results.items.filter((r) => r.text === found);
  const aligned = same.length === occurrenceIndex(text, found, text.length);
  return (aligned && same[occurrenceIndex(text, found, offset)]) || null;
}

/** Pictures, shapes, equations, fields, footnote and endnote marks, content controls, comments, text boxes in OOXML. */
const NON_TEXT = /<w:drawing\b|<w:pict\b|<w:object\b|<m:oMath|<w:fldChar\b|<w:fldSimple\b|<w:footnoteReference\b|<w:endnoteReference\b|<w:sdt\b|<w:commentReference\b|<w:txbxContent\b|<w:ruby\b/;

export interface ContentCheck {
  pictures: Word.InlinePictureCollection;
  ooxml: OfficeExtension.ClientResult<string>;
}

/**
 * Queue the checks that tell whether a paragraph holds anything besides its text. Paragraph.text leaves out pictures,
 * equations, fields, content-control and footnote marks (Paragraph.getText reference), so a paragraph that reads ""
 * may hold a seal or a chart: inlinePictures (WordApi 1.1) and the paragraph's OOXML (WordApi 1.1) say.
 */
export function queueContentCheck(para: Word.Paragraph): ContentCheck {
  const pictures = para.inlinePictures;
  pictures.load("items");
  return { pictures, ooxml: para.getOoxml() };
}

/** The document part of a paragraph's OOXML package (its styles part is left out of the tests below). */
function documentPart(ooxml: string): string {
  const i = ooxml.indexOf("<w:body");
  const j = ooxml.lastIndexOf("</w:body>");
  return i >= 0 && j > i ? ooxml.slice(i, j) : ooxml;
}

/** True when the paragraph holds only text (deleting it, or replacing it whole, loses nothing else). */
export function onlyText(check: ContentCheck): boolean {
  return check.pictures.items.length === 0 && !NON_TEXT.test(documentPart(check.ooxml.value ?? ""));
}

/** True when the paragraph's text has one character format (a whole replace would flatten a bold run-in heading). */
export function oneRunFormat(check: ContentCheck): boolean {
  const formats = new Set(documentPart(check.ooxml.value ?? "").match(/<w:rPr>.*?<\/w:rPr>/gs) ?? []);
  return formats.size <= 1;
}
