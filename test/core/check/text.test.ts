// The text rules: placeholder, typo, formulation, punctuation, junk — tables, plus the data files' own samples.
import typoSamples from "../../../src/data/typos.samples.json";
import junkSamples from "../../../src/data/junk.samples.json";
import { formulation, junk, placeholder, punctuation, typo } from "../../../src/core/check/rules";
import { findPlaceholders } from "../../../src/core/check/rules/placeholder";
import { junkEntries } from "../../../src/core/check/data";
import { fixed, ruleCases, run } from "./helpers";

ruleCases(
  placeholder,
  [
    "这次会议于2023年6月29日召开。",
    "服装尺码为XXL。",
    "长方形面积为3×4平方米。",
    "二〇〇八年，我参加工作。",
    "某单位某同志反映的问题已经核实。",
    "访问 xxx.example.com 获取文件。",
    "体检包括X光检查。",
    "〔2023〕5号文件要求。",
    "A总书记的重要讲话。",
    "Mr. X said hello.",
  ],
  [
    { text: "对区XX局开展了常规巡察。", findings: [{ paragraph: 0, range: [2, 4] }] },
    { text: "会议于X年X月X日召开。", findings: [{ paragraph: 0, range: [3, 9] }] },
    { text: "市委第xx巡察组进驻我局。", findings: [{ paragraph: 0, range: [3, 5] }] },
    { text: "某某同志作了发言。", findings: [{ paragraph: 0, range: [0, 2] }] },
    { text: "【单位名称】党委召开专题会议。", findings: [{ paragraph: 0, range: [0, 6] }] },
    { text: "〇〇同志主持会议。", findings: [{ paragraph: 0, range: [0, 2] }] },
    { text: "××局、ＸＸ县参加。", findings: [{ paragraph: 0, range: [0, 2] }, { paragraph: 0, range: [4, 6] }] },
    { text: "落实省委“X+X+X”工作部署。", findings: [{ paragraph: 0, range: [5, 10] }] },
    { text: "共查摆问题XX个，已完成X个。", findings: [{ paragraph: 0, range: [5, 7] }, { paragraph: 0, range: [12, 13] }] },
  ],
);

describe("placeholders and junk do not both report a bracketed notice", () => {
  test("【会员资料…】 is junk, not a placeholder", () => {
    expect(findPlaceholders("【会员资料仅供交流】")).toEqual([]);
  });
});

ruleCases(
  typo,
  [
    ...typoSamples.valid,
    // Guards: 一贯切 is 一贯 + 切实.
    "他一贯切实履行职责。",
  ],
  [
    { text: "要认真贯切落实各项要求。", findings: [{ paragraph: 0, range: [3, 5] }], output: "要认真贯彻落实各项要求。" },
    { text: "布署整改任务，建立台帐。", findings: [{ paragraph: 0, range: [0, 2] }, { paragraph: 0, range: [9, 11] }], output: "部署整改任务，建立台账。" },
  ],
);

describe("typo samples of the data file", () => {
  test.each(typoSamples.invalid.map((s) => [s.wrong, s] as const))("%s", (_w, s) => {
    const found = run(typo, s.text);
    const at = s.text.indexOf(s.wrong);
    expect(found.some((f) => f.offset === at && f.length === s.wrong.length && f.fix?.text === s.right)).toBe(true);
  });
  test("ignored words are not reported", () => {
    expect(run(typo, "要认真贯切落实各项要求。", undefined, { ignoreWords: ["贯切"] })).toEqual([]);
  });
});

ruleCases(
  formulation,
  [
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
    "四个自信：道路自信、理论自信、制度自信、文化自信。",
    "坚决反对形式主义、官僚主义、享乐主义和奢靡之风。",
    "严守政治纪律、组织纪律、群众纪律。",
    "倡导自由、民主、平等的讨论氛围。",
    "以习近平同志为核心的党中央。",
    "增强政治意识、大局意识。",
  ],
  [
    {
      name: "members out of order",
      text: "坚定道路自信、制度自信、理论自信、文化自信。",
      findings: [{ paragraph: 0, range: [2, 21] }],
      output: "坚定道路自信、理论自信、制度自信、文化自信。",
    },
    {
      name: "a member missing after the name",
      text: "四个自信：道路自信、理论自信、制度自信。",
      findings: [{ paragraph: 0, range: [5, 19] }],
      output: "四个自信：道路自信、理论自信、制度自信、文化自信。",
    },
    {
      name: "a wrong variant",
      text: "紧密团结在以习近平总书记为核心的党中央周围。",
      findings: [{ paragraph: 0, range: [5, 19] }],
      output: "紧密团结在以习近平同志为核心的党中央周围。",
    },
    {
      name: "四风 in the wrong order, 和 kept in place",
      text: "整治官僚主义、形式主义、享乐主义和奢靡之风。",
      findings: [{ paragraph: 0, range: [2, 21] }],
      output: "整治形式主义、官僚主义、享乐主义和奢靡之风。",
    },
  ],
);

