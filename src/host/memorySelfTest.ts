// The self-test's environment on the in-memory document: it can empty and load the document and number headings with a
// multilevel list; it has no footer and no track changes, so those scenarios report 不适用.
import type { SelfTestEnv } from "../selftest/scenarios";
import { GBT_LIST, type MemoryHost } from "./memoryHost";

export function memorySelfTestEnv(host: MemoryHost): SelfTestEnv {
  return {
    host,
    describe: "提纲助手演示台的模拟文档（内存中的文档，不是 Word）",
    clear: async () => host.reset({ paragraphs: [{ text: "" }] }),
    load: async (lines) => host.reset({ paragraphs: lines.map((text) => ({ text })) }),
    loadListNumbered: async (paragraphs) =>
      host.reset({
        paragraphs: paragraphs.map((p) => (p.listLevel === undefined ? { text: p.text } : { text: p.text, list: { id: "selftest", level: p.listLevel } })),
        lists: { selftest: GBT_LIST },
      }),
  };
}
