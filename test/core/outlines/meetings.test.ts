import { getOutline, meetingsOf, documentVariant, meetingSubject, type OutlineVariant } from "../../../src/core/outlines/library";
import { focusNotice, parseYearFocus, parseYearFocusText, shippedFocus, type YearFocus } from "../../../src/core/outlines/focus";
import { MEETING_KIND_IDS, meetingYear, parseMeetingKind, type MeetingKind } from "../../../src/core/outlines/meetings";
import { skeletonText } from "../../../src/core/outlines/skeleton";
import { checkDocument } from "../../../src/core/check/engine";
import { placeholderProblems } from "../../../src/core/placeholders";
import { parseDocument } from "../../../src/core/parse/parseDocument";
import { textToParagraphs } from "../../../src/core/io/decodeText";
import { DOC_TYPE_IDS, type DocTypeId } from "../../../src/core/model";
import focusFile from "../../../src/data/outlines/year-focus.json";

const NON_INSPECTION: OutlineVariant[] = [
  { meeting: "annual", year: 2025 },
  { meeting: "annual", year: 2026 },
  { meeting: "campaign" },
  { meeting: "campaign", campaign: "党纪学习教育" },
  { meeting: "topic", topic: "落实全面从严治党主体责任" },
  { meeting: "topic" },
];

/** Every text of an outline: titles, headings, variants, guidance, paragraphs of every section and sub-section. */
const allText = (type: DocTypeId, v: OutlineVariant) => {
  const o = getOutline(type, v);
  const texts = [...o.titles.map((t) => t.text)];
  for (const s of o.sections) {
    texts.push(s.heading ?? "", ...s.variants, s.guidance, ...s.paragraphs);
    for (const sub of s.subsections) texts.push(sub.heading, ...sub.variants, sub.guidance ?? "", ...sub.paragraphs);
  }
  return texts.filter(Boolean);
};

describe("meeting kinds", () => {
  test("five kinds; the inspection-only types serve 巡视 and 巡察 only, the others every kind", () => {
    expect(MEETING_KIND_IDS).toEqual(["xunshi", "xuncha", "annual", "campaign", "topic"]);
    for (const t of ["personal-review", "team-review", "speech-guidance"] as const) expect(meetingsOf(t)).toEqual(MEETING_KIND_IDS);
    for (const t of ["speech-mobilization", "rectification-report"] as const) expect(meetingsOf(t)).toEqual(["xunshi", "xuncha"]);
  });
  test("ids and Chinese names parse; unknown is null", () => {
    expect(parseMeetingKind("年度")).toBe("annual");
    expect(parseMeetingKind("巡察整改专题")).toBe("xuncha");
    expect(parseMeetingKind("学习教育专题")).toBe("campaign");
    expect(parseMeetingKind("其他专题")).toBe("topic");
    expect(parseMeetingKind("督查")).toBeNull();
  });
  test("the meeting year: December and the next January–February prepare that year's meeting", () => {
    expect(meetingYear(new Date(2026, 11, 3))).toBe(2026);
    expect(meetingYear(new Date(2027, 0, 20))).toBe(2026);
    expect(meetingYear(new Date(2027, 1, 28))).toBe(2026);
    expect(meetingYear(new Date(2027, 2, 1))).toBe(2027);
  });
});

describe("no 巡视 or 巡察 wording outside the inspection meetings", () => {
  for (const type of DOC_TYPE_IDS) {
    for (const v of NON_INSPECTION) {
      if (!meetingsOf(type).includes(v.meeting)) continue;
      test(`${type} ${JSON.stringify(v)}: every title, heading, guidance and paragraph`, () => {
        const texts = allText(type, v);
        expect(texts.length).toBeGreaterThan(20);
        expect(texts.filter((t) => /巡视|巡察/.test(t))).toEqual([]);
        // Every title variant too.
        for (const t of getOutline(type, v).titles) expect(skeletonText(getOutline(type, { ...v, titleId: t.id }), { ...v, titleId: t.id })).not.toMatch(/巡视|巡察/);
      });
    }
  }
  test("the inspection meetings keep their own wording and never mix 巡视 and 巡察", () => {
    expect(skeletonText(getOutline("personal-review", { meeting: "xuncha" }), { meeting: "xuncha" })).toMatch(/巡察组/);
    for (const type of DOC_TYPE_IDS) {
      expect(allText(type, { meeting: "xuncha" }).join("")).not.toMatch(/巡视/);
      expect(allText(type, { meeting: "xunshi" }).join("")).not.toMatch(/巡察/);
    }
  });
});

