// Loading a file from disk as paragraphs (.docx or text in any common Chinese encoding): regular files only, within
// the limits of src/core/io/limits.ts, the format told by content (src/core/io/readInput.ts, shared with the reviewing page).
import fs from "node:fs";
import type { Paragraph } from "../core/model";
import { InputError } from "../core/io/decodeText";
import { READ_LIMITS, limitMessages } from "../core/io/limits";
import type { DocxReadOptions } from "../core/io/readDocx";
import { MAX_FILE_BYTES, readInputContent, type InputContent } from "../core/io/readInput";
import { sniffFormat } from "../core/io/sniff";
import { nodeDecodeUtf8, nodeInflate } from "./nodeInflate";

export { MAX_FILE_BYTES };
export type LoadedFile = InputContent;

/** A file's bytes, after the checks on disk: it exists, is a regular file, and is within the size limits. */
export function readFileChecked(file: string): Uint8Array {
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
  return new Uint8Array(fs.readFileSync(file));
}

export async function loadFile(file: string, options: DocxReadOptions = {}): Promise<LoadedFile> {
  return readInputContent(file, readFileChecked(file), { inflate: nodeInflate, decodeUtf8: nodeDecodeUtf8, ...options });
}

export async function loadParagraphs(file: string): Promise<Paragraph[]> {
  return (await loadFile(file)).paragraphs;
}
