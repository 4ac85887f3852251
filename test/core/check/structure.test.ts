// missing-section, section-order and coverage: whole documents, valid and broken.
import { coverage, missingSection, sectionOrder } from "../../../src/core/check/rules";
import { fixture, ruleCases, run } from "./helpers";
import { checkDocument } from "../../../src/core/check/engine";
import { parseDocument } from "../../../src/core/parse/parseDocument";

const TITLE = "赵亮同志在巡视整改专题民主生活会上的个人对照检查材料";
const LEAD = "会前，我认真学习了规定篇目，广泛听取了意见。现将个人对照检查情况报告如下：";
const PROBLEMS = ["一、存在的问题", "（一）理论学习不够深入。", "（二）工作作风不够扎实。"];
const CAUSES = ["二、原因分析", "（一）党性修养有所放松。", "（二）宗旨意识有所淡化。"];
const MEASURES = ["三、整改措施", "（一）加强理论学习。", "（二）改进工作作风。"];
const CLOSE = "以上是我的对照检查，请同志们批评指正。";

ruleCases(
  missingSection,
  [
    ...["personal-review", "team-review", "speech-mobilization", "speech-guidance", "rectification-report"].map((n) => ({ text: fixture(`${n}.txt`) })),
    // The last-rectification part is required at annual meetings only.
    { text: fixture("team-review.txt") },
    // One heading may hold two parts of an annual team review.
    {
      text: [
        "县委办公室领导班子2025年度民主生活会对照检查材料",
        "下面，我代表县委办领导班子作对照检查。",
        "一、会前准备及上年度民主生活会整改措施落实情况",
        "会前集中学习了规定篇目。上年度查摆的问题已全部整改。",
        "二、存在的问题",
        "（一）服务大局不够有力。",
        "三、原因剖析",
        "（一）理论学习不够深入。",
        "四、整改措施",
        "（一）提升参谋服务水平。",
        "以上对照检查，请同志们批评指正。",
      ],
    },
    // A report whose 特此报告 is followed by the 附件 list, the signature, the date and the 联系人 note has its closing.
    {
      text: [
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
        "附件：1.整改任务清单",
        "2.整改制度汇编",
        "中共南湖区卫生健康局党组",
        "2026年3月12日",
        "（联系人：周敏，电话：0573-82561234）",
      ],
    },
    // A speech that ends with a call to 同志们 has its closing.
    {
      text: fixture("speech-mobilization.txt").map((l) => (l.startsWith("同志们，") ? "同志们，巡视整改时间紧、任务重，各单位要立即行动起来，确保按期完成。" : l)),
    },
  ],
  [
    {
      name: "no causes section: reported where it belongs (at the measures heading)",
      text: [TITLE, LEAD, ...PROBLEMS, ...MEASURES.map((l) => l.replace("三、", "二、")), CLOSE],
      findings: [{ paragraph: 5, range: [0, 0] }],
    },
    {
      name: "no closing sentence: reported at the last paragraph",
      text: [TITLE, LEAD, ...PROBLEMS, ...CAUSES, ...MEASURES],
      findings: [{ paragraph: 10, range: [0, 0] }],
    },
    {
      name: "no preamble: reported at the first heading",
      text: [TITLE, ...PROBLEMS, ...CAUSES, ...MEASURES, CLOSE],
      findings: [{ paragraph: 1, range: [0, 0] }],
    },
  ],
);

describe("missing-section severities", () => {
  test("a guidance speech without an evaluation of the meeting gets a warning", () => {
    const text = ["在领导班子专题民主生活会上的点评讲话", "同志们：", "一、提高政治自觉，坚决扛起整改责任", "要书记带头。", "二、坚持动真碰硬，抓好落实", "要列出清单。", "三、注重标本兼治，推动长效", "要完善制度。", "我就讲这些，谢谢大家！"];
    const found = run(missingSection, text, "speech-guidance");
    expect(found.map((f) => [f.paragraph, f.severity])).toEqual([[2, "warning"]]);
  });
  test("a speech without one of the typical points gets advice, not an error", () => {
    const text = fixture("speech-mobilization.txt");
    const i = text.findIndex((l) => l.startsWith("四、"));
    const cut = [...text.slice(0, i), ...text.slice(i + 2)].map((l) => l.replace(/^五、/, "四、"));
    const found = run(missingSection, cut);
    // Reported at the first point that follows where it belongs.
    const at = cut.findIndex((l) => l.startsWith("四、加强组织领导"));
    expect(found.map((f) => [f.paragraph, f.severity])).toEqual([[at, "info"]]);
  });
});

