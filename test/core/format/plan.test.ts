// The 一键排版 plan from a parsed document: which paragraph gets which format, the page, the preview and the notes.
import fc from "fast-check";
import { parseDocument } from "../../../src/core/parse/parseDocument";
import type { Paragraph } from "../../../src/core/model";
import { classifyParagraphs, formatNotes, needsChange, pageNumberLayout, planFormatting, plannedStyle, signatureIndents, summarizePlan, type PlannedParagraph } from "../../../src/core/format/plan";
import { GONGWEN_STYLES } from "../../../src/core/format/ooxml";
import { formatFor, GBT_DEFAULTS, mmToPt } from "../../../src/core/format/gbt9704";
import { ALL_CAPABILITIES, capabilitiesFrom, type DocumentFormats } from "../../../src/core/format/types";
import { isJunkLine } from "../../../src/core/check/rules/junk";

const PERSONAL = [
  "张某某同志在巡视整改专题民主生活会上的个人对照检查材料", // 0 title
  "（2023年6月29日）", // 1 subtitle
  "", // 2
  "根据市委巡视组反馈意见和会议安排，我认真学习了规定篇目，广泛征求意见。现将个人对照检查情况报告如下：", // 3 body
  "一、存在的问题", // 4 h1
  "（一）理论学习不够深入。一是学习的系统性不强，满足于读原文、记原话。", // 5 run-in h2
  "1.学习质量不高", // 6 h3
  "（1）学习时间保证不够", // 7 h4
  "平时学习满足于读报纸、看文件，学用结合不够紧密。", // 8 body
  "二、整改措施", // 9 h1
  "一是加强理论武装。坚持每周学习不少于5小时。", // 10 enumeration: body
  "二是改进工作作风。深入基层调查研究。", // 11 enumeration: body
  "以上是我的个人对照检查，请各位同志批评指正。", // 12 closing: body
  "", // 13
  "张某某", // 14 signature
  "2023年6月29日", // 15 date
];

const parse = (lines: string[], extra: Partial<Paragraph>[] = []) => parseDocument(lines.map((text, i) => ({ text, ...extra[i] })));
const at = (plan: ReturnType<typeof planFormatting>, i: number) => plan.paragraphs.find((p) => p.paragraph === i);

describe("classifyParagraphs", () => {
  test("takes kinds and levels from the parser's structure", () => {
    const classes = classifyParagraphs(parse(PERSONAL));
    const shown = classes.map((c) => (c.kind === "heading" ? `h${c.level}${c.runIn ? "+" : ""}` : c.kind));
    expect(shown).toEqual(["title", "subtitle", "blank", "body", "h1", "h2+", "h3", "h4", "body", "h1", "body", "body", "body", "blank", "signature", "signature"]);
  });

  test("a run-in heading's sentence runs from its marker to the mark that ends the title", () => {
    const c = classifyParagraphs(parse(PERSONAL))[5];
    expect(c.kind === "heading" && c.runIn).toEqual({ offset: 0, length: "（一）理论学习不够深入。".length });
  });

  test("a salutation, Word list headings and headings by style", () => {
    const lines = ["在整改工作动员部署会上的讲话", "同志们：", "今天召开会议，主要任务是动员部署整改工作。", "提高政治站位", "正文。", "压实整改责任", "正文。"];
    const doc = parse(lines, [{}, {}, {}, { listString: "一、", listLevel: 0, listId: "1" }, {}, { styleBuiltIn: "Heading2" }, {}]);
    const shown = classifyParagraphs(doc).map((c) => (c.kind === "heading" ? `h${c.level}` : c.kind));
    expect(shown).toEqual(["title", "salutation", "body", "h1", "body", "h2", "body"]);
  });

  test("table paragraphs and blank ones are left alone", () => {
    const doc = parse(["某局领导班子对照检查材料", "序号", "", "正文。"], [{}, { inTable: true }]);
    expect(classifyParagraphs(doc).map((c) => c.kind)).toEqual(["title", "table", "blank", "body"]);
  });

  test("a 附注 after the date (“（此件公开发布）”) is body text (居左空二字), not part of the right-aligned 落款", () => {
    const doc = parse(["某局党委关于整改情况的报告", "正文内容。", "", "中共某某局委员会", "2023年6月29日", "（此件公开发布）"]);
    expect(classifyParagraphs(doc).map((c) => c.kind)).toEqual(["title", "body", "blank", "signature", "signature", "body"]);
    expect(planFormatting(doc).paragraphs.find((p) => p.paragraph === 5)!.format).toMatchObject({ alignment: "justified", firstLineIndentPt: 32 });
    // A bracketed date is still the date.
    const dated = parse(["某局党委关于整改情况的报告", "正文内容。", "", "中共某某局委员会", "（2023年6月29日）"]);
    expect(classifyParagraphs(dated).map((c) => c.kind)).toEqual(["title", "body", "blank", "signature", "signature"]);
  });

  test("a short unpunctuated last line without date or closing is not taken for a signature", () => {
    const doc = parse(["某局整改落实情况报告", "一、基本情况", "正文。", "附件清单"]);
    expect(classifyParagraphs(doc)[3].kind).toBe("body");
  });
});

