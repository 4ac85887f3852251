// The 公文 styles in Word's 一键排版, 撤销排版 and inserts, on the Word stand-in with named styles (document.getStyles,
// WordApi 1.5): styles set by name where the document has them, list items keep their list, undo restores each style,
// a missing style falls back to today's built-in style and direct formats, and a style deleted mid-action is reported.
import { WordHost } from "../../src/host/wordHost";
import { MemoryHost } from "../../src/host/memoryHost";
import { parseDocument } from "../../src/core/parse/parseDocument";
import { planFormatting, plannedStyle } from "../../src/core/format/plan";
import { GBT_DEFAULTS, withFormat } from "../../src/core/format/gbt9704";
import { GONGWEN_STYLES, gongwenStyleDefs, gongwenStylesPackage } from "../../src/core/format/ooxml";
import { getOutline } from "../../src/core/outlines/library";
import { skeletonBlocks } from "../../src/core/outlines/skeleton";
import { createWordMock, type FakeParagraphInit, type FakeStyle, type WordMockOptions } from "../support/wordMock";

const FONT = { name: "宋体", size: 12, bold: false };
const HEAD: FakeParagraphInit[] = [
  { text: "张某某同志在巡视整改专题民主生活会上的个人对照检查材料", font: { ...FONT, bold: true } },
  { text: "按照市委统一部署，会前我认真学习了规定篇目，广泛征求意见，深入查摆问题。现将个人对照检查情况报告如下：", font: FONT },
  { text: "一、存在的问题", font: FONT },
  { text: "（一）理论学习不够深入。一是学习的系统性不强，满足于读原文、记原话。", font: FONT },
  { text: "1.学习质量不高", font: FONT },
];
const TAIL: FakeParagraphInit[] = [
  { text: "二、整改措施", font: FONT },
  { text: "以上是我的个人对照检查，请各位同志批评指正。", font: FONT },
  { text: "张某某", font: FONT },
  { text: "2023年6月29日", font: FONT },
];
const FILLER = "坚持每月至少到基层调研两次，形成有分量的调研报告，切实把问题解决在一线。";

function documentOf(n: number, extra: Partial<FakeParagraphInit> = {}): FakeParagraphInit[] {
  const body: FakeParagraphInit[] = [];
  for (let i = HEAD.length + TAIL.length; i < n; i++) body.push({ text: FILLER, font: FONT, lineSpacing: 15, ...extra });
  return [...HEAD, ...body, ...TAIL];
}

/** The eight 公文 styles as the styles package defines them (exact line spacing, heading outline levels). */
const GONGWEN: Record<string, FakeStyle> = Object.fromEntries(gongwenStyleDefs().map((d) => [d.name, { type: "Paragraph", lineSpacing: d.lineSpacingPt, outlineLevel: d.outlineLevel }]));
const ALL_SETS = (name: string, version: string) => name === "WordApi" && Number(version) <= 1.9;
const NAMES = GONGWEN_STYLES.map((s) => s.name as string);

function setup(paras: FakeParagraphInit[], options: WordMockOptions = { styles: GONGWEN }, isSetSupported = ALL_SETS) {
  const word = createWordMock(paras, 0, 0, options);
  const host = new WordHost({ run: word.run, isSetSupported });
  const plan = planFormatting(parseDocument(paras.map((p) => ({ text: p.text, listString: p.list?.label, listLevel: p.list?.level }))), GBT_DEFAULTS);
  return { word, host, plan };
}

