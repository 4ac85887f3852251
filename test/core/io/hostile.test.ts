// Issue 13, section 2: each defect the hostile-file probe found, with a small input built here. Each input gets a
// result or a clear Chinese message, within the limits of src/core/io/limits.ts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import JSZip from "jszip";
import { readDocx, readDocxContent } from "../../../src/core/io/readDocx";
import { InputError, decodeText, textToParagraphs } from "../../../src/core/io/decodeText";
import { READ_LIMITS } from "../../../src/core/io/limits";
import { sniffFormat } from "../../../src/core/io/sniff";
import { parseDocument } from "../../../src/core/parse/parseDocument";
import { checkDocument } from "../../../src/core/check/engine";
import { loadFile } from "../../../src/cli/load";
import { nodeInflate } from "../../../src/cli/nodeInflate";
import { makeDocx, GBT_NUMBERING } from "../../support/makeDocx";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const doc = (body: string, ns = W) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${ns} ${R}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const p = (text: string, ppr = "", rpr = "") => `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ""}<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const listP = (text: string, ilvl: number | string, numId = 1) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const CLEAN = fs.readFileSync(path.join(__dirname, "../../fixtures/clean/personal-review.txt"), "utf8").split(/\r?\n/);

async function refusal(promise: Promise<unknown>): Promise<string> {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InputError);
  expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
  return (e as Error).message;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-hostile-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: string | Uint8Array) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, data);
  return f;
};

describe("1. numbering.xml values that drove the heap out of memory are clamped as Word clamps them", () => {
  test("a huge w:ilvl, w:start, w:startOverride and a very long w:lvlText", async () => {
    const numbering = `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="999999999999"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1${"、".repeat(200_000)}"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2000000000"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%9%9%9"/></w:lvl>
    </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="-5"/></w:lvlOverride></w:num></w:numbering>`;
    const body = [listP("甲", 0), listP("乙", 1), listP("丙", 2_000_000_000), listP("丁", "1e308")].join("");
    const paras = await readDocx(await makeDocx([], { "word/document.xml": doc(body), "word/numbering.xml": numbering }));
    expect(paras.map((x) => x.text)).toEqual(["甲", "乙", "丙", "丁"]);
    // Start clamped to 32767 (XXXII thousand … in roman numerals), the label pattern to 64 characters.
    expect(paras[0].listString!.length).toBe(39 + 63);
    expect(paras[0].listString).toMatch(/^M{32}DCCLXVII、+$/);
    expect(paras[1].listString).toBe("（〇）");
    // Levels outside 0–8 are read as level 8, which this list does not define: no label, and no loop to level 2e9.
    expect(paras.slice(2).map((x) => x.listLevel)).toEqual([undefined, undefined]);
    expect(() => checkDocument(parseDocument(paras))).not.toThrow();
  });
});

describe("2. memory is bounded: limits count what is really there", () => {
  test("a zip whose headers understate the sizes is stopped by the bytes actually inflated", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", doc(p("正文")) + " ".repeat(6_000_000), { compression: "DEFLATE" });
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    // Lie in every header: the document inflates to 100 bytes.
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < bytes.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 100, true);
    }
    for (const inflate of [nodeInflate, undefined]) expect(await refusal(readDocx(bytes, { inflate, limits: { maxInflatedBytes: 2_000_000 } }))).toMatch(/压缩炸弹/);
  });

  test("a small .docx that inflates a thousandfold (empty paragraphs) is refused by the inflate ratio", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", doc("<w:p/>".repeat(3_000_000)), { compression: "DEFLATE" });
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.length).toBeLessThan(100_000);
    expect(await refusal(readDocx(bytes, { inflate: nodeInflate }))).toMatch(/压缩炸弹/);
  });

  test("paragraph and text limits stop a document as it is read", async () => {
    const bytes = await makeDocx([], { "word/document.xml": doc("<w:p/>".repeat(1001)) });
    expect(await refusal(readDocx(bytes, { limits: { maxParagraphs: 1000 } }))).toMatch(/段落数超过上限/);
    expect(await refusal(readDocx(await makeDocx(CLEAN.map((text) => ({ text }))), { limits: { maxTextChars: 500 } }))).toMatch(/字符/);
  });

  test("10 MB of bare newlines, and a text file over the text limit, are refused before they fill the memory", async () => {
    expect(() => textToParagraphs("\n".repeat(10_000_000), READ_LIMITS)).toThrow(/段落数超过上限/);
    expect(await refusal(loadFile(file("newlines.txt", "\n".repeat(READ_LIMITS.maxParagraphs + 10))))).toMatch(/段落数/);
    const big = path.join(dir, "big.txt");
    fs.writeFileSync(big, "一");
    fs.truncateSync(big, 99 * 1024 * 1024); // sparse: 99 MB on paper
    expect(await refusal(loadFile(big))).toMatch(/文件过大（99 MB），文本文件上限为 32 MB/);
  });
});

describe("3. invisible characters before 一、 are read past without moving any offset", () => {
  const INVIS = ["\u200b", "\ufeff", "\u200f", "\u202b", "\u2060"];
  const dirty = CLEAN.map((line, i) => (/^[一二三四五六七八九十（\d]/.test(line) ? INVIS[i % INVIS.length] + line : line));
  // A few defects, so that there are findings with fixes to check.
  const withDefects = (lines: string[]) => lines.map((l, i) => (i === 5 ? l.replace("，", ",") : i === 9 ? l + "XX" : l));

  test("the outline is the clean document's; every finding points at the same characters; the characters are reported for removal", () => {
    const clean = parseDocument(withDefects(CLEAN).map((text) => ({ text })));
    const parsed = parseDocument(withDefects(dirty).map((text) => ({ text })));
    const shape = (d: typeof clean) => d.flat.map((h) => [h.paragraph, h.level, h.marker, h.title, h.role]);
    expect(shape(parsed)).toEqual(shape(clean));
    expect(parsed.type.id).toBe(clean.type.id);
    const strip = (s: string) => s.replace(/[\u200b\ufeff\u200f\u202b\u2060]/g, "");
    const found = checkDocument(parsed);
    const texts = withDefects(dirty);
    const cleanTexts = withDefects(CLEAN);
    const what = (fs: ReturnType<typeof checkDocument>, t: string[]) => fs.map((f) => `${f.rule} ${f.paragraph} ${strip(t[f.paragraph].slice(f.offset, f.offset + f.length))}`).sort();
    expect(what(found.filter((f) => f.rule !== "invisible-chars"), texts)).toEqual(what(checkDocument(clean), cleanTexts));
    for (const f of found) if (f.fix) expect(texts[f.fix.paragraph].slice(f.fix.offset, f.fix.offset + f.fix.length)).toBe(f.fix.expected);
    const invisible = found.filter((f) => f.rule === "invisible-chars");
    expect(invisible).toHaveLength(dirty.filter((l, i) => l !== CLEAN[i]).length);
    for (const f of invisible) {
      expect(f.fix?.text).toBe("");
      expect(INVIS).toContain(f.fix?.expected);
    }
  });
});

describe("4. valid files once refused as corrupt", () => {
  test("the main part named by _rels/.rels (word/document2.xml, as Word Online writes) with its own styles and numbering", async () => {
    const zip = new JSZip();
    zip.file("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`);
    zip.file("word/_rels/document2.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="n" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering2.xml"/></Relationships>`);
    zip.file("word/document2.xml", doc(listP("存在的问题", 0)));
    zip.file("word/numbering2.xml", GBT_NUMBERING);
    const content = await readDocxContent(await zip.generateAsync({ type: "uint8array" }));
    expect(content.mainPart).toBe("word/document2.xml");
    expect(content.paragraphs.map((x) => [x.listString, x.text])).toEqual([["一、", "存在的问题"]]);
  });

  test("the main part found through [Content_Types].xml when there is no _rels/.rels", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/main/body.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
    zip.file("main/body.xml", doc(p("正文")));
    expect((await readDocx(await zip.generateAsync({ type: "uint8array" }))).map((x) => x.text)).toEqual(["正文"]);
  });

  test("another prefix for the main namespace, and the default namespace", async () => {
    const ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const other = `<?xml version="1.0"?><ab:document xmlns:ab="${ns}"><ab:body><ab:p><ab:pPr><ab:numPr><ab:ilvl ab:val="1"/><ab:numId ab:val="1"/></ab:numPr></ab:pPr><ab:r><ab:t>学习方面</ab:t></ab:r></ab:p></ab:body></ab:document>`;
    const dflt = `<?xml version="1.0"?><document xmlns="${ns}"><body><p><r><t>正文</t><tab/><t>二</t></r></p></body></document>`;
    expect((await readDocx(await makeDocx([], { "word/document.xml": other }))).map((x) => [x.listString, x.text])).toEqual([["（一）", "学习方面"]]);
    expect((await readDocx(await makeDocx([], { "word/document.xml": dflt }))).map((x) => x.text)).toEqual(["正文\t二"]);
  });

  test("a UTF-16 numbering.xml keeps its list labels", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...GBT_NUMBERING.replace('encoding="UTF-8"', 'encoding="UTF-16"')].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const zip = await JSZip.loadAsync(await makeDocx([{ text: "存在的问题", list: 0 }, { text: "学习方面", list: 1 }]));
    zip.file("word/numbering.xml", utf16);
    expect((await readDocx(await zip.generateAsync({ type: "uint8array" }))).map((x) => x.listString)).toEqual(["一、", "（一）"]);
  });

  test(`50 nested content controls are read; nesting beyond ${READ_LIMITS.maxDepth} levels is refused in Chinese`, async () => {
    const nest = (n: number, inner: string) => "<w:sdt><w:sdtContent>".repeat(n) + inner + "</w:sdtContent></w:sdt>".repeat(n);
    expect((await readDocx(await makeDocx([], { "word/document.xml": doc(nest(50, p("一、存在的问题"))) }))).map((x) => x.text)).toEqual(["一、存在的问题"]);
    expect(await refusal(readDocx(await makeDocx([], { "word/document.xml": doc(nest(300, p("深"))) })))).toMatch(/嵌套层数超过 512 层/);
  });
});

describe("5. content that silently changed the outline", () => {
  test("an imported .docx (altChunk) is read in place; an imported HTML part is reported as unchecked", async () => {
    const inner = await makeDocx([{ text: "二、原因分析" }, { text: "思想认识不到位。" }]);
    const body = p("一、存在的问题") + '<w:altChunk r:id="c1"/>' + p("三、整改措施") + '<w:altChunk r:id="c2"/>';
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="c1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk1.docx"/><Relationship Id="c2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk2.html"/></Relationships>`;
    const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="docx" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document"/><Default Extension="html" ContentType="text/html"/></Types>`;
    const zip = await JSZip.loadAsync(await makeDocx([], { "word/document.xml": doc(body), "word/_rels/document.xml.rels": rels, "[Content_Types].xml": types }));
    zip.file("word/chunk1.docx", inner);
    zip.file("word/chunk2.html", "<html><body><p>四、其他</p></body></html>");
    const content = await readDocxContent(await zip.generateAsync({ type: "uint8array" }), { positions: true });
    expect(content.paragraphs.map((x) => x.text)).toEqual(["一、存在的问题", "二、原因分析", "思想认识不到位。", "三、整改措施"]);
    expect(content.paragraphs[1].imported).toBe("word/chunk1.docx");
    expect(content.paragraphs[3].source?.element).toBe(1); // sources still count the main part's own paragraphs
    expect(content.altChunks).toEqual([
      { paragraph: 1, part: "word/chunk1.docx", read: true, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      { paragraph: 4, part: "word/chunk2.html", read: false, contentType: "text/html" },
    ]);
  });

  test("a .txt with CR-only line endings has one paragraph per line", () => {
    expect(textToParagraphs("一、存在的问题\r（一）学习\r\r正文").map((x) => x.text)).toEqual(["一、存在的问题", "（一）学习", "", "正文"]);
  });

  test("hidden text (w:vanish) is marked and reported as 隐藏文字, not silently checked", async () => {
    const body = `<w:p><w:r><w:t>学习不够深入。</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>此处隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见</w:t></w:r></w:p>`;
    const paras = await readDocx(await makeDocx([], { "word/document.xml": doc(body) }));
    expect(paras[0].text).toBe("学习不够深入。此处隐藏可见");
    expect(paras[0].hidden).toEqual([[7, 4]]);
    const found = checkDocument(parseDocument(paras)).filter((f) => f.rule === "hidden-text");
    expect(found.map((f) => [f.paragraph, f.offset, f.length])).toEqual([[0, 7, 4]]);
  });
});

