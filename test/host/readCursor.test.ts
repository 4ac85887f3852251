import { MemoryHost } from "../../src/host/memoryHost";

describe("readCursor (memory host)", () => {
  test("returns the cursor's paragraph, its text and the paragraph count", async () => {
    const host = new MemoryHost({ paragraphs: [{ text: "一、存在的问题" }, { text: "正文" }, { text: "" }], selection: { start: { paragraph: 1, offset: 1 } } });
    await expect(host.readCursor()).resolves.toEqual({ paragraph: 1, text: "正文", paragraphCount: 3, outsideBody: false });
  });
});