describe("one fill-in convention, as in the snippets", () => {
  test.each(DOC_TYPE_IDS)("%s: every text of every meeting keeps it and no token is left", (type) => {
    for (const meeting of meetingsOf(type)) {
      for (const t of allText(type, { meeting, year: 2026 })) {
        expect([t, placeholderProblems(t)]).toEqual([t, []]);
        expect(t).not.toMatch(/[{}]/);
      }
    }
  });
  test("the convention's own checks", () => {
    expect(placeholderProblems("共【X】条")).toEqual([]);
    expect(placeholderProblems("共【N】条")).toEqual(["数字空位应写作【X】，而不是【N】"]);
    expect(placeholderProblems("XX同志")).toEqual(["【】以外的占位符：XX"]);
  });
});

describe("annual meetings", () => {
  const annual: OutlineVariant = { meeting: "annual", year: 2025 };
  test("personal-review: 上年度民主生活会整改措施落实情况 is required and comes before 存在的问题", () => {
    const text = skeletonText(getOutline("personal-review", annual), annual);
    expect(text).toMatch(/^【姓名】同志在2025年度民主生活会上的个人对照检查材料\n/);
    const lines = text.split("\n");
    const last = lines.indexOf("一、上年度民主生活会整改措施落实情况");
    expect(last).toBeGreaterThan(0);
    expect(lines.indexOf("二、存在的问题")).toBeGreaterThan(last);
    const doc = parseDocument(textToParagraphs(text));
    expect(doc.type.id).toBe("personal-review");
    expect(doc.headings.map((h) => h.role).slice(0, 2)).toEqual(["last-rectification", "problems"]);
    // At special meetings it is left out unless asked for.
    expect(skeletonText(getOutline("personal-review", { meeting: "topic" }), { meeting: "topic" })).not.toMatch(/上年度民主生活会整改措施落实情况/);
  });
  test("problem sub-sections follow the year's five 带头 points, in order", () => {
    const points = shippedFocus().points.map((p) => p.text);
    for (const type of ["personal-review", "team-review"] as const) {
      const problems = getOutline(type, annual).sections.find((s) => s.role === "problems")!;
      expect(problems.subsections.map((s) => s.heading)).toEqual(points.map((p) => `${p}方面`));
      expect(problems.subsections.every((s) => s.default && s.paragraphs.some((t) => t.includes(points[problems.subsections.indexOf(s)])))).toBe(true);
    }
  });
  test("a replaced year file drives the sub-sections (data, not code)", () => {
    const next: YearFocus = { ...shippedFocus(), year: 2026, label: "2026年度重点", points: [{ id: "a", text: "带头甲", guide: "写甲。" }, { id: "b", text: "带头乙", heading: "乙方面", guide: "写乙。" }] };
    const problems = getOutline("personal-review", { meeting: "annual", year: 2026, focus: next }).sections.find((s) => s.role === "problems")!;
    expect(problems.subsections.map((s) => s.heading)).toEqual(["带头甲方面", "乙方面"]);
  });
  test("team-review: last-rectification covers last year's measures and the year's 学习教育; a later year gets a placeholder", () => {
    const last = (year: number) => getOutline("team-review", { meeting: "annual", year }).sections.find((s) => s.role === "last-rectification")!;
    expect(last(2025).paragraphs.join("")).toMatch(/上年度民主生活会上.*深入贯彻中央八项规定精神学习教育中班子查摆出的/);
    expect(last(2026).paragraphs.join("")).toMatch(/【本年度学习教育名称】中班子查摆出的/);
    expect(last(2026).guidance).toMatch(/学习教育/);
  });
});

