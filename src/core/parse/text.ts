// Small text helpers shared by the parser and the rules: sentence ends, blank tests, leading space.

const OPEN = "“‘《（([【〔";
const CLOSE = "”’》）)]】〕";
const ENDS = "。！？!?；;：:";

/** Character classes for the sentence scan, by UTF-16 code: 1 opens a quote or bracket, 2 closes one, 3 ends a sentence. */
const SENTENCE_CLASS = new Uint8Array(0x10000);
for (const c of OPEN) SENTENCE_CLASS[c.charCodeAt(0)] = 1;
for (const c of CLOSE) SENTENCE_CLASS[c.charCodeAt(0)] = 2;
for (const c of ENDS) SENTENCE_CLASS[c.charCodeAt(0)] = 3;
const ASCII_QUOTE = 0x22;

/** Length of the first sentence of `text` starting at `from`: up to and including the first sentence end outside brackets and quotes. */
export function firstSentenceEnd(text: string, from = 0): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const k = SENTENCE_CLASS[code];
    if (k === 1) depth++;
    else if (k === 2) depth = Math.max(0, depth - 1);
    else if (code === ASCII_QUOTE) depth = depth > 0 ? depth - 1 : depth + 1;
    else if (depth === 0 && k === 3) return i + 1;
  }
  return text.length;
}

/** The heading title found in `text` after a marker: the first sentence, without its closing mark. */
export function headingTitle(text: string, from: number): { title: string; offset: number; length: number } {
  let start = from;
  while (start < text.length && /[\s\u3000]/.test(text[start])) start++;
  const end = firstSentenceEnd(text, start);
  let stop = end;
  while (stop > start && /[。！？!?；;：:，,、\s\u3000]/.test(text[stop - 1])) stop--;
  return { title: text.slice(start, stop), offset: start, length: stop - start };
}

/**
 * Invisible format characters that ride along with pasted text: zero-width space/joiners, word joiner, BOM, bidi
 * marks, embeddings and isolates, soft hyphen. The parser reads past them like spaces (without removing them, so
 * every offset still points into the text as written); the invisible-chars rule reports them for removal.
 */
export const INVISIBLE = "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff";
export const INVISIBLE_RUN = new RegExp(`[${INVISIBLE}]+`, "g");
const BLANK = new RegExp(`[^\\s\\u3000\\u00a0${INVISIBLE}]`);
const LEADING = new RegExp(`^[\\s\\u3000\\u00a0${INVISIBLE}]*`);

export function isBlank(text: string): boolean {
  return !BLANK.test(text);
}

export function leadingSpace(text: string): number {
  const m = LEADING.exec(text);
  return m ? m[0].length : 0;
}

/** True for characters of Chinese text (Han ideographs and CJK punctuation). */
export function isHan(c: string | undefined): boolean {
  return !!c && /[\u3400-\u9fff\uf900-\ufaff]/.test(c);
}
