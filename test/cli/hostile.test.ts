// Issue 13, section 2, at the command line: terminal safety, broken pipes, messages in Chinese, --out and inputs,
// content that could not be read said to be unchecked.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { tempFiles } from "../support/tempFiles";
import { makeDocx } from "../support/makeDocx";

// The first check in a process loads and indexes the typo lexicon (about a second on a loaded machine), and several
// tests here build and read large inputs: more than the default 5 s under load.
jest.setTimeout(30000);

const { dir, file } = tempFiles("tigang-cli-hostile-");
async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

test("escape sequences in a document reach the terminal escaped, in text output and on stderr", async () => {
  const body = "对照检查中发现的问题，需要在今后的工作中认真加以解决。\n".repeat(5);
  const f = file("esc\u001b[31m.txt", `一、存在的问题\n${body}整改\u001b[2J\u001b]0;title\u0007措施\u202e反向\n`);
  for (const cmd of [["check"], ["outline"]]) {
    const r = await run([...cmd, f]);
    expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(r.out).toContain("\\u001b[");
  }
  expect((await run(["check", f])).out).toContain("整改\\u001b[2J\\u001b]0;title\\u0007措施\\u202e反向");
});

test("English engine messages do not leak: unknown options and missing values, deep nesting", async () => {
  const r = await run(["check", "--foo", "x.txt"]);
  expect(r.code).toBe(2);
  expect(r.err).toBe("tigang：未知的选项“--foo”。运行 tigang --help 查看用法。\n");
  expect((await run(["check", "--type"])).err).toMatch(/^tigang：选项“--type”缺少取值/);
  // 100,000 nested elements overflowed the old reader's stack ("Maximum call stack size exceeded").
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const deep = `<w:document ${W}><w:body>${"<w:sdt><w:sdtContent>".repeat(100_000)}${"</w:sdtContent></w:sdt>".repeat(100_000)}</w:body></w:document>`;
  const d = await run(["check", file("深.docx", await makeDocx([], { "word/document.xml": deep }))]);
  expect(d.err).toMatch(/嵌套层数超过 512 层/);
  expect(d.out + d.err).not.toMatch(/[A-Za-z]{4,} [a-z]{4,}/);
});

test("--out may not name one of the inputs (by path or by another name for the same file)", async () => {
  const input = file("材料.txt", "一、存在的问题\n");
  const before = fs.readFileSync(input, "utf8");
  const r = await run(["check", "--out", path.join(dir, ".", "材料.txt"), input]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/也是要检查的文件之一/);
  fs.linkSync(input, path.join(dir, "硬链接.txt"));
  expect((await run(["check", "--out", path.join(dir, "硬链接.txt"), input])).code).toBe(2);
  expect(fs.readFileSync(input, "utf8")).toBe(before);
});

test("an empty file is not reported as a 个人对照检查材料", async () => {
  const r = await run(["check", "--format", "json", file("空.txt", "")]);
  const [report] = JSON.parse(r.out).files;
  expect(report.type).toBeNull();
  expect(report.error).toMatch(/没有文字/);
  expect(r.code).toBe(2);
});

test("imported content (altChunk) that cannot be read is reported as unchecked", async () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const zip = await JSZip.loadAsync(
    await makeDocx([], {
      "word/document.xml": `<w:document ${W}><w:body><w:p><w:r><w:t>一、存在的问题</w:t></w:r></w:p><w:altChunk r:id="c"/></w:body></w:document>`,
      "word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="c" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="part.mht"/></Relationships>`,
    }),
  );
  zip.file("word/part.mht", "MIME-Version: 1.0");
  const r = await run(["check", "--format", "json", file("导入.docx", await zip.generateAsync({ type: "uint8array" }))]);
  const findings = JSON.parse(r.out).files[0].findings.filter((f: { rule: string }) => f.rule === "imported-content");
  expect(findings).toHaveLength(1);
  expect(findings[0].message).toMatch(/word\/part\.mht.*未能读取和检查/);
});

describe("bin/tigang", () => {
  const bin = path.join(__dirname, "../../bin/tigang.js");
  test("a reader that closes the pipe early (| head -1) gets no stack trace", () => {
    const lines = ["张三同志个人对照检查材料", "一、存在的问题"];
    for (let i = 0; i < 5000; i++) lines.push(`第${i}条，学习不够深入,自学时间安排得少。`);
    const f = file("长.txt", lines.join("\n"));
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" check "${f}" | head -1`], { encoding: "utf8" });
    expect(r.stdout).toMatch(/^== /);
    expect(r.stderr).toBe("");
  });
});
