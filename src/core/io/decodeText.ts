// Decoding a plain-text file of unknown encoding: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

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
    try {
      return { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "GB18030" };
    } catch {
      throw new InputError("无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK），请另存为 UTF-8 后重试。");
    }
  }
}

/** Lines of a text file as paragraphs: split on /\r?\n/, blank lines kept so indices match the file's lines. */
export function textToParagraphs(text: string): { text: string }[] {
  return text.split(/\r?\n/).map((t) => ({ text: t }));
}
