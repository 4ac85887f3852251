// Reading an input file's bytes as paragraphs, the format told by content (OLE, RTF and zip files under any name): the
// one path for the CLI (src/cli/load.ts adds the checks on disk), the reviewing page's worker and the harness, so that
// each refuses exactly what the others refuse, with the same Chinese message.
import type { Paragraph } from "../model";
import { decodeText, InputError, textToParagraphs } from "./decodeText";
import { READ_LIMITS, limitMessages } from "./limits";
import { readDocxContent, type AltChunk, type DocxContent, type DocxReadOptions } from "./readDocx";
import { refuseUnreadable, sniffFormat } from "./sniff";

/** Largest input file read at all (the CLI checks it before reading, the page's worker before reading a file). */
export const MAX_FILE_BYTES = READ_LIMITS.maxFileBytes;

export function fileTooLargeMessage(bytes: number): string {
  return limitMessages.fileTooLarge(bytes, MAX_FILE_BYTES);
}

/** What a file name says the file is: a document we read, an old Word 97 file we refuse with a message, or something else to skip. */
export function inputKind(name: string): "docx" | "text" | "doc" | "other" {
  const base = name.split(/[\\/]/).pop() ?? name;
  // Word's owner files (~$name.docx) sit beside open documents; they are not documents.
  if (base.startsWith("~$")) return "other";
  const ext = /\.[^.]+$/.exec(base)?.[0].toLowerCase() ?? "";
  if (ext === ".docx" || ext === ".docm") return "docx";
  if (ext === ".txt" || ext === ".text") return "text";
  if (ext === ".doc") return "doc";
  return "other";
}

/** A file read: its paragraphs, content imported into a .docx (altChunk), and for a .docx its main part (for annotating it). */
export interface InputContent {
  paragraphs: Paragraph[];
  altChunks: AltChunk[];
  /** The file has no text at all. */
  empty: boolean;
  docx?: DocxContent;
}

/** Paragraphs of a file's bytes. Throws InputError (a Chinese message) for what cannot be read. */
export async function readInputContent(name: string, bytes: Uint8Array, options: DocxReadOptions = {}): Promise<InputContent> {
  if (bytes.length > MAX_FILE_BYTES) throw new InputError(fileTooLargeMessage(bytes.length));
  const format = sniffFormat(bytes);
  refuseUnreadable(format);
  if (format === "zip") {
    const docx = await readDocxContent(bytes, options);
    return { paragraphs: docx.paragraphs, altChunks: docx.altChunks, empty: !docx.paragraphs.some((p) => p.text.trim()) && !docx.altChunks.length, docx };
  }
  const kind = inputKind(name);
  if (kind === "docx") throw new InputError(format === "empty" ? "文件是空的（0 字节），不是有效的 .docx。" : "文件不是有效的 .docx（无法作为压缩包打开），可能已损坏或被截断。");
  if (kind === "doc") throw new InputError("不支持旧版 .doc 格式，请在 Word 中另存为 .docx 后重试。");
  if (bytes.length > READ_LIMITS.maxTextFileBytes) throw new InputError(limitMessages.fileTooLarge(bytes.length, READ_LIMITS.maxTextFileBytes).replace("上限为", "文本文件上限为"));
  const paragraphs = format === "empty" ? [{ text: "" }] : textToParagraphs(decodeText(bytes).text, READ_LIMITS);
  return { paragraphs, altChunks: [], empty: !paragraphs.some((p) => p.text.trim()) };
}

export async function readInputBytes(name: string, bytes: Uint8Array, options: DocxReadOptions = {}): Promise<Paragraph[]> {
  return (await readInputContent(name, bytes, options)).paragraphs;
}
