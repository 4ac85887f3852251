// Faults and hostile files (issue 7): each input gives a result or a clear Chinese message — never a hang or a crash.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { readDocx } from "../../src/core/io/readDocx";
import { InputError } from "../../src/core/io/decodeText";
import { parseDocument } from "../../src/core/parse/parseDocument";
import { checkDocument } from "../../src/core/check/engine";
import { loadParagraphs } from "../../src/cli/load";
import { inputKind, readInputBytes } from "../../src/core/io/readInput";
import type { Paragraph } from "../../src/core/model";
import { makeDocx } from "../support/makeDocx";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CLEAN = fs.readFileSync(path.join(__dirname, "../fixtures/clean/personal-review.txt"), "utf8").split(/\r?\n/);

async function docxWithBody(bodyXml: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  return makeDocx([], { "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`, ...extra });
}
const p = (text: string, inner = "") => `<w:p>${inner}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

function parseAndCheck(paragraphs: Paragraph[]) {
  const doc = parseDocument(paragraphs);
  return { doc, findings: checkDocument(doc) };
}

async function expectInputError(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  const message = (err as Error).message;
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  return message;
}

describe("corrupt and truncated .docx", () => {
  test("a .docx cut off at every tenth of its length is refused with a Chinese message or read, never thrown raw", async () => {
    const good = await makeDocx(CLEAN.map((text) => ({ text })));
    for (let k = 1; k < 10; k++) {
      const cut = good.slice(0, Math.floor((good.length * k) / 10));
      const outcome = await readDocx(cut).then(
        (paras) => ({ paras }),
        (e: unknown) => ({ e }),
      );
      if ("e" in outcome) {
        expect(outcome.e).toBeInstanceOf(InputError);
        expect((outcome.e as Error).message).toMatch(/损坏|截断|不是/);
      } else {
        expect(Array.isArray(outcome.paras)).toBe(true);
      }
    }
  });

  test("random bytes and an empty file named .docx", async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) & 0xff);
    expect(await expectInputError(readDocx(junk))).toMatch(/不是有效的 \.docx/);
    expect(await expectInputError(readDocx(new Uint8Array()))).toMatch(/不是有效的 \.docx/);
  });

  test("a corrupted deflate stream inside a well-formed zip", async () => {
    const good = await makeDocx(CLEAN.map((text) => ({ text })));
    const zip = await JSZip.loadAsync(good);
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    // Find the local header of word/document.xml and scribble over its compressed data.
    const name = new TextEncoder().encode("word/document.xml");
    let at = -1;
    for (let i = 0; i < bytes.length - name.length && at < 0; i++) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4 && name.every((b, j) => bytes[i + 30 + j] === b)) at = i;
    expect(at).toBeGreaterThanOrEqual(0);
    const dataStart = at + 30 + name.length + (bytes[at + 28] | (bytes[at + 29] << 8));
    const broken = bytes.slice();
    for (let i = dataStart; i < dataStart + 40; i++) broken[i] = 0xff;
    const outcome = await readDocx(broken).then(
      (paras) => ({ paras }),
      (e: unknown) => ({ e }),
    );
    if ("e" in outcome) expect((outcome.e as Error).message).toMatch(/[\u4e00-\u9fff]/);
    else expect(outcome.paras.map((x) => x.text).join("")).not.toContain(CLEAN[0]); // garbage in, no crash
  });

  test("malformed XML in document.xml gives a message or what text it can, never a raw error", async () => {
    for (const body of ["<w:p><w:r><w:t>未闭合</w:r></w:p>", "<w:p><w:r><w:t>a</w:t></w:r>", "<<<>>>&&&", "<w:p>\u0000</w:p>"]) {
      const outcome = await readDocx(await docxWithBody(body)).then(
        (paras) => ({ paras }),
        (e: unknown) => ({ e }),
      );
      if ("e" in outcome) {
        expect(outcome.e).toBeInstanceOf(InputError);
        expect((outcome.e as Error).message).toMatch(/[\u4e00-\u9fff]/);
      } else expect(outcome.paras.every((x) => typeof x.text === "string")).toBe(true);
    }
  });
});

describe("documents full of tables, content controls, footnotes and tracked changes", () => {
  test("a document that is all tables is read, parsed and checked", async () => {
    const rows: string[] = [];
    for (let t = 0; t < 200; t++) rows.push(`<w:tbl><w:tr><w:tc>${p(`第${t + 1}项问题`)}</w:tc><w:tc>${p("整改措施：建立台账，限期销号。")}</w:tc></w:tr></w:tbl>`);
    const paras = await readDocx(await docxWithBody(rows.join("")));
    expect(paras).toHaveLength(400);
    expect(paras.every((x) => x.inTable)).toBe(true);
    const { doc, findings } = parseAndCheck(paras);
    expect(doc.headings).toHaveLength(0);
    // Table cells are not the document's outline: no numbering or order complaints about them.
    expect(findings.filter((f) => f.rule.startsWith("numbering"))).toEqual([]);
  });

  test("block and inline content controls keep their text and order", async () => {
    const body = [
      p("某某同志民主生活会个人对照检查材料"),
      `<w:sdt><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>${p("一、存在的问题")}${p("（一）理论学习方面")}</w:sdtContent></w:sdt>`,
      `<w:p><w:r><w:t xml:space="preserve">学习</w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>不够深入</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>。</w:t></w:r></w:p>`,
    ].join("");
    const paras = await readDocx(await docxWithBody(body));
    expect(paras.map((x) => x.text)).toEqual(["某某同志民主生活会个人对照检查材料", "一、存在的问题", "（一）理论学习方面", "学习不够深入。"]);
  });

  test("footnote and comment references leave the body text clean", async () => {
    const body = `<w:p><w:r><w:t>坚持以人民为中心</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t>的发展思想。</w:t></w:r></w:p>`;
    const footnotes = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:id="1">${p("脚注内容")}</w:footnote></w:footnotes>`;
    const paras = await readDocx(await docxWithBody(body, { "word/footnotes.xml": footnotes }));
    expect(paras.map((x) => x.text)).toEqual(["坚持以人民为中心的发展思想。"]);
  });

  test("a document dense with tracked insertions, deletions and moves shows the text as it would be accepted", async () => {
    const parts: string[] = [];
    for (let i = 0; i < 300; i++) {
      parts.push(
        `<w:p><w:r><w:t>第${i}段</w:t></w:r><w:del w:id="${i}a" w:author="审" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins w:id="${i}b" w:author="审" w:date="2026-01-01T00:00:00Z"><w:r><w:t>新增</w:t></w:r></w:ins><w:moveFrom w:id="${i}c" w:author="审" w:date="2026-01-01T00:00:00Z"><w:r><w:t>移走</w:t></w:r></w:moveFrom></w:p>`,
      );
    }
    const paras = await readDocx(await docxWithBody(parts.join("")));
    expect(paras).toHaveLength(300);
    expect(paras[7].text).toBe("第7段新增");
    expect(paras.some((x) => /删去|移走/.test(x.text))).toBe(false);
    expect(() => parseAndCheck(paras)).not.toThrow();
  });
});

