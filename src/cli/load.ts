// Loading a file from disk as paragraphs (.docx or text in any common Chinese encoding).
import fs from "node:fs/promises";
import path from "node:path";
import type { Paragraph } from "../core/model";
import { decodeText, InputError, textToParagraphs } from "../core/io/decodeText";
import { readDocx } from "../core/io/readDocx";
import { READ_LIMITS } from "../core/io/limits";
import { nodeInflate } from "./nodeInflate";

export const MAX_FILE_BYTES = READ_LIMITS.maxFileBytes;

export async function loadParagraphs(file: string): Promise<Paragraph[]> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new InputError("文件不存在或无法访问。");
  }
  if (stat.isDirectory()) throw new InputError("这是一个文件夹，不是文件。");
  if (stat.size > MAX_FILE_BYTES) throw new InputError(`文件过大（${Math.round(stat.size / 1048576)} MB），上限为 ${MAX_FILE_BYTES / 1048576} MB。`);
  const bytes = new Uint8Array(await fs.readFile(file));
  const ext = path.extname(file).toLowerCase();
  if (ext === ".docx" || ext === ".docm") return readDocx(bytes, { inflate: nodeInflate });
  if (ext === ".doc") throw new InputError("不支持旧版 .doc 格式，请在 Word 中另存为 .docx 后重试。");
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readDocx(bytes, { inflate: nodeInflate });
  return textToParagraphs(decodeText(bytes).text);
}
