// Reading an input file's bytes as paragraphs, by its name: the one path for the CLI, the reviewing page's worker and the harness.
import type { Paragraph } from "../model";
import { decodeText, InputError, textToParagraphs } from "./decodeText";
import { readDocx } from "./readDocx";

/** Largest input file read at all (the CLI checks it before reading, the page before sending a file to its worker). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export function fileTooLargeMessage(bytes: number): string {
  return `文件过大（${Math.round(bytes / 1048576)} MB），上限为 ${MAX_FILE_BYTES / 1048576} MB。`;
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

/** Paragraphs of a file's bytes. Throws InputError (a Chinese message) for what cannot be read. */
export async function readInputBytes(name: string, bytes: Uint8Array): Promise<Paragraph[]> {
  if (bytes.length > MAX_FILE_BYTES) throw new InputError(fileTooLargeMessage(bytes.length));
  const kind = inputKind(name);
  const isOle = OLE_MAGIC.every((b, i) => bytes[i] === b);
  if (kind === "doc") throw new InputError("不支持旧版 .doc 格式，请在 Word 中另存为 .docx 后重试。");
  // An encrypted .docx is an OLE compound file (EncryptedPackage), not a zip.
  if (kind === "docx" && isOle) throw new InputError("文件已加密（设置了打开密码）或是旧版 Word 格式，请在 Word 中取消密码或另存为 .docx 后重试。");
  if (kind === "docx") return readDocx(bytes);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readDocx(bytes);
  return textToParagraphs(decodeText(bytes).text);
}
