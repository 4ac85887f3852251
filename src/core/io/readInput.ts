// Reading an input file's bytes as paragraphs, by its name: the one path for the CLI, the reviewing page's worker and the harness.
import type { Paragraph } from "../model";
import { decodeText, InputError, textToParagraphs } from "./decodeText";
import { READ_LIMITS, limitMessages } from "./limits";
import { readDocxContent, type DocxContent, type DocxReadOptions } from "./readDocx";

/** Largest input file read at all (the CLI checks it before reading, the page before sending a file to its worker). */
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

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A file read: its paragraphs, and for a .docx its main part (for annotating it). */
export interface InputContent {
  paragraphs: Paragraph[];
  docx?: DocxContent;
}

/** Paragraphs of a file's bytes (and the .docx's main part). Throws InputError (a Chinese message) for what cannot be read. */
export async function readInputContent(name: string, bytes: Uint8Array, options: DocxReadOptions = {}): Promise<InputContent> {
  if (bytes.length > MAX_FILE_BYTES) throw new InputError(fileTooLargeMessage(bytes.length));
  const kind = inputKind(name);
  const isOle = OLE_MAGIC.every((b, i) => bytes[i] === b);
  if (kind === "doc") throw new InputError("不支持旧版 .doc 格式，请在 Word 中另存为 .docx 后重试。");
  // An encrypted .docx is an OLE compound file (EncryptedPackage), not a zip.
  if (kind === "docx" && isOle) throw new InputError("文件已加密（设置了打开密码）或是旧版 Word 格式，请在 Word 中取消密码或另存为 .docx 后重试。");
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (kind === "docx" || isZip) {
    const docx = await readDocxContent(bytes, options);
    return { paragraphs: docx.paragraphs, docx };
  }
  if (bytes.length > READ_LIMITS.maxTextFileBytes) throw new InputError(limitMessages.fileTooLarge(bytes.length, READ_LIMITS.maxTextFileBytes));
  return { paragraphs: textToParagraphs(decodeText(bytes).text) };
}

export async function readInputBytes(name: string, bytes: Uint8Array, options: DocxReadOptions = {}): Promise<Paragraph[]> {
  return (await readInputContent(name, bytes, options)).paragraphs;
}
