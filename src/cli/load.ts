// Loading a file from disk as paragraphs (.docx or text in any common Chinese encoding): regular files only, within
// the limits of src/core/io/limits.ts, the format told by content (OLE, RTF and zip files under any name).
import fs from "node:fs";
import path from "node:path";
import type { Paragraph } from "../core/model";
import { decodeText, InputError, textToParagraphs } from "../core/io/decodeText";
import { readDocxContent, type AltChunk } from "../core/io/readDocx";
import { READ_LIMITS, limitMessages } from "../core/io/limits";
import { refuseUnreadable, sniffFormat } from "../core/io/sniff";
import { nodeInflate } from "./nodeInflate";

export const MAX_FILE_BYTES = READ_LIMITS.maxFileBytes;

export interface LoadedFile {
  paragraphs: Paragraph[];
  /** Content imported into a .docx (altChunk): read, or left unchecked. */
  altChunks: AltChunk[];
  /** The file has no text at all. */
  empty: boolean;
}

export async function loadFile(file: string): Promise<LoadedFile> {
  let stat;
  try {
    // Synchronous reads: the CLI reads one file at a time, and each await on the thread pool left the process idle
    // for almost half of a 200-file batch (measured with --cpu-prof).
    stat = fs.statSync(file);
  } catch {
    throw new InputError("文件不存在或无法访问。");
  }
  if (stat.isDirectory()) throw new InputError("这是一个文件夹，不是文件。");
  // A FIFO would block the read forever, and /dev/zero never ends: only regular files are read.
  if (!stat.isFile()) throw new InputError("这不是普通文件（而是管道、设备或套接字等），只能检查普通文件。");
  const ext = path.extname(file).toLowerCase();
  if (stat.size > MAX_FILE_BYTES) throw new InputError(limitMessages.fileTooLarge(stat.size, MAX_FILE_BYTES));
  if (stat.size > READ_LIMITS.maxTextFileBytes) {
    // Only a .docx may be this large (its pictures): look at the first bytes before reading it all.
    const fd = fs.openSync(file, "r");
    const head = new Uint8Array(8);
    try {
      fs.readSync(fd, head, 0, 8, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (sniffFormat(head) !== "zip") throw new InputError(limitMessages.fileTooLarge(stat.size, READ_LIMITS.maxTextFileBytes).replace("上限为", "文本文件上限为"));
  }
  const bytes = new Uint8Array(fs.readFileSync(file));
  const format = sniffFormat(bytes);
  refuseUnreadable(format);
  if (format === "zip") {
    const content = await readDocxContent(bytes, { inflate: nodeInflate });
    return { paragraphs: content.paragraphs, altChunks: content.altChunks, empty: !content.paragraphs.some((p) => p.text.trim()) && !content.altChunks.length };
  }
  if (ext === ".docx" || ext === ".docm") throw new InputError(format === "empty" ? "文件是空的（0 字节），不是有效的 .docx。" : "文件不是有效的 .docx（无法作为压缩包打开），可能已损坏或被截断。");
  if (ext === ".doc") throw new InputError("不支持旧版 .doc 格式，请在 Word 中另存为 .docx 后重试。");
  const paragraphs = format === "empty" ? [{ text: "" }] : textToParagraphs(decodeText(bytes).text, READ_LIMITS);
  return { paragraphs, altChunks: [], empty: !paragraphs.some((p) => p.text.trim()) };
}

export async function loadParagraphs(file: string): Promise<Paragraph[]> {
  return (await loadFile(file)).paragraphs;
}
