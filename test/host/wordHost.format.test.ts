// 一键排版 through the Word adapter (the Word stand-in of test/support/wordMock.ts, syncs counted) and the in-memory host: what is set,
// in how many syncs, what degrades without WordApiDesktop 1.3 / WordApi 1.5, and 撤销排版. Also fixes that delete paragraphs.
import { WordHost } from "../../src/host/wordHost";
import { MemoryHost } from "../../src/host/memoryHost";
import { parseDocument } from "../../src/core/parse/parseDocument";
import { planFormatting, type FormatOptions } from "../../src/core/format/plan";
import { GBT_DEFAULTS, mmToPt } from "../../src/core/format/gbt9704";
import { createWordMock, type FakeParagraphInit, type WordMockOptions } from "../support/wordMock";

const HEAD: FakeParagraphInit[] = [
  { text: "张某某同志在巡视整改专题民主生活会上的个人对照检查材料", font: { name: "宋体", size: 12, bold: true }, alignment: "Left" },
  { text: "按照市委统一部署，会前我认真学习了规定篇目，广泛征求意见，深入查摆问题。现将个人对照检查情况报告如下：", font: { name: "宋体", size: 12, bold: false } },
  // As Word's built-in Heading 1 often looks in an English template: blue and italic.
  { text: "一、存在的问题", font: { name: "宋体", size: 12, bold: false, color: "#2F5496", italic: true } },
  { text: "（一）理论学习不够深入。一是学习的系统性不强，满足于读原文、记原话。", font: { name: "宋体", size: 12, bold: false } },
  { text: "1.学习质量不高", font: { name: "宋体", size: 12, bold: false } },
];
const TAIL: FakeParagraphInit[] = [
  { text: "二、整改措施", font: { name: "宋体", size: 12, bold: false } },
  { text: "以上是我的个人对照检查，请各位同志批评指正。", font: { name: "宋体", size: 12, bold: false } },
  { text: "张某某", font: { name: "宋体", size: 12, bold: false }, rightIndent: 0 },
  { text: "2023年6月29日", font: { name: "宋体", size: 12, bold: false } },
];
const FILLER = "坚持每月至少到基层调研两次，形成有分量的调研报告，切实把问题解决在一线。";

function documentOf(n: number): FakeParagraphInit[] {
  const body: FakeParagraphInit[] = [];
  for (let i = HEAD.length + TAIL.length; i < n; i++) body.push({ text: FILLER, font: { name: "宋体", size: 12, bold: false }, lineSpacing: 15, spaceAfter: 6 });
  return [...HEAD, ...body, ...TAIL];
}

function planOf(paras: FakeParagraphInit[], options?: Partial<FormatOptions>) {
  const doc = parseDocument(paras.map((p) => ({ text: p.text })));
  return planFormatting(doc, GBT_DEFAULTS, { pageSetup: true, pageNumbers: true, pageNumberPosition: "gbt", ...options });
}

const DESKTOP = (name: string, version: string) => (name === "WordApi" && Number(version) <= 1.9) || (name === "WordApiDesktop" && Number(version) <= 1.3);
const WEB = (name: string, version: string) => name === "WordApi" && Number(version) <= 1.9;

function setup(n: number, isSetSupported?: (name: string, version: string) => boolean, options?: WordMockOptions) {
  const paras = documentOf(n);
  const word = createWordMock(paras, 0, 0, options);
  const host = new WordHost({ run: word.run, isSetSupported });
  return { paras, word, host, plan: planOf(paras) };
}

describe("WordHost.formatCapabilities", () => {
  test("follows the requirement sets Word reports", () => {
    expect(new WordHost({ run: createWordMock([{ text: "" }]).run, isSetSupported: DESKTOP }).formatCapabilities()).toEqual({ pageSetup: true, pageNumbers: true, asciiFont: true, fixedLineSpacing: false, namedStyles: true });
    expect(new WordHost({ run: createWordMock([{ text: "" }]).run, isSetSupported: WEB }).formatCapabilities()).toEqual({ pageSetup: false, pageNumbers: false, asciiFont: false, fixedLineSpacing: false, namedStyles: true });
    // Without the test (older Office.js): nothing beyond WordApi 1.3.
    expect(new WordHost({ run: createWordMock([{ text: "" }]).run }).formatCapabilities().pageSetup).toBe(false);
  });

  test("asks for the exact sets: WordApiDesktop 1.3 for page setup, WordApi 1.5 with it for page numbers", () => {
    const asked: string[] = [];
    new WordHost({ run: createWordMock([{ text: "" }]).run, isSetSupported: (n, v) => (asked.push(`${n} ${v}`), true) }).formatCapabilities();
    expect(asked).toEqual(expect.arrayContaining(["WordApiDesktop 1.3", "WordApi 1.5"]));
  });
});

