import { WordHost } from "../../src/host/wordHost";
import { runSelfTest, type SelfTestEnv } from "../../src/selftest/scenarios";
import { createWordMock } from "../support/wordMock";

/**
 * The self-test's environment on the Word stand-in (test/support/wordMock.ts): every clear or load starts a fresh stand-in
 * document. The stand-in keeps the selection where it was created and its paragraphs carry no fonts, so the scenarios
 * that need those report 不适用; it has no footer, track changes or renumbering lists either (hooks absent).
 */
function standInEnv(isSetSupported?: (name: string, version: string) => boolean): SelfTestEnv {
  let host = new WordHost({ run: createWordMock([{ text: "" }]).run, isSetSupported });
  const fresh = (lines: string[]) => (host = new WordHost({ run: createWordMock(lines.map((text) => ({ text }))).run, isSetSupported }));
  return {
    get host() {
      return host;
    },
    describe: "Word 替身（test/support/wordMock.ts）",
    lacks: { selection: "Word 替身的选区不随定位移动", fonts: "Word 替身插入的段落没有字体属性，无法比较排版前后" },
    clear: async () => void fresh([""]),
    load: async (lines) => void fresh(lines),
  };
}

test("the Word adapter on the stand-in passes the scenarios the stand-in models; the rest are 不适用", async () => {
  const results = await runSelfTest(standInEnv());
  const byOutcome = Object.fromEntries(results.map((r) => [r.id, r.outcome]));
  expect(byOutcome).toEqual({
    read: "通过",
    outline: "通过",
    "fill-in": "不适用",
    "section-typed": "通过",
    "section-list": "不适用",
    snippet: "不适用",
    fixes: "通过",
    jump: "不适用",
    comments: "不适用",
    "empty-line": "不适用",
    footer: "不适用",
    format: "不适用",
    styles: "不适用",
    "track-changes": "不适用",
  });
  expect(results.find((r) => r.id === "fixes")!.details).toContain("✓ 应用 1 条，跳过 1 条");
});

test("with WordApi 1.4 the comment scenario runs on the stand-in: written, replaced by prefix, removed", async () => {
  const results = await runSelfTest(standInEnv((n, v) => n === "WordApi" && Number(v) <= 1.4), undefined, ["comments"]);
  expect(results.map((r) => [r.id, r.outcome])).toEqual([["comments", "通过"]]);
  expect(results[0].details).toEqual(["✓ 写入 3 条，跳过已变的 1 处", "✓ 再次写入：替换 3 条，写入 3 条", "✓ 删除本工具批注 3 条", "✓ 删除后没有剩余的本工具批注（0）", "✓ 正文文字未被改动"]);
});

test("with WordApi 1.5 the stand-in adds the 公文 styles, and inserts, 一键排版 and 撤销排版 set and restore them by name", async () => {
  const [r] = await runSelfTest(standInEnv((name, version) => name === "WordApi" && Number(version) <= 1.5), undefined, ["styles"]);
  expect(r.outcome).toBe("通过");
  expect(r.details.join("\n")).toMatch(/✓ 插入的一级标题样式“公文一级标题”，正文样式“公文正文”/);
  expect(r.details.join("\n")).toMatch(/✓ 撤销排版后每段的样式都回到排版前/);
});
