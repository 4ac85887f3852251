// Loading a file from disk as paragraphs (.docx or text in any common Chinese encoding).
import fs from "node:fs/promises";
import type { Paragraph } from "../core/model";
import { InputError } from "../core/io/decodeText";
import { fileTooLargeMessage, MAX_FILE_BYTES, readInputContent, type InputContent } from "../core/io/readInput";
import type { DocxReadOptions } from "../core/io/readDocx";
import { nodeInflate } from "./nodeInflate";

export { MAX_FILE_BYTES };

/** A file's bytes, after the checks that need no reading: it exists, is a file, and is not over the size limit. */
export async function loadBytes(file: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new InputError("文件不存在或无法访问。");
  }
  if (stat.isDirectory()) throw new InputError("这是一个文件夹，不是文件。");
  if (stat.size > MAX_FILE_BYTES) throw new InputError(fileTooLargeMessage(stat.size));
  return new Uint8Array(await fs.readFile(file));
}

export async function loadContent(file: string, options: DocxReadOptions = {}): Promise<InputContent> {
  return readInputContent(file, await loadBytes(file), { inflate: nodeInflate, ...options });
}

export async function loadParagraphs(file: string): Promise<Paragraph[]> {
  return (await loadContent(file)).paragraphs;
}
