/**
 * 结构：整改措施要逐条回应查摆出的问题（对号施策）：找出可能没有对应措施的问题、可能没有对应问题的措施。一条措施可以回应
 * 几个问题（多对一）；措施里重复了问题的关键说法，就算回应了它。
 */
import type { Role } from "../../model";
import { displayMarker, type Heading, type ParsedDocument } from "../../parse/parseDocument";
import type { Rule } from "../types";
import { numberedTree, paragraphText } from "./common";

/** Topic groups of the genre: two headings about the same group are about the same thing. */
const TOPICS: [string, RegExp][] = [
  ["理论学习", /学习|理论|武装|学懂|悟透|研读|读书|创新理论|学深/],
  ["政治建设", /政治|两个维护|四个意识|站位|决策部署|令行禁止|看齐|大局/],
  ["主体责任", /主体责任|管党治党|从严治党|一岗双责|两个责任|压力传导|第一责任|责任制|压实责任/],
  ["作风建设", /作风|形式主义|官僚主义|四风|调研|调查研究|深入基层|务实|文山会海|留痕|效率|效能|落实不力|抓落实/],
  ["意识形态", /意识形态|舆论|宣传|阵地|网评|网络/],
  ["基层党建", /党建|支部|组织生活|三会一课|党员教育|基层党组织|组织建设|党组织/],
  ["廉洁自律", /廉洁|廉政|八项规定|纪律|规矩|自律|腐败|节约|勤俭|艰苦奋斗|奢靡|公车|接待|遵规守纪/],
  ["担当作为", /担当|作为|干事|创业|攻坚|斗争|敢于|锐气|劲头|精气神|进取|尽责/],
  ["群众宗旨", /群众|为民|民生|宗旨|服务|人民|密切联系|急难愁盼/],
  ["队伍建设", /队伍|干部|人才|选人用人|班子建设|梯队|年轻/],
  ["安全稳定", /安全|风险|隐患|防控|疫情|稳定/],
  ["巡视整改", /整改|巡视|巡察|反馈|销号|回头看/],
  ["制度机制", /制度|机制|议事|决策程序|民主集中制|规则|程序|规范/],
  ["改革发展", /发展|改革|创新|高质量|经济|转型|营商/],
  ["党性修养", /党性|修养|锤炼|锻炼|初心|使命|理想信念|信念/],
  ["财务管理", /财务|资金|预算|经费|账|资产|采购|报销/],
];

/** Bigrams that every heading has ("不够", "加强"): they say nothing about the topic. */
const STOP = new Set(
  "方面 工作 不够 不到 到位 加强 进一步 一步 问题 存在 提高 强化 切实 深入 有待 不强 不足 不高 不严 不实 还不 坚持 持续 扎实 认真 全面 推进 落实 意识 能力 水平 有所 不力 不深 不细 建设 做好 抓好 推动 着力 努力 以上 方向 措施 整改 情况 主要 差距 仍有 还有 有效 自觉 进一 一些 要求".split(" "),
);
const THRESHOLD = 2;
/** How much of a leaf's body text counts towards its topics. */
const BODY_CHARS = 80;
/** More items than any real document has: the outline was not understood, and pairing would be noise (and slow). */
const MAX_ITEMS = 40;

interface Item {
  h: Heading;
  topics: Set<string>;
  bigrams: Set<string>;
  /** The item's heading titles without markers, trailing 方面 and punctuation: where a problem's key phrases are. */
  core: string;
  /** Titles and the start of the body text: where a measure may repeat a problem's key phrase. */
  text: string;
}

/** A problem's phrase this long (Han characters) found again in a measure means the measure answers it. */
const KEY_PHRASE = 5;

/** Children as the context implies them (a misplaced （一） under 1. stays with its item, not with the section). */
function childrenMap(doc: ParsedDocument): Map<Heading, Heading[]> {
  const m = new Map<Heading, Heading[]>();
  for (const n of numberedTree(doc)) {
    if (!n.parent) continue;
    const l = m.get(n.parent.h);
    if (l) l.push(n.h);
    else m.set(n.parent.h, [n.h]);
  }
  return m;
}

function itemsOf(doc: ParsedDocument, role: Role, children: Map<Heading, Heading[]>): Heading[] {
  const tops = doc.headings.filter((h) => h.role === role);
  if (tops.length > 1) return tops;
  return tops[0] ? (children.get(tops[0]) ?? []) : [];
}

