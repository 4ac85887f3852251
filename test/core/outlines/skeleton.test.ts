import { DOC_TYPE_IDS, type DocTypeId, type Paragraph } from "../../../src/core/model";
import { getOutline, isRequired, meetingsOf, outlineData, outlines, type OutlineVariant } from "../../../src/core/outlines/library";
import { OutlineSchema } from "../../../src/core/outlines/schema";
import { outlineDataProblems } from "../../../src/core/outlines/validate";
import { missingSections, numberingAt, renumberFollowing, sectionBlocks, skeletonBlocks, skeletonText } from "../../../src/core/outlines/skeleton";
import { applyFixes } from "../../../src/core/check/applyFixes";
import { parseDocument } from "../../../src/core/parse/parseDocument";
import { textToParagraphs } from "../../../src/core/io/decodeText";

const variants: OutlineVariant[] = [
  { meeting: "xunshi" },
  { meeting: "xuncha" },
  { meeting: "annual", year: 2025 },
  { meeting: "annual", year: 2026 },
  { meeting: "campaign" },
  { meeting: "topic", topic: "落实全面从严治党主体责任" },
];

describe("the outline library", () => {
  test("every file validates (as the CLI build checks) and covers the five types", () => {
    expect(outlineDataProblems()).toEqual([]);
    expect([...outlines().keys()].sort()).toEqual([...DOC_TYPE_IDS].sort());
  });
  test("the schema rejects bad data with the path", () => {
    const bad = { ...outlineData("personal-review"), sections: [{ id: "x", role: "nonsense" }] };
    const r = OutlineSchema.safeParse(bad);
    expect(r.success).toBe(false);
  });
  test.each(DOC_TYPE_IDS)("%s: guidance for every section, 【…】 fill-ins only, no XX, no token left", (type) => {
    const o = getOutline(type);
    for (const s of o.sections) {
      expect(s.guidance.length).toBeGreaterThan(20);
      for (const t of [...s.paragraphs, ...s.subsections.flatMap((x) => x.paragraphs)]) {
        expect(t).not.toMatch(/XX|××|某某/);
        expect(t).not.toMatch(/[{}]/);
      }
    }
  });
});

