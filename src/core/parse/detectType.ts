// Document type detection from the title, salutation, lead-in sentences, closing and section roles together.
import { DOC_TYPE_IDS, docTypeName, type DocTypeId, type Role } from "../model";
import type { Heading } from "./parseDocument";

export interface TypeGuess {
  id: DocTypeId;
  confidence: number;
  scores: Record<DocTypeId, number>;
  /** The signals that decided the type, strongest first, in Chinese (“称呼‘同志们’”, “正文报告已完成整改的数目”). */
  reasons: string[];
}

export interface TypeEvidence {
  texts: string[];
  title: number;
  salutation: number;
  preambleStart: number;
  preambleEnd: number;
  closing: number;
  roots: Heading[];
  rolesFor: (type: DocTypeId) => void;
}

interface Signal {
  type: DocTypeId;
  weight: number;
  re: RegExp;
  /** What the signal is, for the explanation. */
  label?: string;
}

const TITLE_SIGNALS: Signal[] = [
  { type: "personal-review", weight: 3, re: /个人|本人|发言提纲|检视剖析材料/, label: "标题是个人材料" },
  { type: "personal-review", weight: 2, re: /对照检查(材料)?|发言材料/, label: "标题含“对照检查”" },
  { type: "team-review", weight: 5, re: /班子/, label: "标题含“班子”" },
  { type: "speech-mobilization", weight: 3, re: /动员|部署|推进会|整改工作会|工作会议/, label: "标题是动员部署会" },
  { type: "speech-mobilization", weight: 2, re: /讲话|致辞/, label: "标题含“讲话”" },
  { type: "speech-guidance", weight: 4, re: /点评|指导|总结讲话/, label: "标题含“点评/指导”" },
  { type: "speech-guidance", weight: 2, re: /讲话|致辞/, label: "标题含“讲话”" },
  { type: "rectification-report", weight: 5, re: /报告$|情况的报告|进展情况|落实情况/, label: "标题是情况报告" },
];

const BODY_SIGNALS: Signal[] = [
  { type: "team-review", weight: 5, re: /我代表.{0,16}班子|代表.{0,10}(领导)?班子(作|进行)?(对照检查|检视剖析)/, label: "“代表班子作对照检查”" },
  { type: "team-review", weight: 1, re: /班子成员|领导班子|我们班子|班子在/, label: "多处说“班子”" },
  { type: "personal-review", weight: 2, re: /现将(个人|本人|我).{0,20}(如下|报告)|结合个人|我个人|本人/, label: "“现将个人……报告如下”" },
  { type: "personal-review", weight: 2, re: /以上是我|请各位(同志|领导)|欢迎.{0,8}批评|敬请.{0,10}批评指正|请.{0,10}批评指正/, label: "结尾请同志们批评指正" },
  { type: "team-review", weight: 2, re: /以上.{0,6}(班子)?对照检查.{0,8}(敬请|请)/, label: "结尾“以上对照检查，敬请……”" },
  { type: "speech-mobilization", weight: 3, re: /动员|部署会|照单全收|整改工作(动员|部署)|全面启动/, label: "动员部署、照单全收" },
  // Who speaks: the unit's own secretary deploying the work speaks for its 党组/党委.
  { type: "speech-mobilization", weight: 3, re: /我代表(?:[局院厅委办校所站]|公司|中心|集团)?党(?:组|委)(?!.{0,6}(?:作|进行)(?:对照检查|检视))|(?:[局院厅]|公司)?党(?:组|委)(?:研究决定|决定|专门召开)/, label: "讲话人代表本单位党组（党委）部署" },
  { type: "speech-mobilization", weight: 2, re: /我讲.{1,3}点意见|讲几点意见|提.{1,3}点要求/, label: "“我讲几点意见”" },
  { type: "speech-guidance", weight: 4, re: /(这次|今天的|本次)(专题)?民主生活会.{0,20}(开得|很成功|达到了|是一次|准备充分)|准备充分|查摆深刻|批评有力|整改有方/, label: "评价这次民主生活会" },
  // Who speaks: the superior sent to attend, evaluating the meeting.
  { type: "speech-guidance", weight: 4, re: /受.{1,8}(?:委托|委派)|我(?:全程)?(?:参加|列席)了.{0,24}(?:民主生活会|会议)|(?:这次|今天的|本次)(?:会议|民主生活会).{0,16}(?:是认真的|是成功的|达到了预期)|达到了预期(?:目的|效果)/, label: "讲话人是到会指导的上级，评价会议" },
  { type: "speech-guidance", weight: 3, re: /刚才[，,][^。]{0,40}(?:作了|进行了)[^。]{0,8}(?:对照检查|个人发言|检视剖析)|(?:对照检查|查摆问题|相互批评|批评和自我批评)(?:是|比较|很|都很)(?:认真|深刻|具体|诚恳|到位)/, label: "讲话人评价刚才的对照检查" },
  { type: "speech-guidance", weight: 2, re: /几点感受|点感受|我就讲这些|再强调|提几点希望|点评/, label: "谈感受、提希望" },
  { type: "rectification-report", weight: 5, re: /特此报告/, label: "“特此报告”" },
  { type: "rectification-report", weight: 3, re: /已完成.{0,4}[0-9０-９【X一二三四五六七八九十]+.{0,3}个|整改完成率|现将.{0,30}整改.{0,10}情况报告如下|整改落实情况报告如下/, label: "报告整改完成数" },
];