ruleCases(
  sectionOrder,
  [
    ...["personal-review", "team-review", "speech-mobilization", "speech-guidance", "rectification-report"].map((n) => ({ text: fixture(`${n}.txt`) })),
    // Personal matters may stand anywhere.
    { text: [TITLE, LEAD, ...PROBLEMS, ...CAUSES, ...MEASURES, "需要说明的有关情况", "本人个人有关事项没有变化。", CLOSE] },
    // A speech's points have no fixed order.
    {
      text: ["在巡视整改工作动员部署会上的讲话", "同志们：", "下面，我讲三点意见。", "一、加强组织领导，层层压实整改责任", "要落实责任。", "二、提高政治站位，增强整改自觉", "要统一思想。", "三、健全工作机制，确保整改有序推进", "要建立台账。", "同志们，让我们共同努力，抓好整改！"],
    },
  ],
  [
    {
      name: "measures before causes",
      text: [TITLE, LEAD, ...PROBLEMS, "二、整改措施", "（一）加强理论学习。", "（二）改进工作作风。", "三、原因分析", "（一）党性修养有所放松。", "（二）宗旨意识有所淡化。", CLOSE],
      findings: [{ paragraph: 8, range: [2, 6] }],
    },
  ],
);

const P = (items: string[]) => ["一、存在的问题", ...items];
const M = (items: string[]) => ["三、整改措施", ...items];
ruleCases(
  coverage,
  [
    { text: fixture("personal-review.txt") },
    { text: fixture("team-review.txt") },
    // One child on a side: nothing to pair.
    { text: [TITLE, LEAD, ...P(["（一）理论学习不够深入。"]), ...CAUSES, ...M(["（一）加强廉洁自律。", "（二）加强作风建设。"]), CLOSE] },
    // A problem item whose title names no topic says it in the body paragraph under it: that pairs it with its measure.
    {
      text: [
        TITLE,
        LEAD,
        ...P(["（一）理论学习不够深入。", "（二）履职尽责有差距。", "1.承诺事项推进偏慢。", "年初确定的5项民生实事中，有2项未按期完成，群众反映的急难愁盼问题解决不及时。"]),
        ...CAUSES,
        ...M(["（一）加强理论学习。", "（二）扎实推进民生实事，及时回应群众关切。"]),
        CLOSE,
      ],
    },
  ],
  [
    {
      name: "a problem without a measure",
      text: [TITLE, LEAD, ...P(["（一）理论学习不够深入。", "（二）工作作风不够扎实。", "（三）意识形态阵地管理不严。"]), ...CAUSES, ...M(["（一）加强理论学习。", "（二）改进工作作风。"]), CLOSE],
      findings: [{ paragraph: 5, range: [3, 13] }],
    },
    {
      name: "a measure that answers nothing",
      text: [TITLE, LEAD, ...P(["（一）理论学习不够深入。", "（二）工作作风不够扎实。"]), ...CAUSES, ...M(["（一）加强理论学习。", "（二）改进工作作风。", "（三）做好财务预算管理。"]), CLOSE],
      findings: [{ paragraph: 11, range: [3, 11] }],
    },
  ],
);

describe("coverage pairs a restarted measures run too", () => {
  test("measures as a second run of 一、二、", () => {
    const text = [TITLE, LEAD, ...P(["（一）理论学习不够深入。", "（二）工作作风不够扎实。"]), ...CAUSES, "针对以上问题，我将从以下两个方面抓好整改：", "一、加强理论学习。", "二、改进工作作风。", CLOSE];
    expect(run(coverage, text)).toEqual([]);
  });
});

describe("coverage: a measure that repeats a problem's key phrase answers it; one measure may answer several problems", () => {
  test("the problem's phrase in the measure's body text answers the problem", () => {
    const text = [
      TITLE,
      LEAD,
      ...P(["（一）理论学习不够深入。", "（二）档案数字化进度滞后。"]),
      ...CAUSES,
      ...M(["（一）加强理论学习。", "每月精读一本理论著作。", "（二）强化工作推进。", "针对档案数字化进度滞后的问题，年底前完成馆藏扫描。"]),
      CLOSE,
    ];
    expect(run(coverage, text)).toEqual([]);
  });

  test("many problems to one measure: the pairing names each problem's measure; the finding is worded as possible", () => {
    const text = [
      TITLE,
      LEAD,
      ...P(["（一）理论学习不够深入。", "（二）理论联系实际不够紧密。", "（三）工作作风不够扎实。", "（四）档案管理不规范。"]),
      ...CAUSES,
      ...M(["（一）加强理论武装，坚持学以致用。", "（二）改进工作作风。"]),
      CLOSE,
    ];
    const findings = checkDocument(parseDocument(text.map((t) => ({ text: t }))), {}, [coverage]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("可能未对应");
    expect(findings[0].message).toContain("（一）→（一），（二）→（一），（三）→（二）");
  });
});
