import JSZip from "jszip";
import { readDocx, DOCX_LIMITS } from "../../src/core/io/readDocx";
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
    await expect(readDocx(bytes, limits)).rejects.toThrow(/压缩炸弹/);
  });

  test("too many entries are refused", async () => {
    const zip = new JSZip();
    for (let i = 0; i <= DOCX_LIMITS.maxEntries; i++) zip.file(`x/${i}.xml`, "");
    await expect(readDocx(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(/上限/);
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