const ROLE_WEIGHTS: Partial<Record<Role, Partial<Record<DocTypeId, number>>>> = {
  problems: { "personal-review": 2, "team-review": 2 },
  causes: { "personal-review": 3, "team-review": 3 },
  measures: { "personal-review": 2, "team-review": 2 },
  "personal-matters": { "personal-review": 4 },
  preparation: { "team-review": 3 },
  "last-rectification": { "team-review": 3 },
  awareness: { "speech-mobilization": 2 },
  tasks: { "speech-mobilization": 2 },
  methods: { "speech-mobilization": 1 },
  integration: { "speech-mobilization": 1 },
  leadership: { "speech-mobilization": 2 },
  evaluation: { "speech-guidance": 4 },
  organization: { "rectification-report": 1 },
  progress: { "rectification-report": 3 },
  remaining: { "rectification-report": 1 },
  "next-steps": { "rectification-report": 2 },
};

/** Completed rectification with a count: 已完成整改十四个, 已落实四十三条, 已办结7件. */
const COMPLETED = /已(?:全部)?(?:完成|落实|整改|办结|销号|清退|追缴)(?:整改)?(?:到位)?[0-9０-９一二三四五六七八九十百两]+(?:个|项|条|件|起|人|名)/g;
/** A speech's own voice: remarks on what was just said, the points announced, points as 一要/二要 or 第一，. */
const JUST_NOW = /(?:^|[。！？])\s*刚才[，,]/;
const POINTS_ANNOUNCED = /(?:我|再)(?:讲|提|强调).{0,3}(?:几|[两二三四五六七八九十])点(?:意见|要求)|讲(?:几|[两二三四五六七八九十])点意见/;
const ROLE_LABEL: Partial<Record<Role, string>> = {
  problems: "有“问题”部分",
  causes: "有“原因”部分",
  measures: "有“措施”部分",
  "personal-matters": "有“需要说明的有关情况”",
  preparation: "有“会前准备”部分",
  "last-rectification": "有“上次整改落实情况”部分",
  awareness: "有“提高认识”要点",
  tasks: "有“整改任务”要点",
  leadership: "有“组织领导”要点",
  methods: "有“方法机制”要点",
  integration: "有“统筹结合”要点",
  requirements: "有要求要点",
  organization: "有“组织推进”部分",
  remaining: "有“存在的不足”部分",
  background: "有“基本情况”部分",
  evaluation: "有对会议的评价",
  progress: "有逐项整改情况",
  "next-steps": "有“下一步打算”",
};

