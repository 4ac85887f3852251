// The annotator: findings as Word comments on their exact text. Package checks (comments part, relationship, content
// type, matched markers), nothing else changed (other parts byte-identical inflated; text and run properties of every
// character), existing comments kept, earlier tool comments replaced, round trip, text files, real LibreOffice-written files.
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { annotateFile, textToDocx } from "../../../src/core/annotate/annotateFile";
import { COMMENT_PREFIX } from "../../../src/core/annotate/commentText";
import { readInputBytes } from "../../../src/core/io/readInput";
import { checkReport } from "../../../src/core/report/checkReport";
import type { FileReport } from "../../../src/core/report/fileReport";
import { nodeInflate } from "../../../src/cli/nodeInflate";
import { makeDocx } from "../../support/makeDocx";
import { comments, markers, parts, text, tokens } from "../../support/docxPackage";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const DATE = "2026-01-05T09:00:00Z";
const fixture = (dir: string, name: string) => fs.readFileSync(path.join(__dirname, "../../fixtures", dir, name));

/** A realistic draft with defects a reviewer sends back: a placeholder and a half-width comma, and no closing sentence. */
function draftLines(): string[] {
  const lines = fixture("realistic", "personal-review-items.txt").toString("utf8").split(/\r?\n/).filter((l) => l.trim());
  lines[2] += "请于X月X日前完成,并报告。";
  lines.pop();
  return lines;
}

/** The same draft with its third paragraph cut into runs of different formatting, entities, a tab and a hyperlink. */
async function trickyDocx(): Promise<Uint8Array> {
  const lines = draftLines();
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const p = (t: string) => `<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr><w:r w:rsidR="00A1"><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>${esc(t)}</w:t></w:r></w:p>`;
  const third = lines[2];
  const cut = third.indexOf("X月");
  // "…请于X" | "月X日前完成" (bold, with R&D in it) | "," in a hyperlink | tab | "并报告。"
  const thirdXml =
    `<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr>` +
    `<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t>${esc(third.slice(0, cut + 1))}</w:t></w:r>` +
    `<w:bookmarkStart w:id="7" w:name="mark"/>` +
    `<w:r><w:rPr><w:b/><w:rPrChange w:id="8" w:author="甲" w:date="2025-01-01T00:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t xml:space="preserve">月X日前完成</w:t></w:r>` +
    `<w:bookmarkEnd w:id="7"/>` +
    `<w:hyperlink w:anchor="mark"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>,</w:t></w:r></w:hyperlink>` +
    `<w:r><w:t>并&amp;</w:t><w:tab/><w:t>报告。</w:t></w:r></w:p>`;
  const body = [p(lines[0]), p(lines[1]), thirdXml, ...lines.slice(3).map(p)].join("");
  const files = {
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    "word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    "word/media/image1.png": "PNG-bytes-kept-as-they-are",
  };
  return makeDocx([], files);
}

