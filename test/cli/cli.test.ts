import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { makeDocx, toAutoNumbered } from "../support/makeDocx";

const fixture = (f: string) => path.join(__dirname, "..", "fixtures", "structure", f);

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("tigang", () => {
  test("--version and --help", async () => {
    const v = await run(["--version"]);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(require("../../package.json").version);
    const h = await run(["--help"]);
    expect(h.out).toMatch(/tigang check/);
    expect((await run([])).code).toBe(2);
  });

  test("outline prints the tree with roles", async () => {
    const r = await run(["outline", fixture("personal-runin.txt")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/个人对照检查材料/);
    expect(r.out).toMatch(/二、问题产生的原因分析\s+〔原因分析〕/);
  });

  test("check --format json follows the contract", async () => {
    const r = await run(["check", "--format", "json", fixture("report.txt"), fixture("team-restart.txt")]);
    const json = JSON.parse(r.out);
    expect(json.files).toHaveLength(2);
    const f = json.files[0];
    expect(Object.keys(f).sort()).toEqual(["file", "findings", "outline", "paragraphs", "type"].sort());
    expect(f.type).toEqual({ id: "rectification-report", name: "整改落实情况报告", confidence: expect.any(Number), reasons: expect.arrayContaining([expect.any(String)]) });
    expect(f.outline[0]).toEqual({ level: 1, marker: "一、", number: 1, title: "加强组织领导，扎实推进整改工作", role: "organization", paragraph: 6, children: [] });
    for (const finding of json.files.flatMap((x: { findings: unknown[] }) => x.findings)) {
      expect(finding).toEqual(expect.objectContaining({ rule: expect.any(String), severity: expect.stringMatching(/^(error|warning|info)$/), message: expect.any(String), paragraph: expect.any(Number) }));
    }
    expect([0, 1]).toContain(r.code);
  });

  test("findings quote their text with a little context, in JSON, text and HTML", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-quote-"));
    const file = path.join(dir, "材料.txt");
    const long = "按照局党组统一安排，对照检查了在理论学习、担当作为、作风建设等方面存在的不足，XX科室存在台账不全的问题，已经着手整改。";
    fs.writeFileSync(file, ["张三同志个人对照检查材料", "一、存在的问题", long].join("\n"));
    const json = JSON.parse((await run(["check", "--format", "json", file])).out);
    const placeholder = json.files[0].findings.find((f: { rule: string }) => f.rule === "placeholder");
    expect(placeholder.paragraph).toBe(2);
    expect(placeholder.quote).toBe("…风建设等方面存在的不足，XX科室存在台账不全的问题，…");
    expect(long.slice(placeholder.offset, placeholder.offset + placeholder.length)).toBe("XX");
    const text = (await run(["check", "--format", "text", file])).out;
    expect(text).toContain("第3段  [错误] placeholder：");
    expect(text).toContain("「…风建设等方面存在的不足，XX科室存在台账不全的问题，…」");
    const out = path.join(dir, "报告.html");
    await run(["check", "--format", "html", "--out", out, file]);
    expect(fs.readFileSync(out, "utf8")).toContain('<div class="quote">「…风建设等方面存在的不足，XX科室存在台账不全的问题，…」</div>');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("an unreadable file gets a Chinese message, the others are still reported, exit 2", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-cli-"));
    const bad = path.join(dir, "坏文件.docx");
    fs.writeFileSync(bad, "not a zip");
    const r = await run(["check", "--format", "json", bad, fixture("report.txt"), path.join(dir, "missing.txt")]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { error?: string }) => !!f.error)).toEqual([true, false, true]);
    expect(r.err).toMatch(/坏文件\.docx：.*(docx|压缩包)/);
    expect(r.err).toMatch(/不存在/);
  });

  test("an auto-numbered .docx and CRLF text give the same outline", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-cli-"));
    const lines = fs.readFileSync(fixture("personal-runin.txt"), "utf8").split(/\r?\n/);
    const docx = path.join(dir, "a.docx");
    fs.writeFileSync(docx, await makeDocx(toAutoNumbered(lines)));
    const crlf = path.join(dir, "b.txt");
    fs.writeFileSync(crlf, lines.join("\r\n"));
    const r = await run(["outline", "--format", "json", docx, crlf]);
    const [a, b] = JSON.parse(r.out).files;
    const shape = (hs: { level: number; title: string; role: string | null; children: unknown[] }[]): unknown => hs.map((h) => [h.level, h.title, h.role, shape(h.children as never)]);
    expect(shape(a.outline)).toEqual(shape(b.outline));
  });

  test("--format html --out writes one self-contained page", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-cli-"));
    const out = path.join(dir, "report.html");
    const r = await run(["check", "--format", "html", "--out", out, fixture("report.txt"), fixture("guidance-runs.txt")]);
    expect([0, 1]).toContain(r.code);
    const html = fs.readFileSync(out, "utf8");
    expect(html).toMatch(/<table>/);
    expect(html).toMatch(/report\.txt/);
    expect(html).not.toMatch(/<script|src=|href="http/);
  });

  test("an --out file that cannot be written gets a Chinese message and exit 2", async () => {
    const out = path.join(os.tmpdir(), "tigang-no-such-dir", "sub", "report.json");
    const r = await run(["check", "--format", "json", "--out", out, fixture("report.txt")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无法写入输出文件.*ENOENT/);
    expect(r.out).toBe("");
  });

  test("bad usage exits 2 with a Chinese message", async () => {
    expect(await run(["check", "--type", "nope", fixture("report.txt")])).toMatchObject({ code: 2, err: expect.stringMatching(/未知的类型/) });
    expect(await run(["check"])).toMatchObject({ code: 2, err: expect.stringMatching(/请指定/) });
    expect(await run(["frobnicate"])).toMatchObject({ code: 2, err: expect.stringMatching(/未知的命令/) });
  });
});