describe("WordHost.readFormats", () => {
  test.each([10, 5000])("reads the formats of %i paragraphs, the page setup and the footer in one sync", async (n) => {
    const { word, host } = setup(n, DESKTOP);
    const formats = await host.readFormats();
    expect(word.syncs()).toBe(1);
    expect(formats.paragraphs).toHaveLength(n);
    expect(formats.paragraphs[0]).toMatchObject({ font: "宋体", sizePt: 12, bold: true, alignment: "Left" });
    expect(formats.page).toMatchObject({ paperSize: "A4", topMarginPt: 72 });
    expect(formats.footerEmpty).toBe(true);
    expect(formats.capabilities.pageSetup).toBe(true);
  });

  test("on Word on the web it reads the paragraphs only", async () => {
    const { word, host } = setup(10, WEB);
    const formats = await host.readFormats();
    expect(formats.page).toBeNull();
    expect(formats.footerEmpty).toBeNull();
    expect(word.loads.some((l) => l.startsWith("sections"))).toBe(false);
  });
});

describe("WordHost.applyFormatting", () => {
  test.each([10, 5000])("formats a %i-paragraph document in a constant number of syncs", async (n) => {
    const { word, host, plan } = setup(n, DESKTOP);
    const result = await host.applyFormatting(plan);
    // Read and verify; find the run-in heading's sentence; write.
    expect(word.syncs()).toBe(3);
    expect(result.applied).toBe(n);
    expect(result.skipped).toBe(0);

    const title = word.paragraph(0);
    expect(title.styleBuiltIn).toBe("Title");
    expect(title.font).toMatchObject({ name: "方正小标宋简体", size: 22, bold: false });
    expect([title.alignment, title.firstLineIndent]).toEqual(["Centered", 0]);
    const h1 = word.paragraph(2);
    expect(h1.styleBuiltIn).toBe("Heading1");
    expect(h1.font).toMatchObject({ name: "黑体", size: 16, bold: false });
    expect([h1.alignment, h1.firstLineIndent, h1.leftIndent, h1.spaceBefore, h1.spaceAfter]).toEqual(["Justified", 32, 0, 0, 0]);
    expect(h1.font).toMatchObject({ color: "#000000", italic: false });
    // A run-in heading: the paragraph is body text; its heading sentence alone is in the level-2 font.
    const runIn = word.paragraph(3);
    expect(runIn.styleBuiltIn).toBe("Normal");
    expect(runIn.font).toMatchObject({ name: "仿宋", size: 16 });
    expect(runIn.rangeFonts["（一）理论学习不够深入。"]).toMatchObject({ name: "楷体", size: 16, bold: false });
    expect(word.paragraph(4)).toMatchObject({ styleBuiltIn: "Heading3", font: { name: "仿宋", size: 16 } });
    const body = word.paragraph(5);
    expect(body.font).toMatchObject({ name: "仿宋", size: 16, bold: false });
    expect([body.alignment, body.firstLineIndent, body.spaceAfter]).toEqual(["Justified", 32, 0]);
    // Paragraph.lineSpacing would set a multiple (28 ÷ 12 lines), not 固定值 28 磅: left alone, and said so.
    expect(body.lineSpacing).toBe(15);
    expect(result.notes.join()).toMatch(/固定值/);
    const date = word.paragraph(n - 1);
    expect([date.alignment, date.firstLineIndent]).toEqual(["Right", 0]);
    expect(word.paragraph(n - 2).alignment).toBe("Right");
    // 落款 (GB/T 9704 7.3.5.2): the longer date 右空二字, the signature starting two characters before it.
    expect(date.rightIndent).toBe(32);
    const signature = plan.paragraphs.find((p) => p.paragraph === n - 2)!;
    expect(signature.rightIndentPt).toBe(16 * (2 + 6.5 + 2 - 3));
    expect(word.paragraph(n - 2).rightIndent).toBe(signature.rightIndentPt);
    expect(body.rightIndent).toBe(0);

    // Page: A4, 37/35/28/26 mm on every section; page numbers odd right, even left.
    const [section] = word.sections();
    expect(section.pageSetup).toMatchObject({ paperSize: "A4", topMargin: mmToPt(37), bottomMargin: mmToPt(35), leftMargin: mmToPt(28), rightMargin: mmToPt(26), footerDistance: 65.37, oddAndEvenPagesHeaderFooter: true });
    const odd = section.getFooter("Primary");
    const even = section.getFooter("EvenPages");
    expect(odd.text).toBe("— {PAGE} —");
    expect(odd.fields).toEqual(["Page"]);
    expect([odd.alignment, odd.rightIndent, odd.font.name, odd.font.size]).toEqual(["Right", 14, "宋体", 14]);
    expect([even.text, even.alignment, even.leftIndent]).toEqual(["— {PAGE} —", "Left", 14]);
  });

  test("without run-in headings it takes two syncs", async () => {
    const paras = documentOf(10).filter((p) => !p.text.startsWith("（一）"));
    const word = createWordMock(paras);
    await new WordHost({ run: word.run, isSetSupported: DESKTOP }).applyFormatting(planOf(paras));
    expect(word.syncs()).toBe(2);
  });

  test("on Word on the web: paragraphs are formatted, page setup and page numbers are left with a Chinese note naming the requirement set", async () => {
    const { word, host, plan } = setup(10, WEB);
    const result = await host.applyFormatting(plan);
    expect(word.paragraph(2).font.name).toBe("黑体");
    const [section] = word.sections();
    expect(section.pageSetup.topMargin).toBe(72);
    expect(section.getFooter("Primary").text).toBe("");
    expect(result.backup.page).toBeNull();
    expect(result.backup.pageNumbers).toBeNull();
    const notes = result.notes.join("\n");
    expect(notes).toMatch(/页面需手动设置.*布局 → 页边距/);
    expect(notes).toMatch(/页码需手动插入.*插入 → 页码/);
    expect(word.loads.some((l) => l.startsWith("sections") || l.startsWith("footer"))).toBe(false);
  });

  test("a footer in use keeps its content: no page numbers over it", async () => {
    const { word, host, plan } = setup(10, DESKTOP, { footer: "第 1 页" });
    const result = await host.applyFormatting(plan);
    expect(word.sections()[0].getFooter("Primary").text).toBe("第 1 页");
    expect(result.notes.join()).toMatch(/页脚已有内容/);
    expect(result.backup.pageNumbers).toBeNull();
  });

  test("a document with a header gets centred page numbers (odd/even footers would hide the header on even pages)", async () => {
    const { word, host, plan } = setup(10, DESKTOP, { header: "内部资料" });
    const result = await host.applyFormatting(plan);
    const [section] = word.sections();
    expect(section.pageSetup.oddAndEvenPagesHeaderFooter).toBe(false);
    expect([section.getFooter("Primary").text, section.getFooter("Primary").alignment]).toEqual(["— {PAGE} —", "Centered"]);
    expect(section.getFooter("EvenPages").text).toBe("");
    expect(result.notes.join()).toMatch(/居中/);
  });

  test("Times New Roman for digits where WordApiDesktop 1.3 allows it", async () => {
    const paras = documentOf(10);
    const doc = parseDocument(paras.map((p) => ({ text: p.text })));
    const plan = planFormatting(doc, { ...GBT_DEFAULTS, asciiFont: "Times New Roman" });
    const word = createWordMock(paras);
    await new WordHost({ run: word.run, isSetSupported: DESKTOP }).applyFormatting(plan);
    expect(word.paragraph(5).font).toMatchObject({ name: "仿宋", nameAscii: "Times New Roman" });
    expect(word.paragraph(3).rangeFonts["（一）理论学习不够深入。"]).toMatchObject({ name: "楷体", nameAscii: "Times New Roman" });
    const web = createWordMock(paras);
    const result = await new WordHost({ run: web.run, isSetSupported: WEB }).applyFormatting(plan);
    expect(web.paragraph(5).font.nameAscii).toBeUndefined();
    expect(result.notes.join()).toMatch(/西文字体/);
  });

  test("a paragraph changed since the plan is skipped, the others are formatted", async () => {
    const { word, host, plan } = setup(10, DESKTOP);
    word.paragraph(2).text = "一、存在的主要问题";
    const result = await host.applyFormatting(plan);
    expect(result).toMatchObject({ applied: 9, skipped: 1 });
    expect(word.paragraph(2).font.name).toBe("宋体");
  });

  test("Word list items keep their style and indents", async () => {
    const paras: FakeParagraphInit[] = [
      { text: "某局领导班子对照检查材料" },
      { text: "存在的问题", list: { id: 3, level: 0, label: "一、" }, styleBuiltIn: "Other", style: "公文一级标题", firstLineIndent: -20, leftIndent: 20 },
      { text: "正文。" },
    ];
    const doc = parseDocument(paras.map((p) => ({ text: p.text, listString: p.list?.label, listLevel: p.list?.level })));
    const word = createWordMock(paras);
    await new WordHost({ run: word.run }).applyFormatting(planFormatting(doc));
    expect(word.paragraph(1)).toMatchObject({ styleBuiltIn: "Other", firstLineIndent: -20, leftIndent: 20, font: { name: "黑体", size: 16 } });
  });

  test("a write rejected partway keeps what Word did before the failure, and the pane is told so", async () => {
    const { word, host, plan } = setup(10, DESKTOP);
    // The write (sync 3): Word applies the title's first format (its style) and fails on the next command.
    word.failSyncAt(3, { code: "GeneralException", message: "x" }, 1);
    await expect(host.applyFormatting(plan)).rejects.toThrow(/部分格式可能已经写入.*Ctrl\+Z/);
    expect(word.paragraph(0).styleBuiltIn).toBe("Title");
    expect(word.paragraph(0).font).toEqual({ name: "宋体", size: 12, bold: true });
    expect(word.paragraph(2).styleBuiltIn).toBe("Normal");
    expect(word.paragraph(2).font).toMatchObject({ color: "#2F5496", italic: true });
    expect(word.paragraph(8).rightIndent).toBe(0);
    expect(word.sections()[0].pageSetup.topMargin).toBe(72);
    expect(word.sections()[0].getFooter("Primary").text).toBe("");
  });
});

