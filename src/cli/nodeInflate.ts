// Inflating .docx parts in Node with node:zlib (about three times faster than a JavaScript inflater), injected into
// the core's zip reader. maxOutputLength stops zlib as soon as the output would pass the budget.
import zlib from "node:zlib";
import { InflateLimitError, type Inflate } from "../core/io/zip";

/** UTF-8 parts decoded with Buffer: about a third faster than TextDecoder in Node 20 (84 ms of TextDecoder in the
 * bench's 200-file batch). Invalid bytes become U+FFFD either way. */
export const nodeDecodeUtf8 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");

export const nodeInflate: Inflate = (data, maxBytes) => {
  try {
    // maxOutputLength must be ≥ 1; a budget of 0 leaves nothing to inflate into.
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(maxBytes, 2 ** 31 - 1)) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new InflateLimitError();
    throw e;
  }
};
