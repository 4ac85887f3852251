// Fixes in the in-memory host: a group applies together or not at all, as in the Word adapter.
import { MemoryHost } from "../../src/host/memoryHost";

describe("fix groups (memory host)", () => {
  test("a join with a stale line applies none of its fixes", async () => {
    const host = new MemoryHost({ paragraphs: [{ text: "坚持把整改" }, { text: "落到实处。" }] });
    const result = await host.applyFixes([
      { paragraph: 0, offset: 0, length: 5, text: "坚持把整改落到实处。", expected: "坚持把整改", group: 0 },
      { paragraph: 1, offset: 0, length: 5, text: "", expected: "已改动的行", deleteParagraph: true, group: 0 },
    ]);
    expect(result).toEqual({ applied: 0, skipped: 2 });
    expect(host.paragraphs.map((p) => p.text)).toEqual(["坚持把整改", "落到实处。"]);
  });
});