describe("WordHost.restoreFormatting (撤销排版)", () => {
  test.each([10, 5000])("puts back the formats, the page setup and the footers of a %i-paragraph document in three syncs", async (n) => {
    const { word, host, plan } = setup(n, DESKTOP);
    const { backup } = await host.applyFormatting(plan);
    const before = word.syncs();
    const result = await host.restoreFormatting(backup);
    // Read, find the run-in sentence (a loaded search), write.
    expect(word.syncs() - before).toBe(3);
    expect(result).toMatchObject({ restored: n, skipped: 0 });
    expect(word.paragraph(0)).toMatchObject({ styleBuiltIn: "Normal", font: { name: "宋体", size: 12, bold: true }, alignment: "Left" });
    expect(word.paragraph(2).styleBuiltIn).toBe("Normal");
    expect(word.paragraph(5)).toMatchObject({ font: { name: "宋体", size: 12 }, spaceAfter: 6, lineSpacing: 15 });
    expect(word.paragraph(2).font).toMatchObject({ color: "#2F5496", italic: true });
    expect(word.paragraph(n - 2).rightIndent).toBe(0);
    // Title and headings were restyled: Word may have reset their line spacing, which the API cannot restore as 固定值.
    expect(result.notes.join()).toMatch(/行距可能已随样式改变/);
    expect(word.paragraph(3).rangeFonts["（一）理论学习不够深入。"]).toMatchObject({ name: "宋体", size: 12, bold: false });
    const [section] = word.sections();
    expect(section.pageSetup).toMatchObject({ topMargin: 72, leftMargin: 90, footerDistance: 35.4, oddAndEvenPagesHeaderFooter: false });
    expect(section.getFooter("Primary").text).toBe("");
    expect(section.getFooter("EvenPages").text).toBe("");
  });

  test("a paragraph edited after formatting keeps its new format", async () => {
    const { word, host, plan } = setup(10, DESKTOP);
    const { backup } = await host.applyFormatting(plan);
    word.paragraph(2).text = "一、存在的主要问题";
    const result = await host.restoreFormatting(backup);
    expect(result.skipped).toBe(1);
    expect(result.notes.join()).toMatch(/已被修改/);
    expect(word.paragraph(2).font.name).toBe("黑体");
    expect(word.paragraph(1).font.name).toBe("宋体");
  });
});

