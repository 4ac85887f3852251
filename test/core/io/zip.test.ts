// The browser inflater (DecompressionStream, fed in slices): output equal to zlib's, corrupt input refused, and the
// byte budget stops it mid-stream.
import zlib from "node:zlib";
import { InflateLimitError, streamInflate } from "../../../src/core/io/zip";

/** Bytes that do not compress (a fixed pseudo-random sequence), so that the deflated form spans several slices. */
function noise(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe("streamInflate", () => {
  test("inflates a part whose compressed form spans several slices, byte for byte", async () => {
    const plain = noise(300_000);
    const deflated = zlib.deflateRawSync(plain);
    expect(deflated.length).toBeGreaterThan(4 * 64 * 1024);
    expect(Buffer.from(await streamInflate(new Uint8Array(deflated), 1e9)).equals(Buffer.from(plain))).toBe(true);
  });

  test("a small part and an empty one", async () => {
    const text = new TextEncoder().encode("<w:t>审核台</w:t>".repeat(50));
    expect(new TextDecoder().decode(await streamInflate(new Uint8Array(zlib.deflateRawSync(text)), 1e6))).toBe("<w:t>审核台</w:t>".repeat(50));
    expect((await streamInflate(new Uint8Array(zlib.deflateRawSync(new Uint8Array(0))), 10)).length).toBe(0);
  });

  test("corrupt data is refused, not hung on", async () => {
    const deflated = new Uint8Array(zlib.deflateRawSync(noise(10_000)));
    await expect(streamInflate(deflated.subarray(0, 5_000), 1e9)).rejects.toBeDefined();
    await expect(streamInflate(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 1e9)).rejects.toBeDefined();
  });

  test("more output than the budget stops with InflateLimitError, also for a bomb fed in slices", async () => {
    const bomb = new Uint8Array(zlib.deflateRawSync(new Uint8Array(50_000_000)));
    await expect(streamInflate(bomb, 1_000_000)).rejects.toBeInstanceOf(InflateLimitError);
    const big = new Uint8Array(zlib.deflateRawSync(noise(300_000)));
    await expect(streamInflate(big, 100_000)).rejects.toBeInstanceOf(InflateLimitError);
  });
});
