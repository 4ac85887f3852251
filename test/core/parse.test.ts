import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { parseDocument, headingToJson, roleAt, sectionAt, type Heading } from "../../src/core/parse/parseDocument";
import { readDocx } from "../../src/core/io/readDocx";
import { textToParagraphs } from "../../src/core/io/decodeText";
import { makeDocx, toAutoNumbered } from "../support/makeDocx";

const dir = path.join(__dirname, "..", "fixtures", "structure");
const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith(".txt"));
const lines = (f: string) => fs.readFileSync(path.join(dir, f), "utf8").split(/\r?\n/);
const expected = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.txt$/, ".expected.json")), "utf8"));

describe("fixtures: structure and type", () => {
  test.each(fixtures)("%s", (f) => {
    const doc = parseDocument(textToParagraphs(lines(f).join("\n")));
    const want = expected(f);
    expect(doc.type.id).toBe(want.type.id);
    expect(doc.type.confidence).toBeGreaterThan(0.6);
    expect(doc.paragraphs.length).toBe(want.paragraphs);
    expect(doc.headings.map(headingToJson)).toEqual(want.outline);
  });

  test.each(fixtures)("%s gives the same outline as an auto-numbered .docx", async (f) => {
    const txt = parseDocument(textToParagraphs(lines(f).join("\n")));
    const docx = await readDocx(await makeDocx(toAutoNumbered(lines(f))));
    const parsed = parseDocument(docx);
    expect(parsed.type.id).toBe(txt.type.id);
    const shape = (h: Heading): unknown => ({ level: h.level, marker: h.marker, title: h.title, role: h.role, paragraph: h.paragraph, children: h.children.map(shape) });
    expect(parsed.headings.map(shape)).toEqual(txt.headings.map(shape));
    // The list labels really come from numbering.xml, not from the text.
    expect(parsed.flat.filter((h) => h.source === "list").length).toBe(txt.flat.filter((h) => h.source === "text" && h.style !== "di").length);
  });
});

test.each(fixtures)("%s gives the same outline as a .docx with the markers typed in the text", async (f) => {
  const txt = parseDocument(textToParagraphs(lines(f).join("\n")));
  const parsed = parseDocument(await readDocx(await makeDocx(lines(f).map((text) => ({ text })))));
  expect(parsed.type.id).toBe(txt.type.id);
  expect(parsed.paragraphs.length).toBe(txt.paragraphs.length);
  expect(parsed.headings.map(headingToJson)).toEqual(txt.headings.map(headingToJson));
  expect(parsed.headings.length).toBeGreaterThan(0);
});