export function detectType(ev: TypeEvidence): TypeGuess {
  const scores = Object.fromEntries(DOC_TYPE_IDS.map((t) => [t, 0])) as Record<DocTypeId, number>;
  const why = Object.fromEntries(DOC_TYPE_IDS.map((t) => [t, new Map<string, number>()])) as Record<DocTypeId, Map<string, number>>;
  const give = (type: DocTypeId, weight: number, label: string) => {
    scores[type] += weight;
    why[type].set(label, (why[type].get(label) ?? 0) + weight);
  };
  const title = ev.title >= 0 ? ev.texts[ev.title] : "";
  const add = (signals: Signal[], text: string) => {
    for (const s of signals) if (s.re.test(text)) give(s.type, s.weight, s.label ?? "");
  };
  add(TITLE_SIGNALS, title);
  const salutation = ev.salutation >= 0 ? ev.texts[ev.salutation] : "";
  if (/同志/.test(salutation)) {
    give("speech-mobilization", 2, "称呼“同志们”");
    give("speech-guidance", 2, "称呼“同志们”");
  }
  if (/组[：:]$|委员会[：:]$/.test(salutation)) give("rectification-report", 3, "主送巡视（巡察）组或上级党委");
  // Lead-in sentences and the closing carry most of the genre's voice; sample them, not the whole text.
  const sample: string[] = [];
  for (let i = ev.preambleStart; i < Math.min(ev.preambleEnd, ev.preambleStart + 12); i++) sample.push(ev.texts[i]);
  if (ev.closing >= 0) for (let i = ev.closing; i < Math.min(ev.texts.length, ev.closing + 4); i++) sample.push(ev.texts[i]);
  for (const h of ev.roots) sample.push(ev.texts[h.paragraph].slice(0, 120));
  const sampled = sample.join("\n");
  add(BODY_SIGNALS, sampled);

  // First person: a personal review says 我 far more than 我们.
  const bodyTexts = ev.texts.slice(ev.preambleStart, Math.min(ev.texts.length, ev.preambleStart + 400));
  const body = bodyTexts.join("");
  const wo = (body.match(/我(?!们)|本人/g) ?? []).length;
  const women = (body.match(/我们|班子/g) ?? []).length;
  if (wo > 8 && wo > women * 1.5) give("personal-review", 2, "通篇以“我”自述");
  if (women > 8 && women > wo * 1.5) give("team-review", 1, "通篇以“我们”“班子”自述");

  // A text that reports what has been rectified, with counts, is a progress report whatever its title says.
  const completed = (body.match(COMPLETED) ?? []).length;
  if (completed >= 2) give("rectification-report", 7, `正文报告已完成的整改及数目（${completed}处）`);
  else if (completed === 1) give("rectification-report", 1, "正文报告已完成的整改及数目");

  // A speech's voice (刚才……, 我讲几点意见, points as 一要/第一，): a speech is never a review material.
  let voice = 0;
  const voiced: string[] = [];
  if (ev.texts.slice(ev.preambleStart, ev.preambleEnd).some((t) => JUST_NOW.test(t))) {
    voice++;
    voiced.push("开头“刚才……”");
  }
  if (POINTS_ANNOUNCED.test(sampled)) {
    voice++;
    voiced.push("“我讲几点意见”");
  }
  if (ev.roots.filter((h) => h.source === "run-in" && (h.style === "yao" || h.style === "di")).length >= 2) {
    voice++;
    voiced.push("要点以“一要/第一，”领起");
  }
  if (voice >= 2) {
    for (const t of ["personal-review", "team-review"] as const) scores[t] -= 8;
    const label = `讲话口吻（${voiced.join("、")}）`;
    give("speech-mobilization", 1, label);
    give("speech-guidance", 1, label);
  }

  for (const type of DOC_TYPE_IDS) {
    ev.rolesFor(type);
    const roles = new Set(ev.roots.map((h) => h.role).filter((r): r is Role => !!r));
    for (const r of roles) {
      const w = ROLE_WEIGHTS[r]?.[type] ?? 0;
      if (w) give(type, w, ROLE_LABEL[r] ?? `有“${r}”部分`);
    }
  }
  let best: DocTypeId = DOC_TYPE_IDS[0];
  for (const t of DOC_TYPE_IDS) if (scores[t] > scores[best]) best = t;
  const total = DOC_TYPE_IDS.reduce((s, t) => s + Math.exp(scores[t] / 2), 0);
  const confidence = Math.round((Math.exp(scores[best] / 2) / total) * 100) / 100;
  const reasons = [...why[best].entries()].filter(([l, w]) => l && w > 0).sort((a, b) => b[1] - a[1]).map(([l]) => l);
  if (voice >= 2 && !best.startsWith("speech")) reasons.push(`虽有讲话口吻（${voiced.join("、")}）`);
  return { id: best, confidence: scores[best] > 0 ? confidence : 0, scores, reasons: scores[best] > 0 ? reasons : [] };
}

export { docTypeName };
