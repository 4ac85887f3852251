// `tigang snippets stats|search` through main() with captured output.
import { main, type Io } from "../../src/cli/main";
import { builtinSnippets } from "../../src/core/snippets/library";

function capture(): Io & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe("tigang snippets search", () => {
  it("finds 理想信念 for lxxn, as JSON", async () => {
    const { code, out, err } = await run("snippets", "search", "lxxn", "--format", "json");
    expect(code).toBe(0);
    expect(err).toBe("");
    const json = JSON.parse(out);
    expect(json).toMatchObject({ query: "lxxn", role: null, type: null });
    expect(json.total).toBeGreaterThan(0);
    const first = json.results[0];
    expect(first).toEqual({
      id: expect.any(String),
      text: expect.any(String),
      kind: expect.stringMatching(/^(phrase|sentence|paragraph)$/),
      roles: expect.any(Array),
      types: expect.any(Array),
      tags: expect.any(Array),
      match: expect.objectContaining({ tier: "initials" }),
    });
    const field = first.match.field === "tag" ? first.match.tag : first.text;
    expect(field.slice(first.match.start, first.match.end)).toBe("理想信念");
  });

  it("ranks for --role and --type and honours --limit", async () => {
    const { code, out } = await run("snippets", "search", "加强", "--role", "measures", "--type", "personal-review", "--limit", "3", "--format", "json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.results).toHaveLength(3);
    expect(json.results[0].roles).toContain("measures");
  });

  it("prints readable text by default", async () => {
    const { code, out } = await run("snippets", "search", "ztzr", "--limit", "2");
    expect(code).toBe(0);
    expect(out).toMatch(/^“ztzr”：共 \d+ 条，显示前 2 条\n/);
    expect(out).toMatch(/匹配：拼音首字母/);
  });

  it("suggests for a section without a query", async () => {
    const { code, out } = await run("snippets", "search", "--role", "closing", "--type", "speech-guidance", "--format", "json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.results.length).toBeGreaterThan(0);
    expect(json.results.every((r: { roles: string[]; match: unknown }) => r.roles.includes("closing") && r.match === null)).toBe(true);
  });

  it("says so when nothing matches", async () => {
    const { code, out } = await run("snippets", "search", "qqqqqq");
    expect(code).toBe(0);
    expect(out).toMatch(/共 0 条[\s\S]*没有找到/);
  });

  it.each([
    [["snippets", "search"], /请给出关键词/],
    [["snippets", "search", "x", "--role", "boss"], /未知的作用“boss”/],
    [["snippets", "search", "x", "--type", "memo"], /未知的类型“memo”/],
    [["snippets", "search", "x", "--format", "xml"], /未知的输出格式/],
    [["snippets", "search", "x", "--limit", "0"], /--limit/],
    [["snippets"], /用法/],
    [["snippets", "list"], /未知的子命令“list”/],
    [["snippets", "stats", "extra"], /多余的参数/],
  ])("usage error for %j", async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe("tigang snippets stats", () => {
  it("counts by role, type and kind, as JSON", async () => {
    const { code, out } = await run("snippets", "stats", "--format", "json");
    expect(code).toBe(0);
    const stats = JSON.parse(out);
    const all = builtinSnippets();
    expect(stats.total).toBe(all.length);
    expect(stats.byKind.phrase + stats.byKind.sentence + stats.byKind.paragraph).toBe(all.length);
    expect(stats.byRole.causes).toBe(all.filter((s) => s.roles.includes("causes")).length);
    expect(stats.byType["speech-guidance"]).toBe(all.filter((s) => s.types.includes("speech-guidance")).length);
    expect(stats.byTypeRole["personal-review"].causes).toBe(all.filter((s) => s.types.includes("personal-review") && s.roles.includes("causes")).length);
  });

  it("prints a readable summary", async () => {
    const { code, out } = await run("snippets", "stats");
    expect(code).toBe(0);
    expect(out).toMatch(/^短语库：共 \d+ 条/);
    expect(out).toMatch(/按形式：短语 \d+，句子 \d+，段落 \d+/);
    expect(out).toMatch(/原因分析\s+\d+\s+\(causes\)/);
  });
});