describe("parser details", () => {
  const parse = (text: string) => parseDocument(textToParagraphs(text));

  test("run-in heading: the title is the first sentence", () => {
    const doc = parse("一、存在的问题\n（一）学习不够深入。满足于完成规定动作，学用结合不紧。");
    expect(doc.headings[0].children[0].title).toBe("学习不够深入");
  });

  test("nonstandard markers are recognised with their level", () => {
    const doc = parse("一．存在的问题\n(一)学习方面\n1、学习不够。\n（1）具体表现。");
    const h = doc.flat;
    expect(h.map((x) => [x.level, x.marker, x.nonstandard])).toEqual([
      [1, "一．", true],
      [2, "(一)", true],
      [3, "1、", true],
      [4, "（1）", false],
    ]);
    expect(h.map((x) => x.standard)).toEqual(["一、", "（一）", "1.", "（1）"]);
  });

  test("Chinese numerals beyond 十", () => {
    const markers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "二十", "二十一"];
    const doc = parse(markers.map((m) => `${m}、第${m}部分`).join("\n"));
    expect(doc.headings.map((h) => h.number)).toEqual([...Array.from({ length: 13 }, (_, i) => i + 1), 20, 21]);
    expect(doc.headings.map((h) => h.marker)).toEqual(markers.map((m) => `${m}、`));
  });

  test("causes are causes even when the heading says 问题", () => {
    const doc = parse("个人对照检查材料\n一、存在的问题\n二、存在的问题原因分析\n三、整改措施\n以上是我的对照检查，请批评指正。");
    expect(doc.headings.map((h) => h.role)).toEqual(["problems", "causes", "measures"]);
  });

  test("run-in enumerations are recorded but do not become headings inside one paragraph", () => {
    const doc = parse("一、存在的问题\n主要表现在：一是学习不深；二是调研不实；三是落实不力。");
    expect(doc.flat).toHaveLength(1);
    expect(doc.enumerations.map((e) => [e.paragraph, e.text])).toEqual([
      [1, "一是"],
      [1, "二是"],
      [1, "三是"],
    ]);
  });

  test("a lone 一是 paragraph is not a heading; a list of them is", () => {
    expect(parse("一、问题\n一是学习不深。").flat).toHaveLength(1);
    const doc = parse("一、问题\n一是学习不深。\n二是调研不实。");
    expect(doc.flat.map((h) => [h.level, h.marker])).toEqual([
      [1, "一、"],
      [2, "一是"],
      [2, "二是"],
    ]);
  });

  test("roleAt and sectionAt locate the cursor's section", () => {
    const doc = parse(lines("personal-runin.txt").join("\n"));
    expect(roleAt(doc, 0)).toBe("title");
    expect(roleAt(doc, 2)).toBe("preamble");
    expect(roleAt(doc, 6)).toBe("problems");
    expect(roleAt(doc, 13)).toBe("causes");
    expect(roleAt(doc, 19)).toBe("closing");
    expect(sectionAt(doc, 15)?.title).toBe("加强理论武装");
    expect(sectionAt(doc, 15, 1)?.title).toBe("整改措施");
  });

  test("a table cell is never a heading", () => {
    const doc = parseDocument([{ text: "一、存在的问题" }, { text: "1.学习方面", inTable: true }, { text: "（一）学习不够深入" }]);
    expect(doc.flat.map((h) => h.paragraph)).toEqual([0, 2]);
  });

  test("junk lines before the title are skipped", () => {
    const doc = parse("仅供学习 禁止外传\n某某资料网整理 QQ12345678\n某区委领导班子对照检查材料\n一、存在的问题");
    expect(doc.titleText).toBe("某区委领导班子对照检查材料");
  });

  test("a 讲话 that is a self-criticism is a review", () => {
    const doc = parse(
      "在专题民主生活会上的讲话\n按照会议安排，我结合个人思想和工作实际作对照检查。\n一、存在的问题\n二、原因分析\n三、整改措施\n以上是我的对照检查，请大家批评指正。",
    );
    expect(doc.type.id).toBe("personal-review");
  });

  test("the 附件 list and the 联系人 note after 特此报告 are end matter, not headings", () => {
    const doc = parse(
      [
        "关于巡察整改情况的报告",
        "区委巡察办：",
        "现将整改情况报告如下：",
        "一、整改工作开展情况",
        "成立领导小组，制定整改方案。",
        "二、反馈问题整改情况",
        "（一）关于学习不够深入的问题。开展专题研讨4次。",
        "三、下一步工作打算",
        "持续巩固整改成果。",
        "特此报告。",
        "附件：1.巡察反馈问题整改任务清单",
        "2.整改工作相关制度汇编",
        "中共南湖区卫生健康局党组",
        "2026年3月12日",
        "（联系人：周敏，电话：0573-82561234）",
      ].join("\n"),
    );
    expect(doc.closing).toBe(9);
    expect(doc.flat.map((h) => h.paragraph)).toEqual([3, 5, 6, 7]);
    // "附件：" alone, the list on the following lines.
    const alone = parse(["关于整改情况的报告", "一、整改进展情况", "已完成整改。", "特此报告。", "附件：", "1.整改任务清单", "2.制度汇编", "2026年3月12日"].join("\n"));
    expect(alone.closing).toBe(3);
    expect(alone.flat).toHaveLength(1);
  });

  test("a guidance speech's lead-in gives only the roles a guidance speech has", () => {
    // The opening mentions 整改措施 (a review's role); its last sentence introduces the points.
    const doc = parse(
      [
        "在领导班子民主生活会上的指导讲话",
        "同志们：",
        "刚才，班子通报了上年度整改措施落实情况，班子成员作了对照检查。受区委委托，我讲两个方面的意见。",
        "一、对这次民主生活会的总体评价",
        "准备扎实，查摆深入。",
        "二、对下一步工作的几点要求",
        "要抓好整改。",
        "我就讲这些，谢谢大家！",
      ].join("\n"),
    );
    expect(doc.type.id).toBe("speech-guidance");
    expect(doc.headings.map((h) => h.role)).toEqual(["evaluation", "requirements"]);
  });

  test("a mobilization point is classified by its first clause", () => {
    const doc = parse(
      [
        "在巡视整改工作动员部署会上的讲话",
        "同志们：",
        "下面，我讲三点意见。",
        "一、提高政治站位，深刻认识整改的重大意义",
        "要统一思想。",
        "二、聚焦突出问题，精准有效推进整改落实",
        "要逐项整改。",
        "三、加强组织领导，确保整改任务落地见效",
        "要压实责任。",
        "同志们，让我们共同努力，抓好整改！",
      ].join("\n"),
    );
    expect(doc.headings.map((h) => h.role)).toEqual(["awareness", "tasks", "leadership"]);
  });

  test("a heading from a Heading style without a marker", () => {
    const doc = parseDocument([{ text: "标题材料" }, { text: "存在的问题", styleBuiltIn: "Heading1" }, { text: "内容" }]);
    expect(doc.flat[0]).toMatchObject({ level: 1, marker: "", source: "style" });
  });
});

describe("properties", () => {
  const piece = fc.oneof(
    fc.constantFrom("一、", "二、", "（一）", "（二）", "1.", "2、", "（1）", "第一，", "一是", "二要", "最后，", "同志们：", "", "\u3000", "以上是我的发言，请批评指正。", "原因分析", "整改措施", "【时间】", "XX"),
    fc.string({ maxLength: 12 }),
  );
  const paragraph = fc.array(piece, { maxLength: 4 }).map((ps) => ps.join(""));
  const docArb = fc.array(fc.record({ text: paragraph, inTable: fc.boolean(), listString: fc.option(fc.constantFrom("一、", "（二）", "3.", "•", "第一章"), { nil: undefined }) }), { maxLength: 60 });

  test("never throws; indices in range; every heading's paragraph exists; tree is well formed", () => {
    fc.assert(
      fc.property(docArb, (paras) => {
        const doc = parseDocument(paras);
        const n = paras.length;
        for (const h of doc.flat) {
          expect(h.paragraph).toBeGreaterThanOrEqual(0);
          expect(h.paragraph).toBeLessThan(n);
          expect(h.end).toBeGreaterThan(h.paragraph);
          expect(h.end).toBeLessThanOrEqual(n);
          for (const c of h.children) expect(c.level).toBeGreaterThan(h.level);
        }
        for (const e of doc.enumerations) expect(e.offset + e.length).toBeLessThanOrEqual(paras[e.paragraph].text.length);
        expect(doc.title).toBeLessThan(Math.max(n, 1));
        expect(doc.type.confidence).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  test("survives hostile shapes", () => {
    expect(() => parseDocument([])).not.toThrow();
    expect(() => parseDocument([{ text: "一、".repeat(50000) }])).not.toThrow();
    expect(() => parseDocument([{ text: undefined as unknown as string }, null as never])).not.toThrow();
  });
});