describe.each(DOC_TYPE_IDS)("skeleton of %s", (type: DocTypeId) => {
  test.each(variants)("is recognised as its type with every required section (%o)", (variant) => {
    if (!meetingsOf(type).includes(variant.meeting)) return;
    const outline = getOutline(type, variant);
    const text = skeletonText(outline, variant);
    expect(text).not.toMatch(/[{}]/);
    if (variant.meeting === "xuncha") expect(text).not.toMatch(/巡视/);
    if (variant.meeting === "xunshi") expect(text).not.toMatch(/巡察/);
    const doc = parseDocument(textToParagraphs(text));
    expect(doc.type.id).toBe(type);
    const roles = new Set(doc.headings.map((h) => h.role));
    for (const s of outline.sections) {
      if (!isRequired(s, variant) || !s.heading) continue;
      expect(roles).toContain(s.role);
    }
    if (outline.sections.some((s) => s.role === "closing" && isRequired(s, variant))) expect(doc.closing).toBeGreaterThan(0);
    // Numbering is continuous 一、二、三、 …
    const numbers = doc.headings.filter((h) => h.source === "text").map((h) => h.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(missingSections(doc, outline, variant)).toEqual([]);
  });
});

const doc = (lines: string[]) => parseDocument(textToParagraphs(lines.join("\n")));

describe("numberingAt: the number a careful writer would type", () => {
  const d = doc(["个人对照检查材料", "开头。", "一、存在的问题", "（一）学习方面", "正文。", "（二）作风方面", "正文。", "二、原因分析", "正文。", "三、整改措施"]);
  test("after the content of 二、 a level-1 heading is 三、", () => {
    expect(numberingAt(d, 8, 1).marker).toBe("三、");
  });
  test("a （一） added under 一、 that has （一）（二） becomes （三）", () => {
    expect(numberingAt(d, 6, 2).marker).toBe("（三）");
  });
  test("under a new parent numbering restarts", () => {
    expect(numberingAt(d, 8, 2).marker).toBe("（一）");
    expect(numberingAt(d, 4, 3).marker).toBe("1.");
  });
  test("beyond 十", () => {
    const many = doc(["标题材料", ...Array.from({ length: 12 }, (_, i) => `${"一二三四五六七八九十".charAt(i) || ["十一", "十二"][i - 10]}、第${i + 1}点`)]);
    expect(numberingAt(many, 12, 1).marker).toBe("十三、");
  });
  test("levels 3 and 4 continue under their parent and restart under a new one", () => {
    const d3 = doc(["个人对照检查材料", "开头。", "一、存在的问题", "（一）学习方面", "1.学得不深。", "正文。", "2.用得不够。", "（1）细项一。", "（2）细项二。", "（二）作风方面", "正文。"]);
    expect(numberingAt(d3, 8, 3).marker).toBe("3.");
    expect(numberingAt(d3, 8, 4).marker).toBe("（3）");
    expect(numberingAt(d3, 5, 4).marker).toBe("（1）"); // under 1., which has no （1） yet
    expect(numberingAt(d3, 10, 3).marker).toBe("1."); // under the new （二）
    expect(numberingAt(d3, 10, 2).marker).toBe("（三）");
  });
  test("past 十 at level 2, and Chinese numerals past 二十", () => {
    const cn = (n: number) => ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"][n - 1];
    const d2 = doc(["个人对照检查材料", "开头。", "一、存在的问题", ...Array.from({ length: 20 }, (_, i) => `（${cn(i + 1)}）第${i + 1}个方面`)]);
    expect(numberingAt(d2, 22, 2).marker).toBe("（二十一）");
  });
  test("a speech numbering its points 第一，第二， continues with 第三，; 一要 二要 with 三要", () => {
    const di = doc(["在整改工作动员部署会上的讲话", "同志们：", "下面，我讲三点意见。", "第一，提高政治站位。正文。", "第二，压实整改责任。正文。"]);
    expect(numberingAt(di, 4, 1)).toEqual({ level: 1, number: 3, marker: "第三，" });
    const yao = doc(["在整改工作动员部署会上的讲话", "同志们：", "下面，我讲三点意见。", "一要提高政治站位。正文。", "二要压实整改责任。正文。"]);
    expect(numberingAt(yao, 4, 1).marker).toBe("三要");
    // The new point is read back as the third point of the same series.
    const back = doc(["在整改工作动员部署会上的讲话", "同志们：", "下面，我讲三点意见。", "第一，提高政治站位。正文。", "第二，压实整改责任。正文。", `${numberingAt(di, 4, 1).marker}健全工作机制。`]);
    expect(back.headings.map((h) => [h.marker, h.number])).toEqual([["第一，", 1], ["第二，", 2], ["第三，", 3]]);
  });
  test("run-in 一是…四是 before typed 一、 (a 点评讲话's evaluation) do not number the parts", () => {
    const g = parseDocument(textToParagraphs(skeletonText(getOutline("speech-guidance"))));
    const lastRunIn = g.flat.filter((h) => h.source === "run-in").pop()!;
    expect(numberingAt(g, lastRunIn.paragraph, 1).marker).toBe("一、");
    const lastTyped = g.flat.filter((h) => h.source === "text" && h.level === 1).pop()!;
    expect(numberingAt(g, lastTyped.end - 1, 1).marker).toBe(`${"一二三四五"[lastTyped.number]}、`);
  });
  test("a document numbered by Word lists: the heading joins the list, no typed marker", () => {
    const paras: Paragraph[] = [
      { text: "个人对照检查材料" },
      { text: "存在的问题", listString: "一、", listLevel: 0, listId: "4" },
      { text: "学习方面", listString: "（一）", listLevel: 1, listId: "4" },
      { text: "正文。" },
    ];
    const n = parseDocument(paras);
    expect(numberingAt(n, 3, 2)).toEqual({ level: 2, number: 2, marker: "", list: { listId: "4", level: 1 } });
    expect(numberingAt(n, 3, 1)).toMatchObject({ number: 2, marker: "", list: { listId: "4", level: 0 } });
    expect(numberingAt(n, 3, 3)).toMatchObject({ number: 1, marker: "", list: { listId: "4", level: 2 } });
    // Under a new list-numbered 二、 a level-2 heading restarts at （一）, joining the list one level down (Word restarts the count).
    const restart = parseDocument([...paras, { text: "原因分析", listString: "二、", listLevel: 0, listId: "4" }, { text: "正文。" }]);
    expect(numberingAt(restart, 5, 2)).toEqual({ level: 2, number: 1, marker: "", list: { listId: "4", level: 1 } });
  });
});

describe("inserting one section", () => {
  test("the measures section with its sub-headings, numbered to continue", () => {
    const outline = getOutline("personal-review");
    const measures = outline.sections.find((s) => s.role === "measures")!;
    const d = doc(["个人对照检查材料", "开头。", "一、存在的问题", "正文。", "二、原因分析", "正文。"]);
    const blocks = sectionBlocks(outline, measures, { meeting: "xunshi" }, numberingAt(d, 5, 1));
    expect(blocks[0]).toMatchObject({ text: "三、整改措施", kind: "heading", level: 1 });
    const subs = blocks.filter((b) => b.level === 2).map((b) => b.text.slice(0, 3));
    expect(subs).toEqual(["（一）", "（二）", "（三）", "（四）"]);
  });
});

describe("missingSections (下一步)", () => {
  test("finds the missing causes and places it between problems and measures", () => {
    const outline = getOutline("personal-review");
    const d = doc(["某某同志个人对照检查材料", "按照部署，现将对照检查情况报告如下：", "一、存在的问题", "正文。", "", "二、整改措施", "正文。", "以上是我的对照检查，请批评指正。"]);
    const missing = missingSections(d, outline);
    expect(missing.map((m) => [m.section.role, m.after])).toEqual([["causes", 3]]);
    expect(numberingAt(d, 3, 1).marker).toBe("二、");
  });
  test("a missing closing goes at the end", () => {
    const d = doc(["个人对照检查材料", "开头。", "一、存在的问题", "二、原因分析", "三、整改措施", "正文。"]);
    const missing = missingSections(d, getOutline("personal-review"));
    expect(missing.map((m) => [m.section.role, m.after])).toEqual([["closing", 5]]);
  });
  test("the skeleton's blocks carry kinds for formatting", () => {
    const blocks = skeletonBlocks(getOutline("rectification-report"));
    expect(blocks[0].kind).toBe("title");
    expect(blocks.filter((b) => b.kind === "signature").length).toBeGreaterThan(0);
  });
});

describe("renumberFollowing: a heading inserted amid typed numbering pushes the later ones down", () => {
  const parse = (lines: string[]) => parseDocument(lines.map((text) => ({ text })));
  const after = (lines: string[], at: number, level: 1 | 2) => {
    const doc = parse(lines);
    const n = numberingAt(doc, at, level);
    return { n, fixes: renumberFollowing(doc, at, n) };
  };

  test("level 1: the later 二、 三、 become 三、 四、; text before and the titles stay", () => {
    const lines = ["张三同志个人对照检查材料", "一、存在的问题", "学习不够深入。", "二、整改措施", "加强学习。", "三、个人有关事项", "无。"];
    const { n, fixes } = after(lines, 2, 1);
    expect(n.marker).toBe("二、");
    expect(fixes.map((f) => [f.paragraph, f.expected, f.text])).toEqual([
      [3, "二、", "三、"],
      [5, "三、", "四、"],
    ]);
    const { texts } = applyFixes(lines, fixes);
    expect(texts.slice(3)).toEqual(["三、整改措施", "加强学习。", "四、个人有关事项", "无。"]);
  });

  test("a gap absorbs the insert: 一、 [二、] 三、 changes nothing", () => {
    expect(after(["标题", "一、问题", "正文。", "三、措施"], 2, 1).fixes).toEqual([]);
  });

  test("level 2 stays under its parent: （二）（三） move, the next 二、 and its （一） do not", () => {
    const lines = ["标题", "一、存在的问题", "（一）学习方面", "内容。", "（二）作风方面", "（三）纪律方面", "二、原因分析", "（一）思想根源"];
    const { n, fixes } = after(lines, 3, 2);
    expect(n.marker).toBe("（二）");
    expect(fixes.map((f) => [f.paragraph, f.text])).toEqual([
      [4, "（三）"],
      [5, "（四）"],
    ]);
  });

  test("an insert after the last sibling, a Word list and a nonstandard marker are left alone", () => {
    expect(after(["标题", "一、问题", "二、措施", "正文。"], 3, 1).fixes).toEqual([]);
    const listed: Paragraph[] = [{ text: "标题" }, { text: "问题", listString: "一、", listLevel: 0, listId: "1" }, { text: "正文。" }, { text: "措施", listString: "二、", listLevel: 0, listId: "1" }];
    const doc = parseDocument(listed);
    const n = numberingAt(doc, 2, 1);
    expect(n.list).toBeDefined();
    expect(renumberFollowing(doc, 2, n)).toEqual([]);
    expect(after(["标题", "一、问题", "正文。", "二.措施"], 2, 1).fixes).toEqual([]);
  });
});