describe("size", () => {
  test("a 100,000-character paragraph is parsed and checked, and its findings point inside it", () => {
    const unit = "坚持问题导向，聚焦突出问题，XX 抓好整改落实,";
    const long = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const paragraphs: Paragraph[] = [{ text: "某某同志个人对照检查材料" }, { text: "一、存在的问题" }, { text: long }];
    const { findings } = parseAndCheck(paragraphs);
    const inLong = findings.filter((f) => f.paragraph === 2);
    expect(inLong.some((f) => f.rule === "placeholder")).toBe(true);
    expect(inLong.some((f) => f.rule === "punctuation")).toBe(true);
    for (const f of inLong) expect(f.offset + f.length).toBeLessThanOrEqual(long.length);
  });

  test("a 50,000-paragraph document is parsed and checked with findings at the right places", () => {
    const paragraphs: Paragraph[] = [];
    while (paragraphs.length < 50_000) for (const text of CLEAN) paragraphs.push({ text });
    paragraphs.length = 50_000;
    paragraphs[42_001] = { text: "学习不够深入,存在“学用脱节”现象。" };
    const { doc, findings } = parseAndCheck(paragraphs);
    expect(doc.paragraphs).toHaveLength(50_000);
    const at = findings.filter((f) => f.paragraph === 42_001 && f.rule === "punctuation");
    expect(at).toHaveLength(1);
    expect(at[0].fix?.text).toBe("，");
  });
});

describe("files from disk (the CLI's loader)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-faults-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("binary junk named .txt is refused in Chinese", async () => {
    const f = path.join(dir, "junk.txt");
    fs.writeFileSync(f, Buffer.from(new Uint8Array(2048).map((_, i) => (i * 131 + 7) & 0xff)));
    await expectInputError(loadParagraphs(f));
  });

  test("a .docx that is really text, and a text file that is really a zip, are told apart by content", async () => {
    const asDocx = path.join(dir, "text.docx");
    fs.writeFileSync(asDocx, "这不是 Word 文档");
    expect(await expectInputError(loadParagraphs(asDocx))).toMatch(/docx/);
    const zipTxt = path.join(dir, "really-docx.txt");
    fs.writeFileSync(zipTxt, await makeDocx([{ text: "一、存在的问题" }]));
    expect((await loadParagraphs(zipTxt)).map((x) => x.text)).toEqual(["一、存在的问题"]);
  });

  test("a legacy .doc and a folder get their own messages", async () => {
    const doc = path.join(dir, "old.doc");
    fs.writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    expect(await expectInputError(loadParagraphs(doc))).toMatch(/另存为 \.docx/);
    expect(await expectInputError(loadParagraphs(dir))).toMatch(/文件夹/);
  });
});

describe("bytes by file name (the one reader of the CLI and the reviewing page's worker)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-input-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

  test("names: documents, Word 97, Word's owner files and the rest", () => {
    expect(["甲.docx", "乙.DOCM", "丙.txt", "丁.doc", "~$甲.docx", "照片.png", "说明"].map(inputKind)).toEqual(["docx", "docx", "text", "doc", "other", "other", "other"]);
  });

  test("an encrypted .docx (an OLE container) gets its own message", async () => {
    // Word wraps a password-protected .docx in an OLE file with an EncryptedPackage stream (named in UTF-16LE).
    const name = [..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]);
    const bytes = new Uint8Array([...OLE, ...new Uint8Array(504), ...name, ...new Uint8Array(64)]);
    expect(await expectInputError(readInputBytes("加密.docx", bytes))).toMatch(/加密/);
  });

  test("hostile files are refused with the same message from bytes as from disk", async () => {
    const entity = await docxWithBody("", {
      "word/document.xml": `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><w:document ${W}><w:body>${p("&e;")}</w:body></w:document>`,
    });
    const many = new JSZip();
    for (let i = 0; i <= 5000; i++) many.file(`x/${i}.xml`, "");
    const crowded = await many.generateAsync({ type: "uint8array" });
    for (const [name, bytes] of [["entity.docx", entity], ["crowded.docx", crowded]] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const fromDisk = await expectInputError(loadParagraphs(file));
      expect(await expectInputError(readInputBytes(name, bytes))).toBe(fromDisk);
    }
  });
});