describe("一键排版 with the 公文 styles in the document", () => {
  test.each([10, 5000])("each paragraph takes its style by name, in as many syncs as without styles (%i paragraphs)", async (n) => {
    const { word, host, plan } = setup(documentOf(n));
    const result = await host.applyFormatting(plan);
    const without = setup(documentOf(n), {});
    await without.host.applyFormatting(without.plan);
    expect(word.syncs()).toBe(3);
    expect(without.word.syncs()).toBe(3);
    expect(result.applied).toBe(n);
    const styles = (i: number) => word.paragraph(i).style;
    expect([0, 2, 3, 4, 5, n - 4, n - 3].map(styles)).toEqual(["公文标题", "公文一级标题", "公文正文", "公文三级标题", "公文正文", "公文一级标题", "公文正文"]);
    // 落款: the date (右空二字) takes 公文落款; the signature, set off further left, keeps Normal with its own right indent.
    expect(styles(n - 1)).toBe("公文落款");
    expect(word.paragraph(n - 2)).toMatchObject({ style: "Normal", styleBuiltIn: "Normal", rightIndent: plan.paragraphs.find((p) => p.paragraph === n - 2)!.rightIndentPt });
    expect(word.paragraph(2)).toMatchObject({ styleBuiltIn: "Other", outlineLevel: 1 });
    // The style brings exact 28-point lines, which Office.js cannot set directly; the fonts are still set as planned.
    expect(word.paragraph(5)).toMatchObject({ lineSpacing: 28, font: { name: "仿宋", size: 16 } });
    expect(word.paragraph(3).rangeFonts["（一）理论学习不够深入。"]).toMatchObject({ name: "楷体" });
    // Only the unstyled signature line is left for line spacing by hand, and the note says so.
    expect(result.notes.join()).toMatch(/其余 1 段不套用样式/);
    expect(result.notes.join()).not.toMatch(/按 Ctrl\+A 全选/);
    for (const pp of plan.paragraphs) expect(word.paragraph(pp.paragraph).style).toBe(plannedStyle(pp, NAMES) ?? word.paragraph(pp.paragraph).style);
  });

  test("the style look-up is queued in the read sync, and readFormats reports the styles for the preview", async () => {
    const { word, host } = setup(documentOf(10));
    const formats = await host.readFormats();
    expect(word.syncs()).toBe(1);
    expect(formats.styles).toEqual(NAMES);
    expect(word.loads.filter((l) => l.startsWith("style:"))).toHaveLength(8);
  });

  test("a Word list item keeps its list and its style", async () => {
    const paras: FakeParagraphInit[] = [
      { text: "某局领导班子对照检查材料" },
      { text: "存在的问题", list: { id: 3, level: 0, label: "一、" }, styleBuiltIn: "Heading1", style: "Heading 1", firstLineIndent: -20, leftIndent: 20 },
      { text: "正文写在这里。" },
    ];
    const { word, host, plan } = setup(paras);
    await host.applyFormatting(plan);
    expect(word.paragraph(1)).toMatchObject({ style: "Heading 1", styleBuiltIn: "Heading1", isListItem: true, list: { id: 3, level: 0 }, firstLineIndent: -20, leftIndent: 20 });
    expect(word.paragraph(2).style).toBe("公文正文");
  });

  test("撤销排版 puts back each paragraph's previous style, built-in or custom", async () => {
    const paras = documentOf(10);
    paras[5] = { ...paras[5], style: "单位正文", styleBuiltIn: "Other" };
    const { word, host, plan } = setup(paras, { styles: { ...GONGWEN } });
    const before = paras.map((_, i) => [word.paragraph(i).style, word.paragraph(i).styleBuiltIn]);
    const { backup } = await host.applyFormatting(plan);
    expect(word.paragraph(5).style).toBe("公文正文");
    const result = await host.restoreFormatting(backup);
    expect(paras.map((_, i) => [word.paragraph(i).style, word.paragraph(i).styleBuiltIn])).toEqual(before);
    expect(result.restored).toBe(10);
    expect(result.notes.join()).toMatch(/公文样式的段落，行距可能已随样式改变/);
  });

  test("a custom style deleted before 撤销排版 is left, said by name, and the rest is restored", async () => {
    const paras = documentOf(10);
    paras[5] = { ...paras[5], style: "单位正文", styleBuiltIn: "Other" };
    const { word, host, plan } = setup(paras);
    const { backup } = await host.applyFormatting(plan);
    word.world.styles.delete("单位正文");
    const result = await host.restoreFormatting(backup);
    expect(word.paragraph(5)).toMatchObject({ style: "公文正文", font: { name: "宋体", size: 12 } });
    expect(word.paragraph(2).style).toBe("Normal");
    expect(result.notes.join()).toMatch(/有 1 段原来的样式（单位正文）已不在文档中/);
  });

  test("without the styles, or without WordApi 1.5, it keeps today's built-in styles and direct formats and says what is left", async () => {
    for (const { options, sets } of [
      { options: {}, sets: ALL_SETS },
      { options: { styles: GONGWEN }, sets: () => false },
    ]) {
      const { word, host, plan } = setup(documentOf(10), options, sets);
      const result = await host.applyFormatting(plan);
      expect([word.paragraph(0).styleBuiltIn, word.paragraph(2).styleBuiltIn, word.paragraph(5).styleBuiltIn]).toEqual(["Title", "Heading1", "Normal"]);
      expect(word.paragraph(5).lineSpacing).toBe(15);
      expect(result.notes.join()).toMatch(/行距需手动设置/);
      if (sets !== ALL_SETS) expect(word.loads.some((l) => l.startsWith("style:"))).toBe(false);
    }
  });

  test("with only some styles, the paragraphs whose style exists take it and the others fall back", async () => {
    const { word, host, plan } = setup(documentOf(10), { styles: { 公文正文: GONGWEN["公文正文"] } });
    await host.applyFormatting(plan);
    expect([word.paragraph(0).styleBuiltIn, word.paragraph(2).styleBuiltIn, word.paragraph(5).style]).toEqual(["Title", "Heading1", "公文正文"]);
  });

  test("a character style of the same name is not used as a paragraph style", async () => {
    const { word, host, plan } = setup(documentOf(10), { styles: { 公文正文: { type: "Character" } } });
    await host.applyFormatting(plan);
    expect(word.paragraph(5)).toMatchObject({ style: "Normal", styleBuiltIn: "Normal" });
  });

  test("a paragraph whose own line spacing Word keeps under the style is reported, not claimed", async () => {
    const { word, host, plan } = setup(documentOf(10, { keepsLineSpacing: true }));
    const result = await host.applyFormatting(plan);
    expect(word.paragraph(5)).toMatchObject({ style: "公文正文", lineSpacing: 15 });
    expect(result.notes.join()).toMatch(/有 1 段已套用公文样式，但读回的行距不是固定值 28 磅/);
  });

  test("a style deleted between the read and the write fails the write, and the pane is told what may have been written", async () => {
    const { word, host, plan } = setup(documentOf(10));
    // Sync 3 is the write: the user deletes 公文正文 just before Word runs it.
    word.beforeSync(3, () => word.world.styles.delete("公文正文"));
    await expect(host.applyFormatting(plan)).rejects.toThrow(/部分格式可能已经写入.*Ctrl\+Z/);
    // Word kept what ran before the failing command (the title's style), nothing after it.
    expect(word.paragraph(0).style).toBe("公文标题");
    expect(word.paragraph(5)).toMatchObject({ style: "Normal", lineSpacing: 15 });
  });
});

