// Decoding a plain-text file of unknown encoding: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5.
import { limitMessages } from "./limits";

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** Decode bytes to text, detecting the encoding. Throws InputError (Chinese message) for binary data. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8 (BOM)" };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  // Binary junk: NUL bytes or many control characters in the first 64 KB.
  const head = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of head) {
    if (b === 0) throw new InputError("文件不是文本文件（含有二进制数据），无法读取。");
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > head.length / 20) throw new InputError("文件不是文本文件（含有大量控制字符），无法读取。");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // not UTF-8: one of the Chinese two-byte encodings
  }
  if (looksLikeBig5(head)) {
    try {
      return { text: new TextDecoder("big5", { fatal: true }).decode(bytes), encoding: "Big5" };
    } catch {
      throw new InputError("文件似乎是繁体中文 Big5 编码，但其中有无法识别的字节。请另存为 UTF-8 后重试。");
    }
  }
  try {
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "GB18030" };
  } catch {
    throw new InputError("无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK 或 Big5），请另存为 UTF-8 后重试。");
  }
}

/**
 * Big5 or GBK? Both are two-byte encodings over overlapping byte ranges, and Big5 text decodes "successfully" as GBK
 * into nonsense. Chinese text in GBK is nearly all GB2312: punctuation (lead bytes 0xA1–0xA3) and hanzi (0xB0–0xF7),
 * each with a trail byte of 0xA1 or more. Big5 puts its most common characters (一 0xA440, 的 0xAABA, 是 0xAC4F …) at
 * lead bytes 0xA4–0xAF, which GB2312 gives to kana, Greek and box drawing, and about 40% of them at trail bytes below
 * 0xA1. So text of which fewer than four pairs in five look like GB2312 is taken for Big5.
 */
function looksLikeBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x81) continue;
    const trail = bytes[i + 1];
    pairs++;
    if (trail >= 0xa1 && trail <= 0xfe && ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xf7))) gb2312++;
    i++;
  }
  return pairs >= 4 && gb2312 < pairs * 0.8;
}

/** Lines of a text file as paragraphs: split on CR LF, LF or a lone CR (old Mac files); blank lines kept so indices match the file's lines. */
export function textToParagraphs(text: string, limits: { maxParagraphs: number; maxTextChars: number } = { maxParagraphs: Infinity, maxTextChars: Infinity }): { text: string }[] {
  if (text.length > limits.maxTextChars) throw new InputError(limitMessages.textChars(limits.maxTextChars));
  const out: { text: string }[] = [];
  const re = /\r\n|\r|\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(at, m.index) });
    at = m.index + m[0].length;
    if (out.length >= limits.maxParagraphs) throw new InputError(limitMessages.paragraphs(limits.maxParagraphs));
  }
  out.push({ text: text.slice(at) });
  return out;
}
