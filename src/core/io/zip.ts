// Reading entries of a zip (a .docx) from its central directory. Inflating is injected: node:zlib in the CLI,
// DecompressionStream in browsers; either stops at a byte budget counted on the bytes it actually inflates, so a zip
// whose headers lie about sizes is refused as soon as it has inflated too much, not after.
import { InputError } from "./decodeText";

/** Inflate raw deflate data, giving up (throwing InflateLimitError) once more than `maxBytes` would come out. */
export type Inflate = (data: Uint8Array, maxBytes: number) => Promise<Uint8Array> | Uint8Array;

export class InflateLimitError extends Error {
  constructor() {
    super("inflate limit");
    this.name = "InflateLimitError";
  }
}

/** Compressed bytes are fed to the inflater this many at a time, so that a zip bomb is stopped after one slice's
 * output (at most about 1,000 × 64 KB), not after inflating its whole part at once. */
const INFLATE_SLICE = 64 * 1024;

/** The browser path (also works in Node 18+): DecompressionStream("deflate-raw"), counting the bytes as they stream.
 * The bytes are written into the stream directly: a Blob made of them would be registered with the browser's blob
 * store and read back from it, a round trip per part (profiled in the reviewing page's workers: `new Blob` took
 * 270–330 ms of each worker's 2.1 s for 200 files). */
export const streamInflate: Inflate = async (data, maxBytes) => {
  const inflater = new DecompressionStream("deflate-raw");
  const writer = inflater.writable.getWriter();
  // Fed while the output is read; a corrupt input shows as an error on the reading side, and a cancelled reading
  // (too much output) makes the writes fail: neither needs reporting here.
  const feeding = (async () => {
    for (let at = 0; at < data.length; at += INFLATE_SLICE) await writer.write(data.subarray(at, at + INFLATE_SLICE) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })().catch(() => undefined);
  const reader = inflater.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new InflateLimitError();
    }
    chunks.push(value);
  }
  await feeding;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const CORRUPT = "文件不是有效的 .docx（无法作为压缩包打开），可能已损坏或被截断。";

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  /** Entries by lower-case name: part names in a package are case-insensitive. */
  private readonly byLower = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflate: Inflate,
    private readonly budget: number,
    maxEntries: number,
    entriesMessage: (n: number) => string,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // End of central directory: 22 bytes plus a comment of at most 65,535.
    let eocd = -1;
    for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65535; i--) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new InputError(CORRUPT);
    const count = view.getUint16(eocd + 10, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new InputError("文件是 ZIP64 格式的压缩包，不是 Word 保存的 .docx，无法读取。");
    if (cdOffset + cdSize > eocd) throw new InputError(CORRUPT);
    if (count > maxEntries) throw new InputError(entriesMessage(count));
    const decoder = new TextDecoder("utf-8");
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) throw new InputError(CORRUPT);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      const entry: ZipEntry = {
        flags: view.getUint16(p + 8, true),
        method: view.getUint16(p + 10, true),
        compressedSize: view.getUint32(p + 20, true),
        declaredSize: view.getUint32(p + 24, true),
        localOffset: view.getUint32(p + 42, true),
        name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)).replace(/^\/+/, ""),
      };
      this.entries.set(entry.name, entry);
      this.byLower.set(entry.name.toLowerCase(), entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.byLower.has(name.replace(/^\/+/, "").toLowerCase());
  }

  /** The entry's inflated bytes, or null when there is no such entry. */
  async read(name: string, inflatedMessage: () => string): Promise<Uint8Array | null> {
    const entry = this.byLower.get(name.replace(/^\/+/, "").toLowerCase());
    if (!entry) return null;
    if (entry.flags & 1) throw new InputError("文件受密码保护（压缩包已加密），请在 Word 中取消密码后另存为 .docx 再检查。");
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new InputError(CORRUPT);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new InputError(CORRUPT);
    const data = this.bytes.subarray(start, end);
    const left = this.budget - this.inflated;
    let out: Uint8Array;
    if (entry.method === 0) {
      if (data.length > left) throw new InputError(inflatedMessage());
      out = data;
    } else if (entry.method === 8) {
      try {
        out = await this.inflate(data, left);
      } catch (e) {
        if (e instanceof InflateLimitError) throw new InputError(inflatedMessage());
        throw new InputError(`.docx 中的 ${entry.name} 无法解压，文件可能已损坏或被截断。`);
      }
    } else throw new InputError(`.docx 中的 ${entry.name} 使用了不支持的压缩方式（${entry.method}），无法读取。`);
    this.inflated += out.length;
    if (this.inflated > this.budget) throw new InputError(inflatedMessage());
    return out;
  }
}
