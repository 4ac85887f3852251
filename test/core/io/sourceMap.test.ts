// Source positions: for every span the reader records, the decoded XML slice is the paragraph's text slice.
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { readDocxContent } from "../../../src/core/io/readDocx";
import { decodeXmlEntities } from "../../../src/core/io/xmlScan";
import type { Paragraph } from "../../../src/core/model";
import { makeDocx, toAutoNumbered } from "../../support/makeDocx";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const fixtures = path.join(__dirname, "../../fixtures/realistic");

/** Every invariant of the source map over one read document. */
function expectSourcesHold(paragraphs: Paragraph[], xml: string, part: string): void {
  let element = 0;
  for (const p of paragraphs) {
    const src = p.source;
    expect(src).toBeDefined();
    if (!src) continue;
    expect(src.part).toBe(part);
    expect(src.element).toBe(element++);
    expect(xml.slice(src.pStart, src.pStart + 5)).toMatch(/^<w:p[\s>/]/);
    expect(xml.slice(src.pEnd - 6, src.pEnd)).toMatch(/(<\/w:p>|\/>)$/);
    let covered = 0;
    for (const s of src.spans) {
      expect(s.textStart).toBe(covered); // spans tile the text in order
      covered += s.length;
      const piece = p.text.slice(s.textStart, s.textStart + s.length);
      const raw = xml.slice(s.xmlStart, s.xmlEnd);
      if (s.kind === "text") expect(decodeXmlEntities(raw)).toBe(piece);
      else if (s.kind === "tab") expect([piece, raw.slice(0, 8)]).toEqual(["\t", "<w:tab/>"]);
      else if (s.kind === "break") expect([piece, /^<w:(br|cr)\b/.test(raw)]).toEqual([" ", true]);
      expect(xml.slice(s.runStart, s.runStart + 5)).toMatch(/^<w:r[\s>]/);
      expect(xml.slice(s.runEnd - 6, s.runEnd)).toBe("</w:r>");
      expect(s.runStart).toBeLessThanOrEqual(s.xmlStart);
      expect(s.xmlEnd).toBeLessThanOrEqual(s.runEnd);
      expect(src.pStart).toBeLessThan(s.runStart);
      expect(s.runEnd).toBeLessThan(src.pEnd);
    }
    expect(covered).toBe(p.text.length);
  }
}

describe("source positions", () => {
  test("multi-run paragraphs with entities, tabs, breaks, tracked changes, fields and content controls", async () => {
    const body = [
      `<w:p><w:pPr><w:pStyle w:val="a"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">存在的 &amp; 问题&#x3002;</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>增</w:t></w:r></w:ins></w:p>`,
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:hyperlink r:id="x"><w:r><w:t>链接&lt;文字&gt;</w:t></w:r></w:hyperlink></w:p>`,
      `<w:sdt><w:sdtContent><w:p><w:r><w:t>控件里</w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>内联</w:t></w:r></w:sdtContent></w:sdt></w:p></w:sdtContent></w:sdt>`,
      `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>`,
    ].join("");
    const bytes = await makeDocx([], { "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>` });
    const content = await readDocxContent(bytes, { positions: true });
    expect(content.mainPart).toBe("word/document.xml");
    expect(content.paragraphs.map((p) => p.text)).toEqual(["一、存在的 & 问题。", "甲\t乙 丙增", "链接<文字>", "控件里内联", "表格", ""]);
    expectSourcesHold(content.paragraphs, content.mainXml, "word/document.xml");
    // The runs are told apart: the label and the rest of the first paragraph sit in different runs.
    const [a, b] = content.paragraphs[0].source!.spans;
    expect(a.runEnd).toBeLessThanOrEqual(b.runStart);
  });

  test("every realistic fixture, typed and auto-numbered, in and out of tables", async () => {
    for (const f of fs.readdirSync(fixtures)) {
      const lines = fs.readFileSync(path.join(fixtures, f), "utf8").split(/\r?\n/);
      for (const spec of [toAutoNumbered(lines), lines.map((text, i) => ({ text, inTable: i % 7 === 3 }))]) {
        const content = await readDocxContent(await makeDocx(spec), { positions: true });
        expectSourcesHold(content.paragraphs, content.mainXml, content.mainPart);
      }
    }
  });

  test("files written by LibreOffice (test/fixtures/docx)", async () => {
    const dir = path.join(__dirname, "../../fixtures/docx");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".docx"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const content = await readDocxContent(new Uint8Array(fs.readFileSync(path.join(dir, f))), { positions: true });
      expect(content.paragraphs.length).toBeGreaterThan(5);
      expectSourcesHold(content.paragraphs, content.mainXml, content.mainPart);
    }
  });

  test("offsets index the decoded part, also for a UTF-16 main part found through _rels/.rels under another name", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>整改&amp;落实</x:t></x:r></x:p></x:body></x:document>`;
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) utf16.set([xml.charCodeAt(i) & 0xff, xml.charCodeAt(i) >> 8], 2 + i * 2);
    const zip = new JSZip();
    zip.file("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>`);
    zip.file("word/document2.xml", utf16);
    const content = await readDocxContent(await zip.generateAsync({ type: "uint8array" }), { positions: true });
    expect(content.mainPart).toBe("word/document2.xml");
    expect(content.mainXml).toBe(xml);
    expect(content.paragraphs[0].text).toBe("整改&落实");
    const span = content.paragraphs[0].source!.spans[0];
    expect(decodeXmlEntities(content.mainXml.slice(span.xmlStart, span.xmlEnd))).toBe("整改&落实");
  });

  test("positions are left out unless asked for", async () => {
    const content = await readDocxContent(await makeDocx([{ text: "正文" }]));
    expect(content.paragraphs[0].source).toBeUndefined();
  });
});
