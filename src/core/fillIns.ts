// Fill-ins (待填处) the user still has to type over: what the placeholder rule finds (XX, ××, X年X月X日, 某某, 【…】 …),
// never junk in brackets; finding the next one after the cursor, anywhere in the document.
import type { Paragraph } from "./model";
import { findPlaceholders } from "./check/rules/placeholder";

export interface FillIn {
  paragraph: number;
  offset: number;
  length: number;
  text: string;
}

/** The first 待填处 starting at or after (paragraph, offset), wrapping to the document's start; null when there is none. */
export function nextFillIn(paragraphs: readonly Paragraph[], paragraph: number, offset: number): FillIn | null {
  const n = paragraphs.length;
  if (!n) return null;
  const start = Math.max(0, Math.min(paragraph, n - 1));
  for (let k = 0; k <= n; k++) {
    const i = (start + k) % n;
    const text = paragraphs[i]?.text ?? "";
    for (const [s, e] of findPlaceholders(text)) {
      if (k === 0 && s < offset) continue;
      if (k === n && s >= offset) return null;
      return { paragraph: i, offset: s, length: e - s, text: text.slice(s, e) };
    }
  }
  return null;
}

/** How many 待填处 remain in the document. */
export function countFillIns(paragraphs: readonly Paragraph[]): number {
  return paragraphs.reduce((c, p) => c + findPlaceholders(p.text).length, 0);
}