describe("6.–10. special files, formats and messages", () => {
  test("a FIFO and a device are refused at once (regular files only)", async () => {
    const fifo = path.join(dir, "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    expect(await refusal(loadFile(fifo))).toMatch(/不是普通文件/);
    expect(await refusal(loadFile("/dev/zero"))).toMatch(/不是普通文件/);
  });

  test("RTF, an encrypted .docx, a Word 97 file and another OLE file under a .docx name each get their own message", async () => {
    expect(await refusal(loadFile(file("rtf.txt", "{\\rtf1\\ansi 一、存在的问题}")))).toMatch(/RTF/);
    const ole = (stream: string) => {
      const b = new Uint8Array(2048);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      b.set([...stream].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
      return b;
    };
    expect(sniffFormat(ole("EncryptedPackage"))).toBe("ole-encrypted");
    expect(await refusal(loadFile(file("secret.docx", ole("EncryptedPackage"))))).toMatch(/密码保护/);
    expect(await refusal(loadFile(file("old.docx", ole("WordDocument"))))).toMatch(/Word 97–2003.*另存为 \.docx/);
    expect(await refusal(loadFile(file("sheet.docx", ole("Workbook"))))).toMatch(/OLE/);
  });

  test("Big5 text is decoded as Big5; GBK still decodes as GBK", () => {
    // Big5 bytes built from the decoder itself (Node's TextEncoder writes UTF-8 only).
    const big5 = new TextDecoder("big5");
    const table = new Map<string, number[]>();
    for (let lead = 0xa1; lead <= 0xf9; lead++)
      for (const trail of [...Array(0x3f).keys()].map((k) => 0x40 + k).concat([...Array(0x5e).keys()].map((k) => 0xa1 + k))) {
        const c = big5.decode(new Uint8Array([lead, trail]));
        if (c.length === 1 && !table.has(c)) table.set(c, [lead, trail]);
      }
    const text = "一、存在的問題（一）理論學習不夠深入，對黨的創新理論學習不夠系統。";
    const bytes = new Uint8Array([...text].flatMap((c) => table.get(c) ?? [c.charCodeAt(0)]));
    expect(decodeText(bytes)).toEqual({ text, encoding: "Big5" });
    const gbk = new Uint8Array([0xd5, 0xfb, 0xb8, 0xc4, 0xb4, 0xeb, 0xca, 0xa9, 0xa3, 0xac, 0xc2, 0xe4, 0xca, 0xb5]);
    expect(decodeText(gbk)).toEqual({ text: "整改措施，落实", encoding: "GB18030" });
  });

  test("an empty file is not taken for a 个人对照检查材料", async () => {
    expect((await loadFile(file("empty.txt", ""))).empty).toBe(true);
    expect((await loadFile(file("blank.txt", "\n \u3000\n"))).empty).toBe(true);
    expect(await refusal(loadFile(file("empty.docx", "")))).toMatch(/空/);
  });
});
