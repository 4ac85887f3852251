// Realistic documents (test/fixtures/realistic): written like real ones — run-in headings, 1./（1） items, 一是/一要/第一 runs,
// 首先/最后, restarted measures, 附件-free and signed reports, full-width digits, quotes, book titles, PPT/APP, 98.5%.
// Each is detected as its type, its level-1 sections get the right roles, it has no error, and each must-catch defect
// injected into it (junk line, placeholder, numbering gap, missing required section, half-width comma) is found where it is.
import fs from "node:fs";
import path from "node:path";
import type { DocTypeId, Role } from "../../../src/core/model";
import { checkDocument } from "../../../src/core/check/engine";
import { parse } from "./helpers";

const DIR = path.join(__dirname, "../../fixtures/realistic");

function load(name: string): string[] {
  return fs.readFileSync(path.join(DIR, name), "utf8").replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
}

/** The index of the first line that starts with `start`. */
function at(lines: string[], start: string): number {
  const i = lines.findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line starting with ${start}`);
  return i;
}

interface Injected {
  lines: string[];
  /** The paragraph the finding must be at. */
  paragraph: number;
}

/** A line of junk inserted after the line starting with `after`. */
const junkAfter = (junkLine: string, after: string) => (l: string[]): Injected => {
  const i = at(l, after) + 1;
  return { lines: [...l.slice(0, i), junkLine, ...l.slice(i)], paragraph: i };
};

/** `from` replaced by `to` (first occurrence) in the line starting with `start`. */
const replaceIn = (start: string, from: string, to: string) => (l: string[]): Injected => {
  const i = at(l, start);
  if (!l[i].includes(from)) throw new Error(`no ${from} in ${start}`);
  return { lines: l.map((x, k) => (k === i ? x.replace(from, to) : x)), paragraph: i };
};

/**
 * The lines from `from` up to (not including) `to` removed, later level-1 markers renumbered by `renumber`; the finding
 * belongs at the line starting with `where` (after the edit).
 */
const drop = (from: string, to: string | null, where: string | null, renumber: [string, string][] = []) => (l: string[]): Injected => {
  const a = at(l, from);
  const b = to === null ? l.length : at(l, to);
  const out = [...l.slice(0, a), ...l.slice(b)].map((x) => {
    for (const [p, q] of renumber) if (x.startsWith(p)) return q + x.slice(p.length);
    return x;
  });
  return { lines: out, paragraph: where === null ? out.length - 1 : at(out, where) };
};

interface Doc {
  file: string;
  type: DocTypeId;
  roles: (Role | null)[];
  junk: (l: string[]) => Injected;
  placeholder: (l: string[]) => Injected;
  /** A numbering gap: numbering-sequence for markers, enumeration for 第一/一要/一是 points. */
  gap: { rule: "numbering-sequence" | "enumeration"; inject: (l: string[]) => Injected };
  missing: (l: string[]) => Injected;
  comma: (l: string[]) => Injected;
}

const DOCS: Doc[] = [
  {
    file: "personal-review-runin.txt",
    type: "personal-review",
    roles: ["problems", "causes", "measures"],
    junk: junkAfter("仅供学习 禁止外传 用后删除", "（二）履行“一岗双责”"),
    placeholder: replaceIn("按照省委巡视工作", "省委第六巡视组", "省委第XX巡视组"),
    gap: { rule: "numbering-sequence", inject: replaceIn("（三）宗旨意识", "（三）", "（四）") },
    missing: drop("二、原因分析", "三、整改措施", "二、整改措施", [["三、", "二、"]]),
    comma: replaceIn("（一）理论武装不够深入", "，学用结合", ",学用结合"),
  },
  {
    file: "personal-review-items.txt",
    type: "personal-review",
    roles: ["last-rectification", "problems", "causes", "measures", "personal-matters"],
    junk: junkAfter("【本文为会员资料，仅供内部学习，严禁外传】", "（二）担当作为方面"),
    placeholder: replaceIn("根据市委办公室", "2025年度", "XX年度"),
    gap: { rule: "numbering-sequence", inject: replaceIn("2.政治敏锐性", "2.", "3.") },
    missing: drop("三、问题产生的原因分析", "四、整改措施", "三、整改措施", [["四、", "三、"]]),
    comma: replaceIn("2.改革创新的劲头", "，对企业", ",对企业"),
  },
  {
    file: "personal-review-restart.txt",
    type: "personal-review",
    roles: ["problems", "causes", "measures", "measures", "measures"],
    junk: junkAfter("##paidbegin##", "2.统筹协调的能力"),
    placeholder: replaceIn("根据会议安排", "收集到意见建议9条", "收集到意见建议xx条"),
    gap: { rule: "numbering-sequence", inject: replaceIn("（二）在履职尽责方面", "（二）", "（三）") },
    missing: drop("二、存在问题的原因", "针对以上问题", "一、持续强化理论武装"),
    comma: replaceIn("对未按期完成的2项民生实事", "，倒排工期", ",倒排工期"),
  },
  {
    file: "team-review-annual.txt",
    type: "team-review",
    roles: ["preparation", "last-rectification", "problems", "causes", "measures"],
    junk: junkAfter("仅供参考学习，禁止外传，用后删除", "（三）在落实全面从严治党责任方面"),
    placeholder: replaceIn("为开好这次民主生活会", "共收集到26条", "共收集到××条"),
    gap: { rule: "enumeration", inject: replaceIn("二是理论联系实际", "二是", "三是") },
    // An annual meeting: the last meeting's rectification is required.
    missing: drop("二、上年度民主生活会", "三、存在的问题", "二、存在的问题", [
      ["三、", "二、"],
      ["四、", "三、"],
      ["五、", "四、"],
    ]),
    comma: replaceIn("（二）在推动高质量发展方面", "，特色种养业", ",特色种养业"),
  },
  {
    file: "team-review-special.txt",
    type: "team-review",
    roles: ["preparation", "problems", "causes", "measures"],
    junk: junkAfter("仅供学习 禁止外传", "（一）贯彻落实党中央决策部署"),
    placeholder: replaceIn("根据市委巡察办", "市委第三巡察组", "市委第X巡察组"),
    gap: { rule: "numbering-sequence", inject: replaceIn("2.压紧压实", "2.", "3.") },
    missing: drop("三、产生问题的根源", "四、整改措施", "三、整改措施", [["四、", "三、"]]),
    comma: replaceIn("（三）干部队伍建设方面", "，个别岗位", ",个别岗位"),
  },
  {
    file: "speech-mobilization-di.txt",
    type: "speech-mobilization",
    roles: ["awareness", "tasks", "leadership"],
    junk: junkAfter("仅供学习交流 请勿外传", "第一，整改是必须完成的政治任务"),
    placeholder: replaceIn("2026年1月20日", "2026年1月20日", "X年X月X日"),
    gap: { rule: "enumeration", inject: replaceIn("第二，要突出重点", "第二，", "第三，") },
    missing: drop("同志们，巡视整改时间紧", null, null),
    comma: replaceIn("第三，整改是锤炼干部作风", "，各级领导干部", ",各级领导干部"),
  },
  {
    file: "speech-mobilization-yao.txt",
    type: "speech-mobilization",
    roles: ["awareness", "tasks", "methods", "leadership"],
    junk: junkAfter("【会员专享资料，严禁外传】", "二要主动认领"),
    placeholder: replaceIn("一要抓好集体", "全镇18个村", "全镇某某村"),
    gap: { rule: "enumeration", inject: replaceIn("二要抓好惠民政策落实", "二要", "三要") },
    missing: drop("同志们，巡察整改是一次", null, null),
    comma: replaceIn("镇党委书记是整改工作第一责任人", "，要带头", ",要带头"),
  },
  {
    file: "speech-mobilization-seq.txt",
    type: "speech-mobilization",
    roles: ["awareness", "tasks", "methods"],
    junk: junkAfter("仅供学习 禁止外传 用后删除", "1.在党的领导方面"),
    placeholder: replaceIn("对巡视反馈的3个方面", "分解为46项具体任务", "分解为【X】项具体任务"),
    gap: { rule: "numbering-sequence", inject: replaceIn("2.在全面从严治党方面", "2.", "3.") },
    missing: drop("同志们，抓好巡视整改", null, null),
    comma: replaceIn("巡视组在集团工作", "，反馈的意见", ",反馈的意见"),
  },
  {
    file: "speech-guidance-runs.txt",
    type: "speech-guidance",
    roles: ["evaluation", "evaluation", "evaluation", "requirements", "requirements", "requirements"],
    junk: junkAfter("仅供学习 禁止外传 用后删除", "二是查摆问题比较深刻"),
    placeholder: replaceIn("今天，市司法局党组", "市司法局党组", "XX局党组"),
    gap: { rule: "enumeration", inject: replaceIn("第二，要建立健全", "第二，", "第三，") },
    missing: drop("我就讲这些", null, null),
    comma: replaceIn("三是批评辣味比较足", "，提出的批评意见", ",提出的批评意见"),
  },
  {
    file: "speech-guidance-headings.txt",
    type: "speech-guidance",
    roles: ["evaluation", "requirements"],
    junk: junkAfter("【会员资料仅供内部交流使用，严禁外传】", "（二）查摆问题具体深入"),
    placeholder: replaceIn("（一）准备工作扎实充分", "征求意见建议43条", "征求意见建议XX条"),
    gap: { rule: "numbering-sequence", inject: replaceIn("（二）要扎实抓好问题整改", "（二）", "（三）") },
    missing: drop("同志们，教育事关千家万户", null, null),
    comma: replaceIn("（三）相互批评坦诚中肯", "，被批评的同志", ",被批评的同志"),
  },
  {
    file: "rectification-report-progress.txt",
    type: "rectification-report",
    roles: ["organization", "progress", "remaining", "next-steps"],
    junk: junkAfter("仅供学习 禁止外传 用后删除", "（一）关于贯彻落实新发展理念"),
    placeholder: replaceIn("2025年10月15日", "指出4个方面16个问题", "指出X个方面XX个问题"),
    gap: { rule: "numbering-sequence", inject: replaceIn("（三）关于选人用人", "（三）", "（四）") },
    missing: drop("一、组织领导情况", "二、整改进展情况", "一、整改进展情况", [
      ["二、", "一、"],
      ["三、", "二、"],
      ["四、", "三、"],
    ]),
    comma: replaceIn("（四）关于基层党组织建设", "，督促4个支部", ",督促4个支部"),
  },
  {
    file: "rectification-report-fullwidth.txt",
    type: "rectification-report",
    roles: ["organization", "progress", "next-steps"],
    junk: junkAfter("仅供学习 禁止外传 用后删除", "2.针对校园食品安全"),
    placeholder: replaceIn("根据区委统一部署", "区委第五巡察组于", "某某巡察组于"),
    gap: { rule: "numbering-sequence", inject: replaceIn("（二）关于党风廉政建设", "（二）", "（三）") },
    // Without 特此报告 the closing is missing; it is reported at the last line.
    missing: (l) => {
      const r = drop("特此报告", "中共区市场监督管理局党组", null)(l);
      return { ...r, paragraph: r.lines.length - 1 };
    },
    comma: replaceIn("局党组把巡察整改作为一项严肃", "，先后召开", ",先后召开"),
  },
];

describe("realistic clean documents", () => {
  test("there are at least ten, covering every type", () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".txt"));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(new Set(DOCS.map((d) => d.type)).size).toBe(5);
    expect(files.sort()).toEqual(DOCS.map((d) => d.file).sort());
  });

  test.each(DOCS.map((d) => [d.file, d] as const))("%s: its type, its sections' roles, no errors", (_f, d) => {
    const doc = parse(load(d.file));
    expect(doc.type.id).toBe(d.type);
    expect(doc.headings.map((h) => h.role)).toEqual(d.roles);
    const errors = checkDocument(doc).filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.rule} ${f.paragraph} ${f.message}`)).toEqual([]);
  });
});