describe("tigang outline --type / --meeting", () => {
  test("text emits a complete skeleton document that parses back as the type", async () => {
    const r = await run(["outline", "--type", "team-review", "--meeting", "annual", "--year", "2025"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^【单位名称】党委（党组）领导班子2025年度民主生活会对照检查材料\n/);
    expect(r.out).toMatch(/一、/);
    expect(r.out).not.toMatch(/巡视|巡察|[{}]/);
    expect(r.err).toBe("");
    const { parseDocument } = await import("../../src/core/parse/parseDocument");
    const { textToParagraphs } = await import("../../src/core/io/decodeText");
    expect(parseDocument(textToParagraphs(r.out)).type.id).toBe("team-review");
  });
  test("json gives sections with roles and guidance, and the year file used", async () => {
    const r = await run(["outline", "--type", "personal-review", "--format", "json"]);
    const o = JSON.parse(r.out);
    expect(o.type).toBe("personal-review");
    expect(o.sections.map((s: { role: string }) => s.role)).toEqual(expect.arrayContaining(["problems", "causes", "measures", "closing"]));
    expect(JSON.stringify(o)).not.toMatch(/\{meeting\}/);
    expect(o.focus).toMatchObject({ year: 2025 });
  });
  test.each([
    ["xunshi", /^=== 个人对照检查材料（巡视整改专题） ===\n【姓名】同志在巡视整改专题民主生活会上/, 5, /巡察/],
    ["巡察整改专题", /^=== 个人对照检查材料（巡察整改专题） ===\n【姓名】同志在巡察整改专题民主生活会上/, 5, /巡视/],
    ["annual", /^=== 个人对照检查材料（年度民主生活会） ===\n【姓名】同志在2026年度民主生活会上/, 3, /巡视|巡察/],
    ["campaign", /在深入贯彻中央八项规定精神学习教育专题民主生活会上/, 3, /巡视|巡察/],
    ["topic", /在落实全面从严治党主体责任专题民主生活会上/, 3, /巡视|巡察/],
  ])("--meeting %s prints the outlines of every type that meeting uses", async (meeting, head, types, never) => {
    const r = await run(["outline", "--meeting", meeting, "--year", "2026", "--topic", "落实全面从严治党主体责任"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(head);
    expect(r.out.match(/^=== /gm)).toHaveLength(types);
    expect(r.out).not.toMatch(never);
    expect(r.out).not.toMatch(/[{}]/);
  });
  test("an annual meeting later than the year file: the notice goes to stderr, the year's points into the outline", async () => {
    const r = await run(["outline", "--type", "personal-review", "--meeting", "年度", "--year", "2026"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/2026年度民主生活会：以下按2025年度重点，请以本年度通知为准/);
    expect(r.out).toMatch(/（一）带头强化政治忠诚、提高政治能力方面/);
    expect(r.out).toMatch(/二、存在的问题/);
  });
  test("--focus reads an office's own year file; a broken one is a clear usage error", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-focus-"));
    const shipped = JSON.parse(fs.readFileSync(path.join(__dirname, "../../src/data/outlines/year-focus.json"), "utf8"));
    const own = path.join(dir, "focus.json");
    fs.writeFileSync(own, JSON.stringify({ ...shipped, year: 2026, label: "2026年度重点", points: [{ id: "a", text: "带头做好甲", guide: "写甲。" }] }));
    const r = await run(["outline", "--type", "team-review", "--meeting", "annual", "--year", "2026", "--focus", own]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/（一）带头做好甲方面/);
    const broken = path.join(dir, "broken.json");
    fs.writeFileSync(broken, JSON.stringify({ ...shipped, points: [] }));
    expect(await run(["outline", "--type", "team-review", "--meeting", "annual", "--focus", broken])).toMatchObject({ code: 2, err: expect.stringMatching(/年度重点文件有误：points/) });
  });
  test("bad or mismatched choices are usage errors", async () => {
    expect(await run(["outline", "--type", "personal-review", "--variant", "督查"])).toMatchObject({ code: 2, err: expect.stringMatching(/--variant 只能是/) });
    expect(await run(["outline", "--type", "personal-review", "--variant", "巡察", "--meeting", "annual"])).toMatchObject({ code: 2, err: expect.stringMatching(/不是同一种会议/) });
    expect(await run(["outline", "--type", "rectification-report", "--meeting", "annual"])).toMatchObject({ code: 2, err: expect.stringMatching(/整改落实情况报告用于巡视整改专题、巡察整改专题/) });
    // The older spelling still works: special with --variant 巡察 is the 巡察 meeting.
    const old = await run(["outline", "--type", "personal-review", "--variant", "巡察", "--meeting", "special"]);
    expect(old.out).toMatch(/巡察整改专题民主生活会/);
  });
});

describe("bin/tigang (the installed command, built by npm install)", () => {
  test("output larger than a pipe's buffer reaches the reader whole, with the exit code", async () => {
    const { spawn } = await import("node:child_process");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-pipe-"));
    // Enough findings for well over 64 KB of JSON: a half-width comma in each of 3,000 paragraphs.
    const lines = ["张三同志个人对照检查材料", "一、存在的问题"];
    for (let i = 0; i < 3000; i++) lines.push(`第${i}条，学习不够深入,自学时间安排得少。`);
    fs.writeFileSync(path.join(dir, "大文件.txt"), lines.join("\n"));
    const child = spawn(process.execPath, [path.join(__dirname, "../../bin/tigang.js"), "check", "--format", "json", path.join(dir, "大文件.txt")], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    // Read slowly, as a pager or jq would: the writer must still not lose the tail.
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 300);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(out.length).toBeGreaterThan(200_000);
    const json = JSON.parse(out);
    expect(json.files[0].findings.filter((f: { rule: string }) => f.rule === "punctuation")).toHaveLength(3000);
    // The document lacks its causes and measures: error findings, exit 1.
    expect(code).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
