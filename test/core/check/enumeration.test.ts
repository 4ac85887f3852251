// enumeration: runs of 一是/二是, 一要/二要, 第一/第二, 首先/其次 inside sections.
import { enumeration } from "../../../src/core/check/rules";
import { enumWord } from "../../../src/core/check/rules/enumeration";
import { ruleCases } from "./helpers";

const HEAD = ["在巡视整改工作推进会上的讲话", "同志们：", "下面，我讲两点意见。", "一、提高思想认识"];
const TAIL = ["二、压实整改责任", "要层层传导压力。", "同志们，让我们共同努力！"];
const speech = (body: string[]) => [...HEAD, ...body, ...TAIL];
const lines = (xs: string[]) => xs.join("\n");

ruleCases(
  enumeration,
  [
    "主要表现在：一是学习不够系统；二是调研不够深入；三是落实不够有力。",
    "首先，要统一思想；其次，要压实责任；再次，要健全机制；最后，要加强督查。",
    "第一，提高认识；第二，落实责任；最后，严格考核。",
    "一是要建立台账，二是要定期调度，三是要严格销号。",
    // Two separate runs in two paragraphs of one section.
    { text: speech(["一是统一思想，二是明确任务。", "对照问题清单，一是逐项认领，二是限时整改，三是跟踪问效。"]) },
    // A paragraph-level run with a nested run inside one of its paragraphs.
    { text: speech(["一要抓学习。要坚持原原本本学。", "二要抓落实。一要明确分工，二要倒排工期，三要跟踪督办。", "三要抓长效。要完善制度。"]) },
    // A run that goes on in the next paragraph.
    { text: speech(["一是统一思想，二是明确任务。", "三是压实责任，四是加强督查。"]) },
    // 一是…四是 as one run and 一要…四要 as another after a transition.
    { text: speech(["一是很受教育。", "二是很有收获。", "下面提两点希望。", "一要抓学习。", "二要抓落实。"]) },
    // 其次 alone is ordinary prose.
    "这项工作量大面广，其次，时间也很紧。",
    "十要素齐全。",
  ],
  [
    {
      name: "gap 一是 → 三是 (no fix: 二是 may be missing)",
      text: "主要表现在：一是学习不够系统；三是调研不够深入。",
      findings: [{ paragraph: 0, range: [15, 17] }],
    },
    {
      name: "duplicate 二是 between 一是 and 四是",
      text: "一是学习不够系统；二是调研不够深入；二是落实不够有力；四是监督不够经常。",
      findings: [{ paragraph: 0, range: [18, 20] }],
      output: "一是学习不够系统；二是调研不够深入；三是落实不够有力；四是监督不够经常。",
    },
    {
      name: "series switch 一是 二是 三要",
      text: "一是学习不够系统，二是调研不够深入，三要落实不够有力。",
      findings: [{ paragraph: 0, range: [18, 20] }],
      output: "一是学习不够系统，二是调研不够深入，三是落实不够有力。",
    },
    {
      name: "首先 among 第二 第三",
      text: "首先，班子成员要带头；第二，干部要讲纪律；第三，要落实责任制。",
      findings: [{ paragraph: 0, range: [0, 2] }],
      output: "第一，班子成员要带头；第二，干部要讲纪律；第三，要落实责任制。",
    },
    {
      name: "a run starting at 二是",
      text: "主要表现在：二是学习不够系统；三是调研不够深入。",
      findings: [{ paragraph: 0, range: [6, 8] }],
    },
    {
      name: "paragraph-level run with a gap",
      text: speech(["一要抓学习。", "二要抓落实。", "四要抓长效。"]),
      findings: [{ paragraph: 6, range: [0, 2] }],
    },
    {
      name: "paragraph-level duplicate, fixed",
      text: speech(["一要抓学习。", "二要抓落实。", "二要抓督查。", "四要抓长效。"]),
      findings: [{ paragraph: 6, range: [0, 2] }],
      output: lines(speech(["一要抓学习。", "二要抓落实。", "三要抓督查。", "四要抓长效。"])),
    },
  ],
);

describe("enumWord", () => {
  test.each([
    ["shi", 3, "", "三是"],
    ["shi", 3, "二是要", "三是要"],
    ["yao", 11, "", "十一要"],
    ["di", 2, "", "第二"],
    ["seq", 2, "", "其次"],
    ["seq", 4, "", null],
  ] as const)("%s %i", (series, n, like, word) => {
    expect(enumWord(series, n, like)).toBe(word);
  });
});
