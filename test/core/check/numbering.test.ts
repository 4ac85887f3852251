// numbering-sequence, numbering-format and numbering-hierarchy: tables of valid and invalid outlines.
import { numberingFormat, numberingHierarchy, numberingSequence } from "../../../src/core/check/rules";
import { checkDocument } from "../../../src/core/check/engine";
import { parseDocument } from "../../../src/core/parse/parseDocument";
import { fixed, parse, ruleCases, run } from "./helpers";

const TITLE = "王强同志在巡视整改专题民主生活会上的发言提纲";
const LEAD = "现将个人对照检查情况报告如下：";
const CLOSE = "以上是我的对照检查，请同志们批评指正。";

/** A personal review with the given problem, cause and measure lines. */
function review(problems: string[], causes: string[] = ["（一）党性修养有所放松。", "（二）宗旨意识有所淡化。"], measures: string[] = ["（一）加强理论学习。", "（二）改进工作作风。"]): string[] {
  return [TITLE, LEAD, "一、存在的问题", ...problems, "二、原因分析", ...causes, "三、整改措施", ...measures, CLOSE];
}
const lines = (xs: string[]) => xs.join("\n");

ruleCases(
  numberingSequence,
  [
    { text: review(["（一）学习不够深入。", "1.学习不系统。", "2.学用脱节。", "（二）作风不够扎实。"]) },
    // A new run 一、二、三 introduced by a transition sentence is not a restart.
    {
      text: [TITLE, LEAD, "一、存在的问题", "（一）学习不够深入。", "（二）作风不够扎实。", "二、原因分析", "（一）党性修养有所放松。", "（二）宗旨意识有所淡化。", "针对以上问题，我将从以下三个方面抓好整改：", "一、加强理论学习。", "二、改进工作作风。", "三、严守纪律规矩。", CLOSE],
    },
    // Items restarted after a lead-in ending with a colon.
    { text: review(["（一）学习不够深入。", "1.学习不系统。", "2.学用脱节。", "具体表现如下：", "1.自学时间少。", "2.笔记不全。", "（二）作风不够扎实。"]) },
    // Skipping a level is tolerated.
    { text: review(["1.学习不系统。", "2.学用脱节。"]) },
    // The 附件 list after the closing sentence of a report ("附件：1.……" then "2.……") is not a run of headings.
    {
      text: ["关于巡察整改情况的报告", "现将整改情况报告如下：", "一、整改进展情况", "已完成整改。", "二、下一步打算", "巩固整改成果。", "特此报告。", "附件：1.整改任务清单", "2.制度汇编", "中共某某局党组", "2026年3月12日"],
    },
    {
      text: ["关于巡察整改情况的报告", "现将整改情况报告如下：", "一、整改进展情况", "已完成整改。", "特此报告。", "附件：", "1.整改任务清单", "2.制度汇编", "3.会议记录", "（联系人：周敏，电话：0573-82561234）"],
    },
    // Chinese numerals past ten.
    { text: review(Array.from({ length: 12 }, (_, i) => `（${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"][i]}）第${i + 1}个方面的问题。`)) },
  ],
  [
    {
      name: "gap in the middle: no certain fix",
      text: review(["（一）学习不够深入。", "（三）作风不够扎实。", "（四）担当不够有力。"]),
      findings: [{ paragraph: 4, range: [0, 3] }],
    },
    {
      name: "duplicate between consistent neighbours: fixed",
      text: review(["（一）学习不够深入。", "（二）作风不够扎实。", "（二）担当不够有力。", "（四）廉洁自律不严。"]),
      findings: [{ paragraph: 5, range: [0, 3] }],
      output: lines(review(["（一）学习不够深入。", "（二）作风不够扎实。", "（三）担当不够有力。", "（四）廉洁自律不严。"])),
    },
    {
      name: "restart of level 1 without a transition",
      text: [TITLE, LEAD, "一、存在的问题", "（一）学习不够深入。", "（二）作风不够扎实。", "二、原因分析", "（一）党性修养有所放松。", "一、整改措施", "（一）加强学习。", CLOSE],
      findings: [{ paragraph: 7, range: [0, 2] }],
      output: lines([TITLE, LEAD, "一、存在的问题", "（一）学习不够深入。", "（二）作风不够扎实。", "二、原因分析", "（一）党性修养有所放松。", "三、整改措施", "（一）加强学习。", CLOSE]),
    },
    {
      name: "items starting at 2",
      text: review(["（一）学习不够深入。", "2.学习不系统。", "2.学用脱节。"]),
      findings: [{ paragraph: 4, range: [0, 2] }],
      output: lines(review(["（一）学习不够深入。", "1.学习不系统。", "2.学用脱节。"])),
    },
    {
      name: "gap at the end: no fix",
      text: review(["（一）学习不够深入。", "1.学习不系统。", "2.学用脱节。", "4.调研不够。"]),
      findings: [{ paragraph: 6, range: [0, 2] }],
    },
    {
      name: "a nonstandard marker out of sequence gets the standard marker",
      text: review(["（一）学习不够深入。", "（一）、作风不够扎实。", "（三）担当不够有力。"]),
      findings: [{ paragraph: 4, range: [0, 4] }],
      output: lines(review(["（一）学习不够深入。", "（二）作风不够扎实。", "（三）担当不够有力。"])),
    },
  ],
);

