import { MemoryHost } from "../../src/host/memoryHost";
import { memorySelfTestEnv } from "../../src/host/memorySelfTest";
import { SCENARIO_LIST, isEmptyDocument, runSelfTest, selfTestReport, type SelfTestEnv } from "../../src/selftest/scenarios";

describe("self-test on the in-memory host", () => {
  test("every scenario the host can model passes; footer and track changes are 不适用, never 通过", async () => {
    const env = memorySelfTestEnv(new MemoryHost());
    const results = await runSelfTest(env);
    expect(results.map((r) => r.id)).toEqual(SCENARIO_LIST.map((s) => s.id));
    const byOutcome = Object.fromEntries(results.map((r) => [r.id, r.outcome]));
    expect(byOutcome).toEqual({
      read: "通过",
      outline: "通过",
      "fill-in": "通过",
      "section-typed": "通过",
      "section-list": "通过",
      snippet: "通过",
      fixes: "通过",
      jump: "通过",
      comments: "通过",
      "empty-line": "通过",
      footer: "不适用",
      format: "通过",
      styles: "通过",
      "track-changes": "不适用",
    });
    for (const r of results.filter((x) => x.outcome === "通过")) expect(r.details.length).toBeGreaterThan(0);
    const report = selfTestReport(env, results, new Date("2026-01-01T00:00:00Z"));
    expect(report).toMatch(/结果：通过 12，失败 0，不适用 2/);
    expect(report).toMatch(/\[不适用\] footer/);
  });

  test("a host that misbehaves fails the scenario with the reason (the checks can fail)", async () => {
    const host = new MemoryHost();
    // A host that drops the second paragraph of every insert, and ignores the staleness of fixes.
    const insert = host.insertBlocks.bind(host);
    host.insertBlocks = (blocks, at, renumber) => insert(blocks.filter((_, i) => i !== 1), at, renumber);
    const apply = host.applyFixes.bind(host);
    host.applyFixes = async (fixes) => {
      const r = await apply(fixes);
      return { applied: r.applied + r.skipped, skipped: 0 };
    };
    const results = await runSelfTest(memorySelfTestEnv(host), undefined, ["outline", "fixes"]);
    expect(results.map((r) => r.outcome)).toEqual(["失败", "失败"]);
    expect(results[0].details.join("\n")).toMatch(/✕ .*按顺序出现/);
    expect(results[1].details.join("\n")).toMatch(/✕ 应用 2 条，跳过 0 条/);
  });

  test("a scenario whose action throws reports the error, and the run goes on", async () => {
    const host = new MemoryHost();
    const env: SelfTestEnv = memorySelfTestEnv(host);
    host.failNext("同步被拒绝");
    const results = await runSelfTest(env, undefined, ["read", "jump"]);
    expect(results[0]).toMatchObject({ outcome: "失败" });
    expect(results[0].details.join("\n")).toMatch(/同步被拒绝/);
    expect(results[1].outcome).toBe("通过");
  });

  test("only an empty document is accepted", async () => {
    expect(isEmptyDocument(await new MemoryHost().snapshot())).toBe(true);
    expect(isEmptyDocument(await new MemoryHost({ paragraphs: [{ text: "" }, { text: "一、存在的问题" }] }).snapshot())).toBe(false);
  });
});