describe("planFormatting", () => {
  const plan = planFormatting(parse(PERSONAL));

  test.each([
    [0, "title", { font: "方正小标宋简体", sizePt: 22, alignment: "centered", firstLineIndentPt: 0, styleBuiltIn: "Title" }],
    [1, "subtitle", { font: "仿宋", sizePt: 16, alignment: "centered", firstLineIndentPt: 0 }],
    [3, "body", { font: "仿宋", sizePt: 16, alignment: "justified", firstLineIndentPt: 32, lineSpacingPt: 28, styleBuiltIn: "Normal" }],
    [4, "heading", { font: "黑体", sizePt: 16, bold: false, firstLineIndentPt: 32, styleBuiltIn: "Heading1" }],
    [5, "heading", { font: "仿宋", styleBuiltIn: "Normal", firstLineIndentPt: 32 }],
    [6, "heading", { font: "仿宋", bold: false, styleBuiltIn: "Heading3" }],
    [7, "heading", { font: "仿宋", styleBuiltIn: "Heading4" }],
    [10, "body", { font: "仿宋", styleBuiltIn: "Normal" }],
    [12, "body", { font: "仿宋", firstLineIndentPt: 32 }],
    [14, "signature", { font: "仿宋", alignment: "right", firstLineIndentPt: 0 }],
    [15, "signature", { alignment: "right", firstLineIndentPt: 0 }],
  ])("paragraph %i is %s", (i, kind, format) => {
    const p = at(plan, i)!;
    expect(p.kind).toBe(kind);
    expect(p.format).toMatchObject(format);
    expect(p.expected).toBe(PERSONAL[i]);
  });

  test("落款 per GB/T 9704 7.3.5.2: signature 右空二字, the date's first character two characters right of the signature's", () => {
    // 张某某 is 3 characters, 2023年6月29日 6.5 (digits are half-width): the date is the longer, so it is 右空二字
    // (2 × 16 pt) and the signature starts two characters before it: 2 + 6.5 + 2 − 3 = 7.5 characters from the right.
    expect([at(plan, 14)!.rightIndentPt, at(plan, 15)!.rightIndentPt]).toEqual([7.5 * 16, 2 * 16]);
    expect(plan.paragraphs.filter((p) => p.rightIndentPt !== undefined).map((p) => p.paragraph)).toEqual([14, 15]);
    // A long signature is 右空二字 and the date starts two characters right of it.
    expect(signatureIndents(["中共某某市某某局委员会", "2023年6月29日"], 16)).toEqual([2 * 16, (11 - 6.5) * 16]);
    // Two signers share one starting column, two characters left of the 11-character date (2 + 11 + 2 = 15 from the right).
    expect(signatureIndents(["中共某某市委员会", "某某市人民政府", "二〇二三年六月二十九日"], 16)).toEqual([(15 - 8) * 16, (15 - 7) * 16, 2 * 16]);
    // Without a date, or a date alone: 右空二字.
    expect(signatureIndents(["某局党委"], 16)).toEqual([32]);
    expect(signatureIndents(["2023年6月29日"], 16)).toEqual([32]);
  });

  test("the run-in heading's sentence gets the level-2 font, the rest of its paragraph stays body text", () => {
    expect(at(plan, 5)!.runIn).toEqual({ offset: 0, length: 12, text: "（一）理论学习不够深入。", format: { font: "楷体", sizePt: 16, bold: false } });
  });

  test("blank paragraphs are not in the plan; the page is A4 with GB/T 9704 margins; page numbers 4号宋体", () => {
    expect(plan.paragraphs.map((p) => p.paragraph)).not.toContain(2);
    expect(plan.untouched).toEqual({ blank: 2, table: 0 });
    expect(plan.page).toEqual({ paperSize: "A4", pageWidthPt: 595.28, pageHeightPt: 841.89, topMarginPt: mmToPt(37), bottomMarginPt: mmToPt(35), leftMarginPt: mmToPt(28), rightMarginPt: mmToPt(26), footerDistancePt: 65.37 });
    // The page number's line 7 mm below the text block: 35 mm − 7 mm = 79.37 pt, less one 4号 line (14 pt).
    expect(plan.page?.footerDistancePt).toBeCloseTo(mmToPt(35 - 7) - 14, 2);
    expect(mmToPt(37)).toBeCloseTo(104.88, 2);
    expect(plan.pageNumbers).toMatchObject({ font: "宋体", sizePt: 14, position: "gbt", before: "— ", after: " —" });
  });

  test("local customs: bold level 3 (and 4), other fonts, Times New Roman for digits", () => {
    const custom = planFormatting(parse(PERSONAL), { ...GBT_DEFAULTS, boldLevel3: true, level2Font: "楷体_GB2312", bodyFont: "仿宋_GB2312", asciiFont: "Times New Roman" });
    expect(at(custom, 6)!.format).toMatchObject({ font: "仿宋", bold: true });
    expect(at(custom, 7)!.format.bold).toBe(true);
    expect(at(custom, 5)!.runIn!.format.font).toBe("楷体_GB2312");
    expect(at(custom, 8)!.format.font).toBe("仿宋_GB2312");
    expect(custom.paragraphs.every((p) => p.asciiFont === "Times New Roman")).toBe(true);
    expect(at(planFormatting(parse(PERSONAL), { ...GBT_DEFAULTS, boldLevel3: true, boldLevel4: false }), 7)!.format.bold).toBe(false);
  });

  test("formatFor keeps its meaning for callers that pass the old settings", () => {
    const old = { titleFont: "方正小标宋简体", level1Font: "黑体", level2Font: "楷体", level3Font: "仿宋", bodyFont: "仿宋", titleSizePt: 22, bodySizePt: 16, lineSpacingPt: 28, boldLevel3: true };
    expect(formatFor("heading", 4, old)).toMatchObject({ font: "仿宋", bold: true, styleBuiltIn: "Heading4" });
    expect(formatFor("heading", 1, old)).toMatchObject({ font: "黑体", bold: false });
  });

  test("without page setup or page numbers", () => {
    const p = planFormatting(parse(PERSONAL), GBT_DEFAULTS, { pageSetup: false, pageNumbers: false, pageNumberPosition: "gbt" });
    expect([p.page, p.pageNumbers]).toEqual([null, null]);
  });

  test("Word list items are flagged (their style and indents stay)", () => {
    const doc = parse(["报告", "基本情况", "正文。"], [{}, { listString: "一、", listLevel: 0, listId: "4" }]);
    expect(at(planFormatting(doc), 1)).toMatchObject({ kind: "heading", listItem: true });
  });

  test("property: any text plans without throwing, once per paragraph, never a blank or table paragraph", () => {
    const line = fc.oneof(fc.constantFrom("一、存在的问题", "（一）学习不够。一是……", "1、质量", "同志们：", "", "2023年6月29日", "以上发言，请批评指正。", "正文，没有结束"), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(fc.record({ text: line, inTable: fc.boolean() }), { maxLength: 25 }), (paras) => {
        const doc = parseDocument(paras);
        const plan = planFormatting(doc);
        const seen = new Set(plan.paragraphs.map((p) => p.paragraph));
        expect(seen.size).toBe(plan.paragraphs.length);
        for (const p of plan.paragraphs) {
          expect(paras[p.paragraph].inTable).toBe(false);
          expect(p.expected.trim()).not.toBe("");
          if (p.runIn) expect(p.expected.slice(p.runIn.offset, p.runIn.offset + p.runIn.length)).toBe(p.runIn.text);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("the preview", () => {
  const plan = planFormatting(parse(PERSONAL));

  test("counts by kind, then the run-in headings, the page and page numbers", () => {
    const rows = summarizePlan(plan).map((r) => `${r.label} ${r.count}`);
    expect(rows).toEqual(["标题 1", "副标题与署名 1", "一级标题 2", "二级标题 1", "三级标题 1", "四级标题 1", "正文 5", "落款与日期 2", "其中段首标题（标题后接正文） 1", "页面设置 1", "页码 1"]);
    expect(summarizePlan(plan).find((r) => r.key === "heading-1")!.detail).toBe("三号黑体，两端对齐，首行缩进 2 字");
  });

  test("with the formats read, how many paragraphs of each kind would change", () => {
    const conforming = (p: PlannedParagraph) => ({ ...p.format, sizePt: p.format.sizePt, font: p.format.font, firstLineIndentPt: p.format.firstLineIndentPt, lineSpacingPt: p.format.lineSpacingPt, leftIndentPt: 0, spaceBeforePt: 0, spaceAfterPt: 0, runs: p.runIn ? [{ offset: p.runIn.offset, length: p.runIn.length, ...p.runIn.format }] : undefined });
    const paragraphs = PERSONAL.map((_, i) => {
      const p = at(plan, i);
      return p && i !== 8 ? conforming(p) : {};
    });
    const formats: DocumentFormats = { paragraphs, page: null, footerEmpty: true, capabilities: ALL_CAPABILITIES };
    const body = summarizePlan(plan, formats).find((r) => r.key === "body")!;
    expect([body.count, body.changes]).toEqual([5, 1]);
    expect(summarizePlan(plan, formats).find((r) => r.key === "heading-2")!.changes).toBe(0);
  });

  test("needsChange ignores line spacing where the host cannot set it exactly, compares alignment in Word's spelling", () => {
    const p = at(plan, 3)!;
    const st = { styleBuiltIn: "Normal", font: "仿宋", sizePt: 16, bold: false, alignment: "Justified", firstLineIndentPt: 32, leftIndentPt: 0, lineSpacingPt: 15, spaceBeforePt: 0, spaceAfterPt: 0 };
    expect(needsChange(p, st, { ...ALL_CAPABILITIES, fixedLineSpacing: false })).toBe(false);
    expect(needsChange(p, st, ALL_CAPABILITIES)).toBe(true);
    expect(needsChange(p, { ...st, font: null }, ALL_CAPABILITIES)).toBe(true);
  });

  test("notes say what this Word cannot do as steps in Chinese, with no interface names", () => {
    expect(formatNotes(plan, ALL_CAPABILITIES)).toEqual([]);
    const web = capabilitiesFrom((name, v) => name === "WordApi" && Number(v) <= 1.9);
    const notes = formatNotes(planFormatting(parse(PERSONAL), { ...GBT_DEFAULTS, asciiFont: "Times New Roman" }), web);
    expect(notes).toHaveLength(4);
    expect(notes[0]).toMatch(/固定值.*28 磅/);
    expect(notes[1]).toMatch(/布局 → 页边距.*上 37 毫米、下 35 毫米、左 28 毫米、右 26 毫米/);
    expect(notes[2]).toMatch(/插入 → 页码/);
    expect(notes[3]).toMatch(/西文字体/);
    for (const n of notes) expect(n).not.toMatch(/WordApi|[A-Za-z]+\.[A-Za-z]+/);
  });
});

describe("pageNumberLayout", () => {
  const n = planFormatting(parse(PERSONAL)).pageNumbers!;
  const free = { primaryFooterEmpty: true, evenFooterEmpty: true, headerEmpty: true, oddAndEven: false };

  test("GB/T 9704: odd pages right and even pages left, one character in", () => {
    expect(pageNumberLayout(n, free)).toEqual({
      footers: [
        { kind: "Primary", alignment: "right", leftIndentPt: 0, rightIndentPt: 14 },
        { kind: "EvenPages", alignment: "left", leftIndentPt: 14, rightIndentPt: 0 },
      ],
      setOddAndEven: true,
    });
  });
  test("never over a footer in use", () => {
    expect(pageNumberLayout(n, { ...free, primaryFooterEmpty: false }).footers).toEqual([]);
    expect(pageNumberLayout(n, { ...free, oddAndEven: true, evenFooterEmpty: false }).footers).toEqual([]);
  });
  test("centred when a header would vanish from even pages, or when asked", () => {
    expect(pageNumberLayout(n, { ...free, headerEmpty: false })).toMatchObject({ footers: [{ kind: "Primary", alignment: "centered" }], setOddAndEven: false });
    expect(pageNumberLayout(n, { ...free, headerEmpty: false, oddAndEven: true }).footers).toHaveLength(2);
    expect(pageNumberLayout({ ...n, position: "center" }, free).footers).toEqual([{ kind: "Primary", alignment: "centered", leftIndentPt: 0, rightIndentPt: 0 }]);
  });
});

describe("排版 on a pasted document: junk, sibling items, what this Word cannot apply", () => {
  test("a junk line at the end is never taken as the 落款; the real signature still is", () => {
    const lines = [...PERSONAL, "仅供学习 禁止外传"];
    // The pane passes the junk rule's test; without it the junk line would be read as part of the 落款.
    expect(classifyParagraphs(parse(lines))[16].kind).toBe("signature");
    const classes = classifyParagraphs(parse(lines), isJunkLine);
    expect(classes[16].kind).toBe("body");
    expect([classes[14].kind, classes[15].kind]).toEqual(["signature", "signature"]);
    // Only junk after the closing: no 落款 at all.
    const noSignature = ["张某某同志个人对照检查材料", "现将对照检查情况报告如下：", "一、存在的问题", "学习不够深入。", "以上是我的对照检查，请同志们批评指正。", "仅供学习 禁止外传", "资料来源：某某范文网"];
    const c2 = classifyParagraphs(parse(noSignature), isJunkLine);
    expect(c2.filter((c) => c.kind === "signature")).toEqual([]);
  });

  test("items 1. 2. 3. of one list get the same format: a heading-only item is set like its run-in siblings", () => {
    const lines = ["张某某同志个人对照检查材料", "现将对照检查情况报告如下：", "一、存在的问题", "（一）理论学习方面", "1.学习不够系统。满足于读原文、记原话，学用结合不紧。", "2.研讨不够深入", "3.运用不够自觉。以学促干的成效不明显。"];
    const plan = planFormatting(parse(lines));
    const items = [4, 5, 6].map((i) => at(plan, i)!);
    expect(items.map((p) => p.level)).toEqual([3, 3, 3]);
    expect(items.map((p) => p.format.styleBuiltIn)).toEqual(items.map(() => items[0].format.styleBuiltIn));
    expect(items.every((p) => p.runIn)).toBe(true);
    expect(items[1].runIn).toMatchObject({ offset: 0, text: "2.研讨不够深入" });
    // A list of heading-only items stays headings.
    const plain = planFormatting(parse(["张某某同志个人对照检查材料", "现将对照检查情况报告如下：", "一、存在的问题", "（一）理论学习方面", "1.学习不够系统", "2.研讨不够深入"]));
    expect([at(plain, 4)!.runIn, at(plain, 5)!.runIn]).toEqual([undefined, undefined]);
  });

  test("the preview marks the page, page numbers and line spacing this Word cannot apply, not as changes", () => {
    const plan = planFormatting(parse(PERSONAL));
    const web = capabilitiesFrom((name, v) => name === "WordApi" && Number(v) <= 1.9);
    const formats: DocumentFormats = { paragraphs: [], page: null, capabilities: web, footerEmpty: true };
    const rows = summarizePlan(plan, formats);
    expect(rows.filter((r) => r.unavailable).map((r) => r.key).sort()).toEqual(["line-spacing", "page", "page-numbers"]);
    expect(summarizePlan(plan, { ...formats, capabilities: ALL_CAPABILITIES }).some((r) => r.unavailable)).toBe(false);
  });
});

describe("the 公文 style of each planned paragraph", () => {
  const plan = planFormatting(parse(PERSONAL));
  const names = GONGWEN_STYLES.map((s) => s.name as string);
  const web = capabilitiesFrom((name, v) => name === "WordApi" && Number(v) <= 1.9);

  test("follows the structure; a paragraph whose planned indents or alignment differ from its style's keeps direct formats", () => {
    const styleAt = (i: number) => plannedStyle(at(plan, i)!, names);
    expect([0, 3, 4, 5, 6, 7, 8, 10, 12].map(styleAt)).toEqual(["公文标题", "公文正文", "公文一级标题", "公文正文", "公文三级标题", "公文四级标题", "公文正文", "公文正文", "公文正文"]);
    // The date 右空二字 is the style's 落款; the signature set off further left is not (a style's character indent would win).
    expect([styleAt(14), styleAt(15)]).toEqual([null, "公文落款"]);
    // A salutation has no first-line indent, the body style has two characters: no style.
    const letter = planFormatting(parse(["关于某事的报告", "市委：", "现将有关情况报告如下。"]));
    expect(letter.paragraphs.map((p) => plannedStyle(p, names))).toEqual(["公文标题", null, "公文正文"]);
    expect(plannedStyle({ ...at(plan, 4)!, listItem: true }, names)).toBeNull();
    expect(plannedStyle(at(plan, 4)!, ["公文正文"])).toBeNull();
    expect(plannedStyle(at(plan, 4)!, undefined)).toBeNull();
  });

  test("the line spacing is left by hand only for the paragraphs without a style, and the preview says so", () => {
    const full = formatNotes(plan, web).join();
    expect(full).toMatch(/按 Ctrl\+A 全选/);
    const styled = formatNotes(plan, web, GBT_DEFAULTS, names).join();
    const unstyled = plan.paragraphs.filter((p) => !plannedStyle(p, names)).length;
    expect(unstyled).toBeGreaterThan(0);
    expect(styled).toMatch(new RegExp(`其余 ${unstyled} 段不套用样式`));
    const row = (styles?: string[]) => summarizePlan(plan, { paragraphs: [], page: null, footerEmpty: null, capabilities: web, styles }).find((r) => r.key === "line-spacing")!;
    expect(row().unavailable).toMatch(/不能由加载项设置固定值行距/);
    expect(row(names)).toMatchObject({ detail: "固定值 28 磅（由公文样式设置）", unavailable: expect.stringMatching(new RegExp(`其中 ${unstyled} 段`)) });
  });

  test("with the styles, a paragraph needs a change until it has its style and the style's line spacing", () => {
    const body = at(plan, 8)!;
    const st = { style: "公文正文", styleBuiltIn: "Other", font: "仿宋", sizePt: 16, bold: false, alignment: "Justified", firstLineIndentPt: 32, leftIndentPt: 0, rightIndentPt: 0, lineSpacingPt: 28, spaceBeforePt: 0, spaceAfterPt: 0 };
    expect(needsChange(body, st, web, names)).toBe(false);
    expect(needsChange(body, { ...st, style: "Normal", styleBuiltIn: "Normal" }, web, names)).toBe(true);
    expect(needsChange(body, { ...st, lineSpacingPt: 15 }, web, names)).toBe(true);
    // Without the styles the built-in Normal is what it needs, and line spacing is not the add-in's to set.
    expect(needsChange(body, { ...st, style: "Normal", styleBuiltIn: "Normal", lineSpacingPt: 15 }, web)).toBe(false);
  });
});