ruleCases(
  numberingFormat,
  [{ text: review(["（一）学习不够深入。", "1.学习不系统。", "（1）自学少。", "2.学用脱节。"]) }, "第一，要提高认识。第二，要压实责任。"],
  [
    { text: review(["（一）学习不够深入。", "1、学习不系统。"]), findings: [{ paragraph: 4, range: [0, 2] }], output: lines(review(["（一）学习不够深入。", "1.学习不系统。"])) },
    { text: review(["（一）、学习不够深入。"]), findings: [{ paragraph: 3, range: [0, 4] }], output: lines(review(["（一）学习不够深入。"])) },
    { text: review(["(一)学习不够深入。"]), findings: [{ paragraph: 3, range: [0, 3] }], output: lines(review(["（一）学习不够深入。"])) },
    { text: review(["（一）学习不够深入。", "1． 学习不系统。"]), findings: [{ paragraph: 4, range: [0, 2] }], output: lines(review(["（一）学习不够深入。", "1.学习不系统。"])) },
    {
      name: "一． and 第二、 at level 1",
      text: [TITLE, LEAD, "一．存在的问题", "（一）学习不够。", "第二、原因分析", "（一）修养放松。", "三、整改措施", "（一）加强学习。", CLOSE],
      findings: [
        { paragraph: 2, range: [0, 2] },
        { paragraph: 4, range: [0, 3] },
      ],
      output: lines([TITLE, LEAD, "一、存在的问题", "（一）学习不够。", "二、原因分析", "（一）修养放松。", "三、整改措施", "（一）加强学习。", CLOSE]),
    },
    {
      name: "1、 before a number: reported, no fix (1.2023 would not read as a marker)",
      text: review(["（一）学习不够深入。", "1、 2023年学习计划落实不够。"]),
      findings: [{ paragraph: 4, range: [0, 2] }],
    },
  ],
);

