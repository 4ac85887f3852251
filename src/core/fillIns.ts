// Fill-ins (【…】) the user still has to type over: finding the next one after the cursor, anywhere in the document.
import type { Paragraph } from "./model";

const FILL_IN = /【[^【】\n]{0,60}】/g;

export interface FillIn {
  paragraph: number;
  offset: number;
  length: number;
  text: string;
}

/** The first 【…】 starting at or after (paragraph, offset), wrapping to the document's start; null when there is none. */
export function nextFillIn(paragraphs: readonly Paragraph[], paragraph: number, offset: number): FillIn | null {
  const n = paragraphs.length;
  if (!n) return null;
  const start = Math.max(0, Math.min(paragraph, n - 1));
  for (let k = 0; k <= n; k++) {
    const i = (start + k) % n;
    const text = paragraphs[i]?.text ?? "";
    if (!text.includes("【")) continue;
    FILL_IN.lastIndex = 0;
    for (let m = FILL_IN.exec(text); m; m = FILL_IN.exec(text)) {
      if (k === 0 && m.index < offset) continue;
      if (k === n && m.index >= offset) return null;
      return { paragraph: i, offset: m.index, length: m[0].length, text: m[0] };
    }
  }
  return null;
}

/** How many fill-ins remain in the document. */
export function countFillIns(paragraphs: readonly Paragraph[]): number {
  let c = 0;
  for (const p of paragraphs) if (p.text.includes("【")) c += p.text.match(FILL_IN)?.length ?? 0;
  return c;
}
