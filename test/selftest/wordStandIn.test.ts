import { WordHost } from "../../src/host/wordHost";
import { runSelfTest, type SelfTestEnv } from "../../src/selftest/scenarios";
import { createWordMock } from "../support/wordMock";

/**
 * The self-test's environment on the Word stand-in (test/support/wordMock.ts): every clear or load starts a fresh stand-in
 * document. The stand-in keeps the selection where it was created and its paragraphs carry no fonts, so the scenarios
 * that need those report 不适用; it has no footer, track changes or renumbering lists either (hooks absent).
 */
function standInEnv(): SelfTestEnv {
  let host = new WordHost({ run: createWordMock([{ text: "" }]).run });
  const fresh = (lines: string[]) => (host = new WordHost({ run: createWordMock(lines.map((text) => ({ text }))).run }));
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
    "empty-line": "不适用",
    footer: "不适用",
    format: "不适用",
    "track-changes": "不适用",
  });
  expect(results.find((r) => r.id === "fixes")!.details).toContain("✓ 应用 1 条，跳过 1 条");
});
