// tigang check --annotate: the annotated copies on disk, the same reports as tigang check, and the input never overwritten.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { makeDocx } from "../support/makeDocx";
import { comments, parts, text } from "../support/docxPackage";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("tigang check --annotate", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-annotate-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const lines = fs.readFileSync(path.join(__dirname, "../fixtures/realistic/team-review-special.txt"), "utf8").split(/\r?\n/).filter((l) => l.trim());
  lines[3] += "（XX同志）";
  const inDir = path.join(dir, "收到的材料");
  const docx = path.join(inDir, "班子材料.docx");
  const txt = path.join(inDir, "个人材料.txt");
  const broken = path.join(inDir, "损坏.docx");

  beforeAll(async () => {
    fs.mkdirSync(inDir);
    fs.writeFileSync(docx, await makeDocx(lines.map((t) => ({ text: t }))));
    fs.writeFileSync(txt, lines.slice(0, -1).join("\n"));
    fs.writeFileSync(broken, "PK\u0003\u0004坏的");
  });

  test("writes one annotated copy per readable file, with the reports of tigang check", async () => {
    const outDir = path.join(dir, "批注");
    const before = fs.readFileSync(docx);
    const r = await run(["check", "--format", "json", "--annotate", outDir, "--author", "组织部", docx, txt, broken]);
    const plain = await run(["check", "--format", "json", docx, txt, broken]);
    expect(r.out).toBe(plain.out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/写入 2 个批注副本/);
    expect(fs.readdirSync(outDir).sort()).toEqual(["个人材料.docx", "班子材料.docx"].sort());
    expect(fs.readFileSync(docx).equals(before)).toBe(true);
    const json = JSON.parse(r.out);
    for (const [name, report] of [["班子材料.docx", json.files[0]], ["个人材料.docx", json.files[1]]]) {
      const p = await parts(new Uint8Array(fs.readFileSync(path.join(outDir, name))));
      const list = comments(text(p.get("word/comments.xml")));
      expect(list).toHaveLength(report.findings.length);
      expect(list.every((c) => c.author === "组织部" && c.text.startsWith("【提纲助手】"))).toBe(true);
    }
  });

  test("refuses the input's own folder unless --force, and then still never overwrites the input", async () => {
    const refused = await run(["check", "--annotate", inDir, docx]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/原文件所在的目录.*--force/);
    const before = fs.readFileSync(docx);
    const forced = await run(["check", "--annotate", inDir, "--force", docx]);
    expect(forced.code).not.toBe(2);
    expect(fs.readFileSync(docx).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(inDir, "班子材料（批注）.docx"))).toBe(true);
  });

  test("--author without --annotate is a usage error", async () => {
    expect((await run(["check", "--author", "甲", docx])).code).toBe(2);
  });
});