/** The package's structure for comments, checked without the annotator's own code. */
async function checkPackage(bytes: Uint8Array) {
  const p = await parts(bytes);
  const rels = text(p.get("word/_rels/document.xml.rels"));
  const relsMatch = /<Relationship [^>]*Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments"[^>]*Target="([^"]+)"/.exec(rels);
  expect(relsMatch).not.toBeNull();
  const commentsPart = `word/${relsMatch![1]}`;
  expect(p.has(commentsPart)).toBe(true);
  expect(text(p.get("[Content_Types].xml"))).toContain(`<Override PartName="/${commentsPart}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`);
  const list = comments(text(p.get(commentsPart)));
  const doc = text(p.get("word/document.xml"));
  const marks = markers(doc);
  expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
  for (const c of list) {
    const m = marks.get(c.id);
    expect(m).toMatchObject({ starts: 1, ends: 1, refs: 1, order: ["start", "end", "ref"] });
  }
  expect([...marks.keys()].sort()).toEqual(list.map((c) => c.id).sort());
  return { parts: p, list, doc, marks, commentsPart };
}

async function annotate(name: string, bytes: Uint8Array, author?: string) {
  return annotateFile(name, bytes, { date: DATE, author, inflate: nodeInflate });
}

const where = (r: FileReport) => r.findings.map((f) => [f.rule, f.paragraph, f.offset, f.length]);

describe("annotateDocx", () => {
  test("every finding is a comment on its exact text; no range → its paragraph", async () => {
    const bytes = await trickyDocx();
    const out = await annotate("甲.docx", bytes);
    expect(out.report.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["placeholder", "punctuation", "missing-section"]));
    expect(out.added).toBe(out.report.findings.length);
    const { list, marks } = await checkPackage(out.bytes);
    expect(list).toHaveLength(out.report.findings.length);
    const paragraphs = await readInputBytes("甲.docx", bytes);
    // Comments are written in finding order.
    const byOrder = [...list].sort((a, b) => Number(a.id) - Number(b.id));
    out.report.findings.forEach((f, i) => {
      const c = byOrder[i];
      expect(c.author).toBe("审核");
      expect(c.text.startsWith(COMMENT_PREFIX)).toBe(true);
      expect(c.text).toContain(f.message.replace(/。$/, ""));
      if (f.replacement) expect(c.text).toContain(f.replacement);
      const m = marks.get(c.id)!;
      expect(m.paragraph).toBe(f.paragraph);
      const t = paragraphs[f.paragraph].text;
      expect(m.covered).toBe(f.length ? t.slice(f.offset, f.offset! + f.length) : t);
    });
  });

  test("only the comment parts change: other parts identical inflated; text and run properties of every character unchanged", async () => {
    const bytes = await trickyDocx();
    const before = await parts(bytes);
    const out = await annotate("甲.docx", bytes);
    const { parts: after, commentsPart } = await checkPackage(out.bytes);
    const changed = new Set(["word/document.xml", commentsPart, "word/_rels/document.xml.rels", "[Content_Types].xml"]);
    for (const [name, data] of before) if (!changed.has(name)) expect(Buffer.from(after.get(name)!).equals(Buffer.from(data))).toBe(true);
    expect([...after.keys()].sort()).toEqual([...before.keys(), commentsPart].sort());
    // The relationship and content type parts gain exactly one entry each.
    const withoutComments = (s: string) => s.replace(/<Relationship [^>]*relationships\/comments"[^>]*\/>/, "").replace(/<Override PartName="\/word\/comments\.xml"[^>]*\/>/, "");
    expect(withoutComments(text(after.get("word/_rels/document.xml.rels")))).toBe(text(before.get("word/_rels/document.xml.rels")));
    expect(withoutComments(text(after.get("[Content_Types].xml")))).toBe(text(before.get("[Content_Types].xml")));
    const a = tokens(text(before.get("word/document.xml")));
    const b = tokens(text(after.get("word/document.xml")));
    expect(b).toEqual(a);
    // The check above fails when a split loses the run's properties (the test is not blind).
    const annotated = text(after.get("word/document.xml"));
    const lost = annotated.replace(/(<w:commentReference w:id="\d+"\/><\/w:r><w:r><w:rPr>)<w:b\/>/, "$1");
    expect(lost).not.toBe(annotated);
    expect(tokens(lost)).not.toEqual(a);
  });

  test("the document's own comments are kept; running again replaces the tool's comments instead of adding more", async () => {
    const base = await trickyDocx();
    const zip = await JSZip.loadAsync(base);
    const doc = await zip.file("word/document.xml")!.async("string");
    const own = doc.replace(/<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"\/><\/w:rPr>/, `<w:commentRangeStart w:id="0"/>$&`).replace(/(<w:bookmarkStart)/, `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>$1`);
    zip.file("word/document.xml", own);
    zip.file("word/comments.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W}><w:comment w:id="0" w:author="张三" w:date="2025-12-01T00:00:00Z"><w:p><w:r><w:t>开头再精炼一些</w:t></w:r></w:p></w:comment></w:comments>`);
    zip.file("word/_rels/document.xml.rels", (await zip.file("word/_rels/document.xml.rels")!.async("string")).replace("</Relationships>", `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`));
    zip.file("[Content_Types].xml", (await zip.file("[Content_Types].xml")!.async("string")).replace("</Types>", `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`));
    const withOwn = await zip.generateAsync({ type: "uint8array" });

    const first = await annotate("甲.docx", withOwn, "组织部");
    expect(first.kept).toBe(1);
    const once = await checkPackage(first.bytes);
    expect(once.list.filter((c) => c.author === "张三")).toEqual([{ id: "0", author: "张三", text: "开头再精炼一些" }]);
    expect(once.list.filter((c) => c.author === "组织部")).toHaveLength(first.report.findings.length);

    const second = await annotate("甲.docx", first.bytes, "纪委");
    expect(second.removed).toBe(first.added);
    const twice = await checkPackage(second.bytes);
    expect(twice.list.filter((c) => c.author === "张三")).toHaveLength(1);
    expect(twice.list.filter((c) => c.text.startsWith(COMMENT_PREFIX))).toHaveLength(second.report.findings.length);
    expect(twice.list.every((c) => c.author !== "组织部")).toBe(true);
    // Removing the old comments restored the text exactly.
    expect(tokens(twice.doc)).toEqual(tokens(own));
  });

  test("round trip: checking the annotated copy gives the same findings at the same places", async () => {
    for (const bytes of [await trickyDocx(), await makeDocx(draftLines().map((t) => ({ text: t })))]) {
      const out = await annotate("甲.docx", bytes);
      const again = checkReport("甲.docx", await readInputBytes("甲.docx", out.bytes, { inflate: nodeInflate }));
      expect(where(again)).toEqual(where(out.report));
      expect(out.added).toBeGreaterThan(0);
    }
  });

  test("a text file becomes a .docx of its paragraphs, with the comments", async () => {
    const lines = draftLines();
    const out = await annotate("乙.txt", new TextEncoder().encode(lines.join("\r\n")));
    expect(out.name).toBe("乙.docx");
    const { list, marks } = await checkPackage(out.bytes);
    expect(list).toHaveLength(out.report.findings.length);
    const paragraphs = await readInputBytes("乙.docx", out.bytes, { inflate: nodeInflate });
    expect(paragraphs.map((p) => p.text)).toEqual(lines);
    const placeholder = out.report.findings.find((f) => f.rule === "placeholder")!;
    const c = [...marks.values()].find((m) => m.paragraph === placeholder.paragraph && m.covered === "X月X日");
    expect(c).toBeDefined();
    expect(where(checkReport("乙.docx", paragraphs))).toEqual(where(out.report));
  });

  test("real files written by LibreOffice, checked as the wrong type so that sections are missing", async () => {
    for (const name of fs.readdirSync(path.join(__dirname, "../../fixtures/docx"))) {
      const bytes = new Uint8Array(fixture("docx", name));
      const type = name.includes("team") ? "rectification-report" : "team-review";
      const out = await annotateFile(name, bytes, { date: DATE, type, inflate: nodeInflate });
      expect(out.report.findings.length).toBeGreaterThan(0);
      const { list, doc } = await checkPackage(out.bytes);
      expect(list).toHaveLength(out.report.findings.length);
      expect(tokens(doc)).toEqual(tokens(text((await parts(bytes)).get("word/document.xml"))));
      const again = checkReport(name, await readInputBytes(name, out.bytes, { inflate: nodeInflate }), type);
      expect(where(again)).toEqual(where(out.report));
    }
  });

  test("a clean file gets no comments part; text with markup characters is escaped", async () => {
    const clean = fixture("clean", "team-review.txt").toString("utf8");
    const report = checkReport("丙.txt", await readInputBytes("丙.txt", new TextEncoder().encode(clean)));
    const out = await annotate("丙.txt", new TextEncoder().encode(clean));
    const p = await parts(out.bytes);
    expect(p.has("word/comments.xml")).toBe(report.findings.length > 0);
    const odd = await textToDocx(["A&B <C> \"D\"\t制表"]);
    expect((await readInputBytes("丁.docx", odd, { inflate: nodeInflate }))[0].text).toBe('A&B <C> "D"\t制表');
  });
});