describe("inserted outlines with the 公文 styles", () => {
  test.each([10, 5000])("take the styles by name where the document has them, in as many syncs as without (%i paragraphs)", async (n) => {
    const run = async (options: WordMockOptions) => {
      const word = createWordMock(documentOf(n), n - 1, n - 1, options);
      await new WordHost({ run: word.run, isSetSupported: ALL_SETS }).insertBlocks(blocks(), { kind: "after", paragraph: n - 1, expected: TAIL[3].text });
      return word;
    };
    const styled = await run({ styles: GONGWEN });
    const plain = await run({});
    expect(styled.syncs()).toBe(plain.syncs());
    const inserted = blocks().map((b, i) => ({ b, p: styled.paragraph(n + i), q: plain.paragraph(n + i) }));
    const head = inserted.find(({ b }) => b.kind === "heading" && b.level === 1)!;
    expect(head.p).toMatchObject({ style: "公文一级标题", outlineLevel: 1, font: { name: "黑体" } });
    expect(head.q).toMatchObject({ styleBuiltIn: "Heading1" });
    const body = inserted.find(({ b }) => b.kind === "body")!;
    expect(body.p).toMatchObject({ style: "公文正文", lineSpacing: 28 });
    expect(inserted.find(({ b }) => b.kind === "title")!.p.style).toBe("公文标题");
    expect(inserted.find(({ b }) => b.kind === "closing")!.p.style).toBe("公文正文");
  });

  test("without WordApi 1.5 no style is looked up and the built-in heading styles are used", async () => {
    const word = createWordMock([{ text: "" }], 0, 0, { styles: GONGWEN });
    await new WordHost({ run: word.run }).insertBlocks(blocks(), { kind: "after", paragraph: 0, expected: "" });
    expect(word.loads.some((l) => l.startsWith("style:"))).toBe(false);
    expect(word.world.paragraphs.some((p) => p.styleBuiltIn === "Heading1")).toBe(true);
    expect(word.world.paragraphs.some((p) => p.styleBuiltIn === "Other")).toBe(false);
  });
});

describe("the in-memory host does the same", () => {
  test("inserted outlines take the 公文 styles once they are defined, and not before", async () => {
    const host = new MemoryHost({ paragraphs: [{ text: "" }] });
    await host.insertBlocks(blocks(), { kind: "after", paragraph: 0, expected: "" });
    expect(host.paragraphs.some((p) => p.style?.startsWith("公文"))).toBe(false);
    await host.defineStyles(gongwenStylesPackage());
    const before = host.paragraphs.length;
    await host.insertBlocks(blocks(), { kind: "after", paragraph: before - 1, expected: host.paragraphs[before - 1].text });
    const added = host.paragraphs.slice(before);
    expect(added.find((p) => p.text.startsWith("一、"))).toMatchObject({ style: "公文一级标题", outlineLevel: 1 });
    expect(added.filter((p) => p.style === "公文正文").length).toBeGreaterThan(0);
  });

  test("told it cannot look styles up (as Word below WordApi 1.5), it keeps the built-in styles like Word", async () => {
    const host = new MemoryHost({ paragraphs: [{ text: "" }] }, { capabilities: { namedStyles: false } });
    await host.defineStyles(gongwenStylesPackage());
    await host.insertBlocks(blocks(), { kind: "after", paragraph: 0, expected: "" });
    expect(host.paragraphs.find((p) => p.text.startsWith("一、"))).toMatchObject({ style: "Heading 1", styleBuiltIn: "Heading1" });
    expect((await host.readFormats()).styles).toEqual([]);
  });
});

function blocks() {
  return withFormat(skeletonBlocks(getOutline("personal-review")), "gbt");
}
