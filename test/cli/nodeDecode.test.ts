// The command line decodes a .docx's UTF-8 parts with Buffer (faster than TextDecoder in Node); the result must be the
// same: a BOM taken off once, invalid bytes as U+FFFD, and every paragraph of a document read the same way.
import { nodeDecodeUtf8, nodeInflate } from "../../src/cli/nodeInflate";
import { decodePart, readDocxContent } from "../../src/core/io/readDocx";
import { makeDocx, toAutoNumbered } from "../support/makeDocx";

const enc = (s: string) => new TextEncoder().encode(s);

test.each([
  ["plain", enc("<w:t>全面从严治党</w:t>")],
  ["with a BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...enc("<w:t>主体责任</w:t>")])],
  ["with two BOMs (the second is text)", new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...enc("<a/>")])],
  ["with an invalid byte", new Uint8Array([...enc("<w:t>整改"), 0xff, ...enc("</w:t>")])],
  ["cut inside a character", enc("<w:t>落实").subarray(0, 8)],
])("decodePart with Buffer equals TextDecoder: %s", (_name, bytes) => {
  expect(decodePart(bytes, nodeDecodeUtf8)).toBe(decodePart(bytes));
});

test("a UTF-8 BOM is taken off once, by either decoder", () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc("<w:t>主体责任</w:t>")]);
  expect(decodePart(bytes)).toBe("<w:t>主体责任</w:t>");
  expect(decodePart(bytes, nodeDecodeUtf8)).toBe("<w:t>主体责任</w:t>");
  expect(decodePart(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...enc("<a/>")]))).toBe("\ufeff<a/>");
});

test("a document reads the same with either decoder, and the decoder given is the one used", async () => {
  const bytes = await makeDocx(toAutoNumbered(["对照检查材料", "一、存在的问题", "（一）理论学习方面", "学习不够深入。", "二、整改措施", "以上是我的对照检查。"]));
  let calls = 0;
  const counted = (b: Uint8Array) => {
    calls++;
    return nodeDecodeUtf8(b);
  };
  const a = await readDocxContent(bytes, { inflate: nodeInflate, decodeUtf8: counted });
  const b = await readDocxContent(bytes, { inflate: nodeInflate });
  expect(calls).toBeGreaterThan(0);
  expect(a.paragraphs).toEqual(b.paragraphs);
  expect(a.paragraphs.map((p) => p.text)).toContain("学习不够深入。");
});