describe("fixes that delete a paragraph (清理)", () => {
  test("Word deletes empty paragraphs and refuses a deletion that does not cover the paragraph", async () => {
    const word = createWordMock([{ text: "甲" }, { text: "" }, { text: "乙" }, { text: "丙丁" }]);
    const result = await new WordHost({ run: word.run }).applyFixes([
      { paragraph: 1, offset: 0, length: 0, text: "", expected: "", deleteParagraph: true },
      { paragraph: 3, offset: 0, length: 1, text: "", expected: "丙", deleteParagraph: true },
    ]);
    expect(result).toEqual({ applied: 1, skipped: 1 });
    expect(word.texts()).toEqual(["甲", "乙", "丙丁"]);
  });

  test("the in-memory host does the same", async () => {
    const host = new MemoryHost({ paragraphs: [{ text: "甲" }, { text: "" }, { text: "乙" }, { text: "丙丁" }] });
    const result = await host.applyFixes([
      { paragraph: 1, offset: 0, length: 0, text: "", expected: "", deleteParagraph: true },
      { paragraph: 3, offset: 0, length: 1, text: "", expected: "丙", deleteParagraph: true },
    ]);
    expect(result).toEqual({ applied: 1, skipped: 1 });
    expect(host.paragraphs.map((p) => p.text)).toEqual(["甲", "乙", "丙丁"]);
  });
});

