// Loading a file from disk as paragraphs (.docx or text in any common Chinese encoding).
import fs from "node:fs/promises";
import type { Paragraph } from "../core/model";
import { InputError } from "../core/io/decodeText";
import { fileTooLargeMessage, MAX_FILE_BYTES, readInputBytes } from "../core/io/readInput";

export { MAX_FILE_BYTES };

export async function loadParagraphs(file: string): Promise<Paragraph[]> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new InputError("文件不存在或无法访问。");
  }
  if (stat.isDirectory()) throw new InputError("这是一个文件夹，不是文件。");
  if (stat.size > MAX_FILE_BYTES) throw new InputError(fileTooLargeMessage(stat.size));
  return readInputBytes(file, new Uint8Array(await fs.readFile(file)));
}