function describe(doc: ParsedDocument, h: Heading, children: Map<Heading, Heading[]>): Item {
  const titles: string[] = [];
  const bodies: string[] = [];
  const headingAt = new Set(doc.flat.map((x) => x.paragraph));
  const walk = (x: Heading) => {
    titles.push(x.title);
    const kids = children.get(x);
    if (kids?.length) {
      kids.forEach(walk);
      return;
    }
    // A leaf says what it is about in its own run-in text, or in the body paragraph right under it (a 1. item's details).
    bodies.push(paragraphText(doc, x.paragraph).slice(x.titleOffset + x.titleLength, x.titleOffset + x.titleLength + BODY_CHARS));
    const next = x.paragraph + 1;
    if (next < doc.paragraphs.length && !headingAt.has(next)) bodies.push(paragraphText(doc, next).slice(0, BODY_CHARS));
  };
  walk(h);
  const all = titles.join("。") + "。" + bodies.join("。");
  const topics = new Set(TOPICS.filter(([, re]) => re.test(all)).map(([t]) => t));
  const bigrams = new Set<string>();
  for (const t of titles) {
    for (let i = 0; i + 1 < t.length; i++) {
      const b = t.slice(i, i + 2);
      if (/^[\u3400-\u9fff]{2}$/.test(b) && !STOP.has(b)) bigrams.add(b);
    }
  }
  const core = titles.map((t) => t.replace(/方面[。．.]?$/, "")).join("。");
  return { h, topics, bigrams, core, text: all };
}

/** Whether `text` repeats a run of KEY_PHRASE Han characters of `core` that is not made of stop words only. */
function repeatsKeyPhrase(core: string, text: string): boolean {
  for (const run of core.match(/[\u3400-\u9fff]{5,}/g) ?? []) {
    for (let i = 0; i + KEY_PHRASE <= run.length; i++) {
      const phrase = run.slice(i, i + KEY_PHRASE);
      if (!text.includes(phrase)) continue;
      let meaningful = false;
      for (let k = 0; k + 1 < phrase.length; k++) if (!STOP.has(phrase.slice(k, k + 2))) meaningful = true;
      if (meaningful) return true;
    }
  }
  return false;
}

/** How strongly measure `m` answers problem `p`: shared topics and title words; a repeated key phrase is enough alone. */
function score(p: Item, m: Item): number {
  let s = 0;
  for (const t of p.topics) if (m.topics.has(t)) s += 2;
  let shared = 0;
  for (const g of p.bigrams) if (m.bigrams.has(g)) shared++;
  s += Math.min(shared, 4);
  return repeatsKeyPhrase(p.core, m.text) ? Math.max(s, THRESHOLD) + 2 : s;
}

function label(h: Heading): string {
  const t = h.title.length > 16 ? h.title.slice(0, 15) + "…" : h.title;
  return displayMarker(h) + t;
}

export const coverage: Rule = {
  meta: {
    id: "coverage",
    name: "问题与措施对应",
    severity: "warning",
    fixable: false,
    description: "整改措施与查摆问题逐条对应：问题要有措施，措施要针对问题",
    messages: {
      problemUnanswered: "问题“{found}”可能未对应整改措施：措施中未见相应内容，请核对（已对应：{pairs}）",
      measureUnrelated: "措施“{found}”可能未对应查摆出的问题，请核对（已对应：{pairs}）",
    },
  },
  check(doc, report) {
    const children = childrenMap(doc);
    const problemHeads = itemsOf(doc, "problems", children);
    const measureHeads = itemsOf(doc, "measures", children);
    if (problemHeads.length < 2 || measureHeads.length < 2) return;
    if (problemHeads.length > MAX_ITEMS || measureHeads.length > MAX_ITEMS) return;
    const problems = problemHeads.map((h) => describe(doc, h, children));
    const measures = measureHeads.map((h) => describe(doc, h, children));
    const scores = problems.map((p) => measures.map((m) => score(p, m)));
    // Each problem pairs with its best measure (many problems may share one measure); on equal evidence, (二) pairs with (二),
    // as writers answer in order more often than not.
    const pairs =
      problems
        .map((p, i) => {
          let best = -1;
          scores[i].forEach((s, j) => {
            if (s < THRESHOLD) return;
            const b = best < 0 ? -1 : scores[i][best] + (best === i ? 0.5 : 0);
            if (s + (j === i ? 0.5 : 0) > b) best = j;
          });
          return best < 0 ? "" : `${displayMarker(p.h)}→${displayMarker(measures[best].h)}`;
        })
        .filter(Boolean)
        .join("，") || "无";
    problems.forEach((p, i) => {
      if (Math.max(...scores[i]) >= THRESHOLD) return;
      report({ messageId: "problemUnanswered", data: { found: label(p.h), pairs }, paragraph: p.h.paragraph, range: [p.h.titleOffset, p.h.titleOffset + p.h.titleLength] });
    });
    measures.forEach((m, j) => {
      if (Math.max(...scores.map((row) => row[j])) >= THRESHOLD) return;
      report({ messageId: "measureUnrelated", data: { found: label(m.h), pairs }, paragraph: m.h.paragraph, range: [m.h.titleOffset, m.h.titleOffset + m.h.titleLength] });
    });
  },
};