describe("学习教育 and other 专题 meetings", () => {
  test("学习教育: the title names the campaign and the problems follow its points; another campaign gets the general sub-sections", () => {
    const v: OutlineVariant = { meeting: "campaign" };
    const o = getOutline("personal-review", v);
    expect(o.titles[0].text).toBe("【姓名】同志在深入贯彻中央八项规定精神学习教育专题民主生活会上的个人对照检查材料");
    const problems = o.sections.find((s) => s.role === "problems")!;
    expect(problems.subsections.map((s) => s.id)).toEqual(shippedFocus().campaign!.points.map((p) => `problems-focus-${p.id}`));
    const other = getOutline("personal-review", { meeting: "campaign", campaign: "党纪学习教育" });
    expect(other.titles[0].text).toMatch(/在党纪学习教育专题民主生活会上/);
    expect(other.sections.find((s) => s.role === "problems")!.subsections.map((s) => s.id)).toContain("problems-study");
  });
  test("其他专题: the 专题名称 fills the title and the opening; without one, 【专题名称】", () => {
    const v: OutlineVariant = { meeting: "topic", topic: "落实全面从严治党主体责任" };
    for (const type of ["personal-review", "team-review", "speech-guidance"] as const) {
      const text = skeletonText(getOutline(type, v), v);
      const [title, ...rest] = text.split("\n");
      expect(title).toMatch(/落实全面从严治党主体责任专题民主生活会/);
      expect(rest.slice(0, 6).join("")).toMatch(/落实全面从严治党主体责任/);
    }
    expect(getOutline("personal-review", { meeting: "topic" }).titles[0].text).toMatch(/【专题名称】专题民主生活会/);
  });
});

describe("content fixes", () => {
  test("team-review title says 党委（党组）", () => {
    for (const k of MEETING_KIND_IDS) for (const t of getOutline("team-review", { meeting: k }).titles) expect(t.text).toMatch(/党委（党组）领导班子/);
  });
  test.each(["xunshi", "xuncha"] as MeetingKind[])("%s report: addressed to the superior committee or its 工作领导小组; 移交问题线索和信访件办理情况 on by default", (meeting) => {
    const text = skeletonText(getOutline("rectification-report", { meeting }), { meeting });
    const ins = meeting === "xunshi" ? "巡视" : "巡察";
    const lines = text.split("\n");
    expect(lines[1]).toBe(`【上级党委，或上级党委${ins}工作领导小组】：`);
    expect(lines[1]).not.toMatch(new RegExp(`${ins}组`));
    expect(lines.some((l) => /^（[一二三四五六]）关于移交问题线索和信访件办理情况$/.test(l))).toBe(true);
  });
  test("the mobilization speech's political-task sentence is our own", () => {
    const text = allText("speech-mobilization", { meeting: "xunshi" }).join("\n");
    expect(text).not.toMatch(/的实际检验，是必须完成的政治任务/);
    expect(text).toMatch(/两个维护/);
  });
});

