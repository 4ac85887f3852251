// Whole documents: our clean fixture of each type gives no errors; one injected defect per rule is found at its paragraph.
import { ALL_RULES } from "../../../src/core/check/rules";
import { checkDocument } from "../../../src/core/check/engine";
import { applyFixes } from "../../../src/core/check/applyFixes";
import type { Paragraph } from "../../../src/core/model";
import { fixesOf, fixture, parse } from "./helpers";

const TYPES = ["personal-review", "team-review", "speech-mobilization", "speech-guidance", "rectification-report"] as const;

describe("clean documents", () => {
  test.each(TYPES)("%s: detected as its type, no errors, no warnings", (type) => {
    const doc = parse(fixture(`${type}.txt`));
    expect(doc.type.id).toBe(type);
    const found = checkDocument(doc);
    expect(found.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.paragraph} ${f.message}`)).toEqual([]);
    expect(found.map((f) => `${f.rule} ${f.paragraph} ${f.message}`)).toEqual([]);
  });
});

/** Replace the first line starting with `start` (or equal to it) by `by` (several lines allowed, or none). */
function edit(lines: string[], start: string, by: string[] | ((l: string) => string)): string[] {
  const i = lines.findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line starting with ${start}`);
  const repl = typeof by === "function" ? [by(lines[i])] : by;
  return [...lines.slice(0, i), ...repl, ...lines.slice(i + 1)];
}
const at = (lines: string[], start: string) => lines.findIndex((l) => l.startsWith(start));

interface Injection {
  rule: string;
  base: (typeof TYPES)[number];
  inject: (lines: string[]) => string[];
  /** The line (by its start) where the finding must be. */
  where: string;
  /** Text of that line to format as hidden (Word's w:vanish, as the .docx reader marks it). */
  hide?: string;
}

const personalWithoutCauses = (l: string[]) => {
  const from = at(l, "二、原因分析");
  const to = at(l, "三、整改措施");
  return [...l.slice(0, from), ...l.slice(to)].map((x) => x.replace(/^三、整改措施/, "二、整改措施"));
};

const INJECTIONS: Injection[] = [
  { rule: "missing-section", base: "personal-review", inject: personalWithoutCauses, where: "二、整改措施" },
  {
    rule: "section-order",
    base: "team-review",
    inject: (l) => {
      const c0 = at(l, "三、问题产生的原因分析");
      const m0 = at(l, "四、整改措施");
      const end = l.length - 1;
      const causes = l.slice(c0, m0).map((x) => x.replace(/^三、/, "四、"));
      const measures = l.slice(m0, end).map((x) => x.replace(/^四、/, "三、"));
      return [...l.slice(0, c0), ...measures, ...causes, l[end]];
    },
    where: "四、问题产生的原因分析",
  },
  { rule: "numbering-sequence", base: "personal-review", inject: (l) => edit(l, "（三）工作作风", (x) => x.replace("（三）", "（四）")), where: "（四）工作作风" },
  {
    rule: "numbering-hierarchy",
    base: "personal-review",
    inject: (l) => edit(l, "1.学习的计划性不强", (x) => [x, "（一）自学时间偏少。", "（二）读书笔记不全。"].join("\n")).join("\n").split("\n"),
    where: "（一）自学时间偏少",
  },
  { rule: "numbering-format", base: "team-review", inject: (l) => edit(l, "（二）压紧压实", (x) => x.replace("（二）", "（二）、")), where: "（二）、压紧压实" },
  { rule: "enumeration", base: "team-review", inject: (l) => edit(l, "（三）作风建设方面", (x) => x.replace("二是", "三是")), where: "（三）作风建设方面" },
  { rule: "placeholder", base: "speech-mobilization", inject: (l) => edit(l, "省委第三巡视组", (x) => x.replace("省委第三巡视组", "省委第XX巡视组")), where: "省委第XX巡视组" },
  { rule: "typo", base: "rectification-report", inject: (l) => edit(l, "局党组成立", (x) => x.replace("逐项制定", "逐项制订").replace("责任领导", "责任领导和帐目")), where: "局党组成立" },
  { rule: "formulation", base: "speech-guidance", inject: (l) => edit(l, "班子要把整改", (x) => x.replace("“两个维护”", "“两个维护”、坚定理论自信、道路自信、制度自信")), where: "班子要把整改" },
  { rule: "punctuation", base: "speech-guidance", inject: (l) => edit(l, "会上查摆的问题", (x) => x.replace("，明确时限", ",明确时限")), where: "会上查摆的问题" },
  { rule: "junk", base: "team-review", inject: (l) => edit(l, "以上对照检查", (x) => [x, "仅供学习 禁止外传"].join("\n")).join("\n").split("\n"), where: "仅供学习" },
  {
    rule: "coverage",
    base: "personal-review",
    inject: (l) => edit(l, "需要说明的有关情况", (x) => ["（四）意识形态阵地管理不严。", x].join("\n")).join("\n").split("\n"),
    where: "（四）意识形态阵地管理不严",
  },
  // A zero-width space pasted before a heading marker: found, and the heading still read (no numbering findings).
  { rule: "invisible-chars", base: "personal-review", inject: (l) => edit(l, "（三）工作作风", (x) => `\u200b${x}`), where: "\u200b（三）工作作风" },
  { rule: "hidden-text", base: "team-review", inject: (l) => edit(l, "以上对照检查", (x) => `${x}此句已隐藏。`), where: "以上对照检查", hide: "此句已隐藏。" },
];

describe("injected defects", () => {
  test("every rule has a short, distinct Chinese name for the pane", () => {
    const names = ALL_RULES.map((r) => r.meta.name);
    expect(new Set(names).size).toBe(ALL_RULES.length);
    for (const n of names) expect(n).toMatch(/^[\u4e00-\u9fff]{2,8}$/);
  });
  test("every rule has an injection", () => {
    expect(new Set(INJECTIONS.map((i) => i.rule))).toEqual(new Set(ALL_RULES.map((r) => r.meta.id)));
  });
  test.each(INJECTIONS.map((i) => [i.rule, i] as const))("%s", (rule, inj) => {
    const lines = inj.inject(fixture(`${inj.base}.txt`));
    const where = at(lines, inj.where);
    const doc = parse(lines);
    if (inj.hide) {
      const text = lines[where];
      (doc.paragraphs[where] as Paragraph).hidden = [[text.indexOf(inj.hide), inj.hide.length]];
    }
    const found = checkDocument(doc);
    expect(where).toBeGreaterThanOrEqual(0);
    expect(found.filter((f) => f.rule === rule).map((f) => f.paragraph)).toContain(where);
    // Nothing else is disturbed: the only findings are the injected rule's.
    expect([...new Set(found.map((f) => f.rule))]).toEqual([rule]);
    // Where a fix is offered, applying it gives back a document clean of that rule's errors.
    const fixes = fixesOf(found);
    if (fixes.length) {
      const after = applyFixes(lines, fixes).texts;
      expect(checkDocument(parse(after)).filter((f) => f.rule === rule && f.fix)).toEqual([]);
    }
  });
});

describe("speed", () => {
  // A smoke test against accidental quadratic work; the timing budget itself is checked by `npm run bench`.
  test("10,000 paragraphs are checked in well under a second of CPU time", () => {
    const base = fixture("personal-review.txt");
    const body = base.slice(1, -1);
    const lines = [base[0]];
    for (let k = 0; lines.length < 10000; k++) lines.push(...body.map((l) => (k % 2 ? l.replace(/。$/, `，共${k}项。`) : l)));
    lines.push(base[base.length - 1]);
    const doc = parse(lines);
    checkDocument(doc);
    checkDocument(doc);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = process.cpuUsage();
      checkDocument(doc);
      const d = process.cpuUsage(t);
      best = Math.min(best, (d.user + d.system) / 1000);
    }
    expect(best).toBeLessThan(600);
  });
});