ruleCases(
  numberingHierarchy,
  [
    { text: review(["（一）学习不够深入。", "1.学习不系统。", "2.学用脱节。", "（二）作风不够扎实。"]) },
    { text: review(["1.学习不系统。", "2.学用脱节。"]) },
    { text: review(["（一）学习不够深入。", "1.学习不系统。", "（1）自学少。", "（2）笔记少。", "2.学用脱节。"]) },
  ],
  [
    {
      name: "（一） under 1., confirmed by the outer run resuming",
      text: review(["（一）学习不够深入。", "1.学习不系统。", "（一）自学时间少。", "（二）笔记不全。", "2.学用脱节。", "（二）作风不够扎实。"]),
      findings: [
        { paragraph: 5, range: [0, 3] },
        { paragraph: 6, range: [0, 3] },
      ],
      output: lines(review(["（一）学习不够深入。", "1.学习不系统。", "（1）自学时间少。", "（2）笔记不全。", "2.学用脱节。", "（二）作风不够扎实。"])),
    },
    {
      name: "一、 under （一）",
      text: [TITLE, LEAD, "一、存在的问题", "（一）理论学习不够。", "一、自学时间少。", "二、笔记不全。", "（二）作风不实。", "二、原因分析", "（一）修养放松。", "三、整改措施", "（一）加强学习。", CLOSE],
      findings: [
        { paragraph: 4, range: [0, 2] },
        { paragraph: 5, range: [0, 2] },
      ],
      output: lines([TITLE, LEAD, "一、存在的问题", "（一）理论学习不够。", "1.自学时间少。", "2.笔记不全。", "（二）作风不实。", "二、原因分析", "（一）修养放松。", "三、整改措施", "（一）加强学习。", CLOSE]),
    },
    {
      name: "（一） after items 1. 2. without confirmation: the first one, no fix",
      text: review(["1.学习不系统。", "2.学用脱节。", "（一）自学时间少。", "（二）笔记不全。"]),
      findings: [{ paragraph: 5, range: [0, 3] }],
    },
  ],
);

describe("numbering rules together", () => {
  test("a misplaced run is a hierarchy error, not also a sequence error", () => {
    const text = review(["（一）学习不够深入。", "1.学习不系统。", "（一）自学时间少。", "（二）笔记不全。", "2.学用脱节。", "（二）作风不够扎实。"]);
    expect(run(numberingSequence, text)).toEqual([]);
  });
  test("fixing the hierarchy leaves a clean outline", () => {
    const text = review(["（一）学习不够深入。", "1.学习不系统。", "（一）自学时间少。", "（二）笔记不全。", "2.学用脱节。", "（二）作风不够扎实。"]);
    const once = fixed(numberingHierarchy, text).split("\n");
    expect(run([numberingHierarchy, numberingSequence, numberingFormat], once)).toEqual([]);
  });
  test("Word list labels: a gap is reported without a fix (the label is not text)", () => {
    const paras = [
      { text: TITLE },
      { text: LEAD },
      { text: "存在的问题", listString: "一、" },
      { text: "学习不够深入。", listString: "（一）" },
      { text: "作风不够扎实。", listString: "（三）" },
      { text: "原因分析", listString: "二、" },
      { text: "修养放松。", listString: "（一）" },
      { text: "整改措施", listString: "三、" },
      { text: "加强学习。", listString: "（一）" },
      { text: CLOSE },
    ];
    const found = checkDocument(parseDocument(paras), {}, [numberingSequence, numberingFormat]);
    expect(found.map((f) => [f.rule, f.paragraph, f.fix])).toEqual([["numbering-sequence", 4, undefined]]);
  });
  test("a nonstandard Word list label is a warning without a fix", () => {
    const paras = [{ text: TITLE }, { text: LEAD }, { text: "存在的问题", listString: "一、" }, { text: "学习不够深入。", listString: "1、" }, { text: "原因分析", listString: "二、" }, { text: "整改措施", listString: "三、" }, { text: CLOSE }];
    const found = checkDocument(parseDocument(paras), {}, [numberingFormat]);
    expect(found.map((f) => [f.rule, f.paragraph, f.severity, f.fix])).toEqual([["numbering-format", 3, "warning", undefined]]);
  });
  test("parse helper keeps paragraph indices", () => {
    expect(parse(review(["（一）学习。"])).flat[1].paragraph).toBe(3);
  });
});
