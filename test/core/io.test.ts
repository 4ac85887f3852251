import JSZip from "jszip";
import { readDocx } from "../../src/core/io/readDocx";
import { READ_LIMITS as DOCX_LIMITS } from "../../src/core/io/limits";
import { decodeText, InputError, textToParagraphs } from "../../src/core/io/decodeText";
import { makeDocx } from "../support/makeDocx";

describe("readDocx", () => {
  test("body order with tables, tracked changes resolved, list labels rendered", async () => {
    const bytes = await makeDocx([
      { text: "某局党组关于巡视整改落实情况的报告" },
      { text: "组织推进情况", list: 0 },
      { text: "表格第一格", inTable: true },
      { text: "表格第二格", inTable: true },
      { text: "问题整改情况", list: 0 },
      { text: "关于学习问题", list: 1 },
      { text: "已整改", deleted: "删掉的字", inserted: "，新增的字" },
    ]);
    const paras = await readDocx(bytes);
    expect(paras.map((p) => p.text)).toEqual(["某局党组关于巡视整改落实情况的报告", "组织推进情况", "表格第一格", "表格第二格", "问题整改情况", "关于学习问题", "已整改，新增的字"]);
    expect(paras.map((p) => p.listString)).toEqual([undefined, "一、", undefined, undefined, "二、", "（一）", undefined]);
    expect(paras[2].inTable).toBe(true);
  });

  test("a restarted list (startOverride) numbers from one again; a second instance without one continues", async () => {
    const paras = await readDocx(
      await makeDocx([
        { text: "甲", list: 0 },
        { text: "乙", list: 0 },
        { text: "丙", list: 0, numId: 2 },
        { text: "丁", list: 0, numId: 2 },
      ]),
    );
    expect(paras.map((p) => p.listString)).toEqual(["一、", "二、", "一、", "二、"]);
  });

  test.each([
    ["not a zip", new TextEncoder().encode("这不是压缩包")],
    ["a truncated file", null],
  ])("%s gets a Chinese message", async (_n, bytes) => {
    const real = await makeDocx([{ text: "正文" }]);
    const input = bytes ?? real.subarray(0, Math.floor(real.length / 2));
    await expect(readDocx(input)).rejects.toThrow(InputError);
    await expect(readDocx(input)).rejects.toThrow(/docx|损坏|截断|压缩包/);
  });

  test("a zip without word/document.xml", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    await expect(readDocx(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(/不是 Word 文档/);
  });

  test("entity declarations are refused", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>`);
    await expect(readDocx(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(/实体声明/);
  });

  test("a zip bomb is refused by the inflated-size limit", async () => {
    const zip = new JSZip();
    const limits = { ...DOCX_LIMITS, maxInflatedBytes: 4_000_000 };
    zip.file("word/document.xml", "a".repeat(limits.maxInflatedBytes + 1024), { compression: "DEFLATE" });
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    // Hundreds of times smaller packed than inflated: the shape of a bomb.
    expect(bytes.length * 500).toBeLessThan(limits.maxInflatedBytes);
    await expect(readDocx(bytes, { limits })).rejects.toThrow(/压缩炸弹/);
  });

  test("too many entries are refused", async () => {
    const zip = new JSZip();
    for (let i = 0; i <= DOCX_LIMITS.maxEntries; i++) zip.file(`x/${i}.xml`, "");
    await expect(readDocx(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(/上限/);
  });
});

describe("readDocx: numbering and content Word keeps out of the paragraph text", () => {
  const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="urn:wps" xmlns:v="urn:v"';
  async function docx(body: string, numbering?: string, styles?: string): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file("word/document.xml", `<?xml version="1.0"?><w:document ${NS}><w:body>${body}</w:body></w:document>`);
    if (numbering) zip.file("word/numbering.xml", `<?xml version="1.0"?><w:numbering ${NS}>${numbering}</w:numbering>`);
    if (styles) zip.file("word/styles.xml", `<?xml version="1.0"?><w:styles ${NS}>${styles}</w:styles>`);
    return zip.generateAsync({ type: "uint8array" });
  }
  const lvl = (ilvl: number, fmt: string, text: string, extra = "") => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
  const listPara = (text: string, ilvl: number, numId: number) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const styledPara = (text: string, style: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

  test("a text box is not read into its anchor paragraph (and its DrawingML and VML copies are not both read)", async () => {
    const box = (t: string) => `<w:txbxContent><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:txbxContent>`;
    const body =
      `<w:p><w:r><w:t>一、存在的问题</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box("框内文字")}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:textbox>${box("框内文字")}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>正文</w:t></w:r></w:p>`;
    expect((await readDocx(await docx(body))).map((p) => p.text)).toEqual(["一、存在的问题", "正文"]);
  });

  test("ideographTraditional, half-width brackets and 、 after a decimal, as Word draws them", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "ideographTraditional", "%1、")}${lvl(1, "chineseCounting", "(%2)")}${lvl(2, "decimal", "%3、")}${lvl(3, "decimal", "（%4）")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [listPara("甲", 0, 1), listPara("乙", 1, 1), listPara("丙", 2, 1), listPara("丁", 3, 1), listPara("戊", 1, 1), listPara("己", 0, 1)].join("");
    expect((await readDocx(await docx(body, numbering))).map((p) => p.listString)).toEqual(["甲、", "(一)", "1、", "（1）", "(二)", "乙、"]);
  });

  test("numbering set on a heading style reaches styles based on it; a level linked by w:pStyle needs no w:ilvl", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "chineseCounting", "%1、", '<w:pStyle w:val="H1"/>')}${lvl(1, "chineseCounting", "（%2）", '<w:pStyle w:val="H2"/>')}</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>`;
    const styles =
      `<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="MyH1"><w:name w:val="我的一级标题"/><w:basedOn w:val="H1"/></w:style>`;
    const paras = await readDocx(await docx([styledPara("存在的问题", "H1"), styledPara("学习方面", "H2"), styledPara("原因分析", "MyH1")].join(""), numbering, styles));
    expect(paras.map((p) => [p.listString, p.listLevel, p.outlineLevel])).toEqual([
      ["一、", 0, 1],
      ["（一）", 1, 2],
      ["二、", 0, 1],
    ]);
  });

  test("a list defined by a numbering style (w:numStyleLink) takes that style's levels", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="GbList"/></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="GbList"/>${lvl(0, "chineseCountingThousand", "%1、")}${lvl(1, "chineseCountingThousand", "（%2）")}</w:abstractNum>` +
      `<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="2"/></w:num>`;
    const styles = `<w:style w:type="numbering" w:styleId="GbList"><w:name w:val="GbList"/><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>`;
    const paras = await readDocx(await docx([listPara("存在的问题", 0, 7), listPara("学习方面", 1, 7), listPara("原因分析", 0, 7)].join(""), numbering, styles));
    expect(paras.map((p) => p.listString)).toEqual(["一、", "（一）", "二、"]);
  });

  test("a level redefined for one list instance (w:lvlOverride/w:lvl) is drawn with the new definition", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "chineseCounting", "%1、")}${lvl(1, "decimal", "%2.")}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/>${lvl(1, "chineseCounting", "（%2）")}</w:lvlOverride></w:num>`;
    const paras = await readDocx(await docx([listPara("甲", 0, 1), listPara("乙", 1, 1), listPara("丙", 1, 2), listPara("丁", 1, 2)].join(""), numbering));
    expect(paras.map((p) => p.listString)).toEqual(["一、", "1.", "（一）", "（二）"]);
  });

  test("a hostile basedOn cycle does not hang or throw", async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style>`;
    expect((await readDocx(await docx(styledPara("正文", "A"), undefined, styles))).map((p) => p.text)).toEqual(["正文"]);
  });
});

describe("decodeText", () => {
  const text = "一、存在的问题\n（一）理论学习不够深入";
  test("UTF-8 with and without BOM, UTF-16 with BOM", () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8).text).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text).toBe(text);
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(le).text).toBe(text);
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    expect(decodeText(be)).toEqual({ text, encoding: "UTF-16BE" });
  });
  test("GB18030 text of a whole document decodes line for line", () => {
    // "一、存在的问题" and "（一）学习" in GB18030 (GBK subset), CRLF between them.
    const bytes = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xb4, 0xe6, 0xd4, 0xda, 0xb5, 0xc4, 0xce, 0xca, 0xcc, 0xe2, 0x0d, 0x0a, 0xa3, 0xa8, 0xd2, 0xbb, 0xa3, 0xa9, 0xd1, 0xa7, 0xcf, 0xb0]);
    const { text: decoded, encoding } = decodeText(bytes);
    expect(encoding).toBe("GB18030");
    expect(textToParagraphs(decoded).map((p) => p.text)).toEqual(["一、存在的问题", "（一）学习"]);
  });
  test("GBK / GB18030 detected", () => {
    // "整改措施" in GBK.
    const gbk = new Uint8Array([0xd5, 0xfb, 0xb8, 0xc4, 0xb4, 0xeb, 0xca, 0xa9]);
    expect(decodeText(gbk)).toEqual({ text: "整改措施", encoding: "GB18030" });
  });
  test("binary junk is refused", () => {
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toThrow(/二进制/);
  });
  test("lines keep blank lines so indices match the file", () => {
    expect(textToParagraphs("甲\r\n\r\n乙").map((p) => p.text)).toEqual(["甲", "", "乙"]);
  });
});