describe("must-catch defects injected into realistic documents", () => {
  const cases: [string, string, string, (l: string[]) => Injected, DocTypeId][] = [];
  for (const d of DOCS) {
    cases.push([d.file, "junk", "junk", d.junk, d.type]);
    cases.push([d.file, "placeholder", "placeholder", d.placeholder, d.type]);
    cases.push([d.file, "numbering gap", d.gap.rule, d.gap.inject, d.type]);
    cases.push([d.file, "missing section", "missing-section", d.missing, d.type]);
    cases.push([d.file, "half-width comma", "punctuation", d.comma, d.type]);
  }
  test.each(cases)("%s: %s found by %s at its paragraph", (file, what, rule, inject, type) => {
    const { lines, paragraph } = inject(load(file));
    const doc = parse(lines);
    // The defect does not change what the document is.
    expect(doc.type.id).toBe(type);
    const found = checkDocument(doc).filter((f) => f.rule === rule);
    expect(found.map((f) => f.paragraph)).toContain(paragraph);
    // Careless defects are errors; a half-width comma is a typesetting warning with a fix.
    const here = found.filter((f) => f.paragraph === paragraph);
    if (what === "half-width comma") {
      expect(here.some((f) => f.fix?.text === "，")).toBe(true);
    } else {
      expect(here.some((f) => f.severity === "error")).toBe(true);
    }
  });
});