describe("the year file", () => {
  test("the shipped file validates, is labelled with its year and cites its source", () => {
    const r = parseYearFocus(focusFile);
    expect(r.ok).toBe(true);
    const f = shippedFocus();
    expect(f.year).toBe(2025);
    expect(f.label).toMatch(/^2025年度/);
    expect(f.source.url).toMatch(/^https:\/\//);
    expect(f.campaign?.source.url).toMatch(/^https:\/\//);
  });
  test("the 2025 points are the published wording (checked against the cited reproduction of the Xinhua release)", () => {
    expect(shippedFocus().points.map((p) => p.text)).toEqual([
      "带头强化政治忠诚、提高政治能力",
      "带头固本培元、增强党性",
      "带头敬畏人民、敬畏组织、敬畏法纪",
      "带头干事创业、担当作为",
      "带头坚决扛起管党治党责任",
    ]);
    expect(shippedFocus().source.verified).toBe("secondary");
  });
  test("bad files are refused with a Chinese message naming the place", () => {
    const bad = (patch: object) => parseYearFocus({ ...focusFile, ...patch });
    expect(bad({ year: "2026" })).toEqual({ ok: false, message: expect.stringMatching(/^年度重点文件有误：year：/) });
    expect(bad({ points: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/points/) });
    expect(bad({ points: [{ id: "a", text: "x", guide: "y" }, { id: "a", text: "z", guide: "y" }] })).toMatchObject({ ok: false, message: expect.stringMatching(/重复的要点 id：a/) });
    expect(bad({ format: "other" })).toMatchObject({ ok: false });
    expect(bad({ source: { ...focusFile.source, url: "news.cn" } })).toMatchObject({ ok: false, message: expect.stringMatching(/source\.url/) });
    expect(parseYearFocusText("{ nope")).toMatchObject({ ok: false, message: expect.stringMatching(/不是有效的 JSON/) });
  });
  test("a meeting later than the file gets the notice; its own year does not", () => {
    expect(focusNotice(shippedFocus(), 2026)).toBe("以下按2025年度重点，请以本年度通知为准");
    expect(focusNotice(shippedFocus(), 2025)).toBeNull();
  });
});

describe("documentVariant: what the document says of its meeting", () => {
  const v = (...lines: string[]) => documentVariant(parseDocument(textToParagraphs(lines.join("\n"))));
  test.each([
    [["李四同志在巡察整改专题民主生活会上的个人对照检查材料", "按照区委巡察组反馈意见，现将对照检查情况报告如下："], { meeting: "xuncha" }],
    [["王五同志在巡视整改专题民主生活会上的发言提纲", "根据省委统一部署，省委第三巡视组对我单位开展了巡视。"], { meeting: "xunshi" }],
    [["张三同志在2025年度民主生活会上的个人对照检查材料", "今年，我们按照巡视整改要求推进工作。"], { meeting: "annual", year: 2025 }],
    [["赵六同志在落实全面从严治党主体责任专题民主生活会上的发言提纲", "按照市委要求，现将个人对照检查情况报告如下："], { meeting: "topic", topic: "落实全面从严治党主体责任" }],
    [["市局党组领导班子深入贯彻中央八项规定精神学习教育专题民主生活会对照检查材料", "下面，我代表班子作对照检查。"], { meeting: "campaign", campaign: "深入贯彻中央八项规定精神学习教育" }],
    [["XX区委领导班子“严守纪律规矩、加强作风建设”专题民主生活会对照检查材料", "根据区委要求，现将对照检查情况报告如下："], { meeting: "topic", topic: "严守纪律规矩、加强作风建设" }],
    [["县局党组领导班子落实意识形态工作责任制专题民主生活会对照检查材料", "下面，我代表班子作对照检查。"], { meeting: "topic", topic: "落实意识形态工作责任制" }],
    [["某某同志在“深入贯彻中央八项规定精神学习教育”专题民主生活会上的发言提纲", "按照要求，现将个人对照检查情况报告如下："], { meeting: "campaign", campaign: "深入贯彻中央八项规定精神学习教育" }],
    [["个人对照检查材料", "现将个人对照检查情况报告如下："], {}],
  ])("%j", (lines, expected) => {
    expect(v(...(lines as string[]))).toEqual(expected);
  });
});

describe("measures answer the problems one by one", () => {
  test.each([
    ["personal-review", { meeting: "annual", year: 2025 }],
    ["team-review", { meeting: "annual", year: 2026 }],
    ["personal-review", { meeting: "campaign" }],
    ["team-review", { meeting: "campaign" }],
  ] as [DocTypeId, OutlineVariant][])("%s %j: one measure sub-section per point, and the coverage check pairs them all", (type, v) => {
    const o = getOutline(type, v);
    const problems = o.sections.find((s) => s.role === "problems")!.subsections;
    const measures = o.sections.find((s) => s.role === "measures")!.subsections;
    expect(measures).toHaveLength(problems.length);
    const doc = parseDocument(textToParagraphs(skeletonText(o, v)));
    expect(checkDocument(doc).filter((f) => f.rule === "coverage")).toEqual([]);
  });
});

describe("meetingSubject: the unit before a meeting's subject goes, the subject's own words stay", () => {
  test.each([
    ["市局党组领导班子深入贯彻中央八项规定精神学习教育", "深入贯彻中央八项规定精神学习教育"],
    ["XX区委领导班子落实全面从严治党主体责任", "落实全面从严治党主体责任"],
    ["全面加强党组织标准化规范化建设", "全面加强党组织标准化规范化建设"],
    ["落实党委（党组）主体责任", "落实党委（党组）主体责任"],
    ["加强班子建设", "加强班子建设"],
    ["加强领导班子思想政治建设", "加强领导班子思想政治建设"],
    ["张三同志在落实意识形态工作责任制", "落实意识形态工作责任制"],
  ])("%s → %s", (raw, subject) => {
    expect(meetingSubject(raw)).toBe(subject);
  });
});
