// Telling file formats apart by their content, not their name: a zip (.docx), an OLE compound file (Word 97–2003 .doc,
// or a password-protected .docx, which Word wraps in one), RTF, or text. Each gets its own Chinese message.
import { InputError } from "./decodeText";

export type SniffedFormat = "zip" | "ole-encrypted" | "ole-word97" | "ole-other" | "rtf" | "empty" | "text";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the UTF-16LE form of `name` occurs in `bytes` (OLE directory entries name their streams in UTF-16LE). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return "empty";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)) return "zip";
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    if (hasUtf16Name(bytes, "EncryptedPackage") || hasUtf16Name(bytes, "EncryptionInfo")) return "ole-encrypted";
    if (hasUtf16Name(bytes, "WordDocument")) return "ole-word97";
    return "ole-other";
  }
  // RTF: "{\rtf", possibly after a BOM or white space.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x7b && bytes[i + 1] === 0x5c && bytes[i + 2] === 0x72 && bytes[i + 3] === 0x74 && bytes[i + 4] === 0x66) return "rtf";
  return "text";
}

export const FORMAT_MESSAGES: Record<Exclude<SniffedFormat, "zip" | "text" | "empty">, string> = {
  "ole-encrypted": "文件受密码保护（已加密），无法读取。请在 Word 中打开，取消密码（文件 → 信息 → 保护文档）后另存为 .docx 再检查。",
  "ole-word97": "这是旧版 Word 97–2003 文档（.doc 格式），只是扩展名不同。请在 Word 中另存为 .docx 后重试。",
  "ole-other": "这是旧版 Office 复合文档（OLE 格式），不是 .docx。请在 Word 中打开后另存为 .docx 再检查。",
  rtf: "这是 RTF 格式文件，不是纯文本或 .docx。请在 Word 中打开后另存为 .docx 再检查。",
};

/** Throw the format's message when it is one Tigang cannot read (OLE, RTF). */
export function refuseUnreadable(format: SniffedFormat): void {
  if (format !== "zip" && format !== "text" && format !== "empty") throw new InputError(FORMAT_MESSAGES[format]);
}