describe("MemoryHost formatting", () => {
  const lines = documentOf(12).map((p) => p.text);

  test("models paragraph formats, run-in fonts, page setup and page numbers, and restores them", async () => {
    const host = new MemoryHost({ paragraphs: lines.map((text, i) => (i === 5 ? { text, format: { font: "宋体", sizePt: 12 } } : { text })) });
    const plan = planOf(lines.map((text) => ({ text })));
    const result = await host.applyFormatting(plan);
    expect(result).toMatchObject({ applied: 12, skipped: 0, notes: [] });
    expect(host.paragraphs[0]).toMatchObject({ styleBuiltIn: "Title", format: { font: "方正小标宋简体", sizePt: 22, alignment: "centered", lineSpacingPt: 28 } });
    expect(host.paragraphs[2]).toMatchObject({ styleBuiltIn: "Heading1", outlineLevel: 1, format: { font: "黑体" } });
    expect(host.paragraphs[3].runs).toEqual([{ offset: 0, length: 12, font: "楷体", sizePt: 16, bold: false }]);
    expect(host.page).toMatchObject({ paperSize: "A4", topMarginPt: mmToPt(37), oddAndEvenPagesHeaderFooter: true });
    expect(host.footers.Primary).toMatchObject({ text: "— {PAGE} —", alignment: "right", sizePt: 14 });
    expect(host.footers.EvenPages).toMatchObject({ alignment: "left" });

    const formats = await host.readFormats();
    expect(formats.footerEmpty).toBe(false);

    await host.restoreFormatting(result.backup);
    expect(host.paragraphs[0]).toEqual({ text: lines[0] });
    expect(host.paragraphs[5]).toEqual({ text: lines[5], format: { font: "宋体", sizePt: 12 } });
    expect(host.page).toMatchObject({ topMarginPt: 72, oddAndEvenPagesHeaderFooter: false });
    expect(host.footers).toEqual({});
  });

  test("degrades like Word when told to (capabilities)", async () => {
    const host = new MemoryHost({ paragraphs: lines.map((text) => ({ text })) }, { capabilities: { pageSetup: false, pageNumbers: false, fixedLineSpacing: false } });
    const result = await host.applyFormatting(planOf(lines.map((text) => ({ text }))));
    expect(host.page.topMarginPt).toBe(72);
    expect(host.footers).toEqual({});
    expect(host.paragraphs[6].format?.lineSpacingPt).toBeUndefined();
    expect(result.notes).toHaveLength(3);
  });

  test("a failed batch changes nothing", async () => {
    const host = new MemoryHost({ paragraphs: lines.map((text) => ({ text })) });
    host.failNext();
    await expect(host.applyFormatting(planOf(lines.map((text) => ({ text }))))).rejects.toThrow(/文档未作任何修改/);
    expect(host.paragraphs.every((p) => !p.format)).toBe(true);
    expect(host.footers).toEqual({});
  });
});
