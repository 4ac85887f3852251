// Opening a real file in the harness: the same readers as the CLI and the reviewing page, then the paragraphs as the
// simulated document's (styles, outline levels, tables, and Word list numbering rebuilt from the labels the reader drew).
import type { ListLevelDef } from "../core/listFormat";
import type { Paragraph } from "../core/model";
import { fromChineseNumber } from "../core/numbering";
import { fileTooLargeMessage, inputKind, MAX_FILE_BYTES, readInputBytes } from "../core/io/readInput";
import { InputError } from "../core/io/decodeText";
import type { MemoryDocumentInit, MemParagraph } from "../host/memoryHost";

const NUMERAL = /[〇零一二三四五六七八九十百千]+|\d+/g;

/** A list level's format from one label the reader drew ("（一）" → chineseCounting "（%2）"); a label without a number (a bullet) stays literal. */
export function levelFromLabel(label: string, level: number): ListLevelDef {
  const numerals = [...label.matchAll(NUMERAL)];
  if (!numerals.length) return { numFmt: "decimal", lvlText: label.replace(/%/g, "") };
  let k = level + 2 - numerals.length;
  const lvlText = label.replace(NUMERAL, () => `%${Math.max(1, k++)}`);
  const last = numerals[numerals.length - 1][0];
  const chinese = !/\d/.test(last);
  const start = chinese ? fromChineseNumber(last) : Number(last);
  return { numFmt: chinese ? "chineseCounting" : "decimal", lvlText, start: Number.isFinite(start) && start > 0 ? start : 1 };
}

/** The simulated document for paragraphs read from a file. */
export function paragraphsToDocument(paragraphs: Paragraph[]): MemoryDocumentInit {
  const lists: Record<string, ListLevelDef[]> = {};
  const out: MemParagraph[] = paragraphs.map((p) => {
    const m: MemParagraph = { text: p.text, style: p.style, styleBuiltIn: p.styleBuiltIn ?? "Normal" };
    if (p.outlineLevel) m.outlineLevel = p.outlineLevel;
    if (p.inTable) m.inTable = true;
    if (p.listString !== undefined && p.listId !== undefined && p.listLevel !== undefined) {
      const levels = (lists[p.listId] ??= []);
      // The first label seen at a level defines it (and where it starts).
      if (!levels[p.listLevel]) levels[p.listLevel] = levelFromLabel(p.listString, p.listLevel);
      m.list = { id: p.listId, level: p.listLevel };
    }
    return m;
  });
  // Levels never seen in between stay plain decimal, so the counter has a definition for every level.
  for (const levels of Object.values(lists)) for (let i = 0; i < levels.length; i++) levels[i] ??= { numFmt: "decimal", lvlText: `%${i + 1}.`, start: 1 };
  return { paragraphs: out.length ? out : [{ text: "" }], lists, selection: { start: { paragraph: 0, offset: 0 } } };
}

/** Read a chosen file (.docx or .txt) into a simulated document. Throws InputError (a Chinese message) when it cannot be read. */
export async function openDocumentFile(file: File): Promise<MemoryDocumentInit> {
  if (file.size > MAX_FILE_BYTES) throw new InputError(fileTooLargeMessage(file.size));
  if (inputKind(file.name) === "other") throw new InputError("只能打开 .docx 或 .txt 文件。");
  return paragraphsToDocument(await readInputBytes(file.name, new Uint8Array(await file.arrayBuffer())));
}