ruleCases(
  punctuation,
  [
    "库存数量为1,000件，会议3:00开始。",
    "详见 https://example.com/a,b;c 的说明。",
    "He said, hello! Are you ok?",
    "增强“四个意识”，坚定“四个自信”。",
    "（一）理论学习不够深入。",
    "1）认真学习。",
    "他说：“我们要‘照单全收’。”",
    "这是英文 don't 的用法。",
    "《中国共产党纪律处分条例》第五条。",
  ],
  [
    { text: "我们要加强学习,提高本领", findings: [{ paragraph: 0, range: [7, 8] }], output: "我们要加强学习，提高本领" },
    { text: "主要要求:一是学习", findings: [{ paragraph: 0, range: [4, 5] }], output: "主要要求：一是学习" },
    { text: "是否已经完成?", findings: [{ paragraph: 0, range: [6, 7] }], output: "是否已经完成？" },
    { text: "牢固树立\"四个意识\"，做到\"两个维护\"。", findings: [{ paragraph: 0, range: [4, 10] }, { paragraph: 0, range: [13, 19] }], output: "牢固树立“四个意识”，做到“两个维护”。" },
    { name: "quotes with a half-width comma inside: fixed together", text: "提出\"早,实,细\"的要求", findings: [{ paragraph: 0, range: [2, 9] }], output: "提出“早，实，细”的要求" },
    { name: "half-width closing a full-width quote", text: "检验“政治课\"的成效", findings: [{ paragraph: 0, range: [6, 7] }], output: "检验“政治课”的成效" },
    { name: "half and full comma side by side: a doubled mark", text: "加强学习,，提高本领", findings: [{ paragraph: 0, range: [4, 6] }], output: "加强学习，提高本领" },
    { name: "two half commas: a doubled mark", text: "加强学习,,提高本领", findings: [{ paragraph: 0, range: [4, 6] }], output: "加强学习，提高本领" },
    { name: "space after a half-width comma goes too", text: "加强学习, 提高本领", findings: [{ paragraph: 0, range: [4, 5] }], output: "加强学习，提高本领" },
    { name: "doubled comma", text: "加强学习，，提高本领", findings: [{ paragraph: 0, range: [4, 6] }], output: "加强学习，提高本领" },
    { name: "doubled full stop", text: "提高本领。。", findings: [{ paragraph: 0, range: [4, 6] }], output: "提高本领。" },
    { name: "unmatched quote: no fix", text: "习惯于“遥控指挥””的做法", findings: [{ paragraph: 0, range: [9, 10] }] },
    { name: "unmatched title mark", text: "学习《条例的规定", findings: [{ paragraph: 0, range: [2, 3] }] },
    { name: "unmatched bracket", text: "财务制度）执行情况", findings: [{ paragraph: 0, range: [4, 5] }] },
  ],
);

describe("punctuation severities", () => {
  test("half-width marks are warnings, unmatched and doubled marks errors", () => {
    const found = run(punctuation, "加强学习,提高本领，，做到“两个维护");
    expect(found.map((f) => [f.offset, f.severity])).toEqual([
      [4, "warning"],
      [9, "error"],
      [13, "error"],
    ]);
  });
  test("a quotation running on into the next paragraph is not unmatched", () => {
    expect(run(punctuation, ["他指出：“第一段话。", "“第二段话。”"])).toEqual([]);
  });
});

ruleCases(
  junk,
  junkSamples.valid,
  [
    { text: ["正文第一段。", "仅供学习 禁止外传 用后删除", "正文第二段。"], findings: [{ paragraph: 1, range: [0, 14] }], output: "正文第一段。\n\n正文第二段。" },
    { text: "这是正文最后一段的结尾。##paidend##", findings: [{ paragraph: 0, range: [12, 23] }], output: "这是正文最后一段的结尾。" },
  ],
);

describe("junk between junk lines", () => {
  const body = ["王强同志在巡视整改专题民主生活会上的发言提纲", "现将个人对照检查情况报告如下：", "一、存在的问题", "（一）学习不够深入。", "二、原因分析", "（一）党性修养有所放松。", "三、整改措施", "（一）加强理论学习。", "以上是我的对照检查，请同志们批评指正。"];
  test("short lines among a site's advertising, before the title and after the closing, are warnings with a fix", () => {
    const lines = ["仅供学习 禁止外传", "星河文库", "咨询QQ：123456789", ...body, "仅供参考 请勿转载", "每日更新精品材料", "会员群：", "星河文库"];
    const found = run(junk, lines).filter((f) => f.severity === "warning");
    expect(found.map((f) => f.paragraph)).toEqual([1, 13, 15]);
    expect(found.every((f) => f.fix?.text === "" && f.fix.offset === 0)).toBe(true);
  });
  test("a signature and a date after the closing stay", () => {
    const lines = [...body, "仅供参考 请勿转载", "中共东川区商务局党组", "2024年6月28日"];
    expect(run(junk, lines).filter((f) => f.severity === "warning")).toEqual([]);
  });
  test("nothing is guessed in a document without junk", () => {
    expect(run(junk, [...body, "中共东川区商务局党组"])).toEqual([]);
  });
});

describe("junk samples of the data file", () => {
  const byId = new Map(junkEntries().map((e) => [e.id, e]));
  test.each(junkSamples.invalid.map((s) => [s.id, s] as const))("%s", (id, s) => {
    const found = run(junk, s.text);
    expect(found.length).toBeGreaterThan(0);
    if (byId.get(id)?.wholeParagraph) expect(fixed(junk, s.text)).toBe("");
  });
});
