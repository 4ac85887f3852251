// Document type detection from the title, salutation, lead-in sentences, closing and section roles together.
import { DOC_TYPE_IDS, docTypeName, type DocTypeId, type Role } from "../model";
import type { Heading } from "./parseDocument";

export interface TypeGuess {
  id: DocTypeId;
  confidence: number;
  scores: Record<DocTypeId, number>;
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
}

const TITLE_SIGNALS: Signal[] = [
  { type: "personal-review", weight: 3, re: /个人|本人|发言提纲|检视剖析材料/ },
  { type: "personal-review", weight: 2, re: /对照检查(材料)?|发言材料/ },
  { type: "team-review", weight: 5, re: /班子/ },
  { type: "speech-mobilization", weight: 3, re: /动员|部署|推进会|整改工作会|工作会议/ },
  { type: "speech-mobilization", weight: 2, re: /讲话|致辞/ },
  { type: "speech-guidance", weight: 4, re: /点评|指导|总结讲话/ },
  { type: "speech-guidance", weight: 2, re: /讲话|致辞/ },
  { type: "rectification-report", weight: 5, re: /报告$|情况的报告|进展情况|落实情况/ },
];

const BODY_SIGNALS: Signal[] = [
  { type: "team-review", weight: 5, re: /我代表.{0,16}班子|代表.{0,10}(领导)?班子(作|进行)?(对照检查|检视剖析)/ },
  { type: "team-review", weight: 1, re: /班子成员|领导班子|我们班子|班子在/ },
  { type: "personal-review", weight: 2, re: /现将(个人|本人|我).{0,20}(如下|报告)|结合个人|我个人|本人/ },
  { type: "personal-review", weight: 2, re: /以上是我|请各位(同志|领导)|欢迎.{0,8}批评|敬请.{0,10}批评指正|请.{0,10}批评指正/ },
  { type: "team-review", weight: 2, re: /以上.{0,6}(班子)?对照检查.{0,8}(敬请|请)/ },
  { type: "speech-mobilization", weight: 3, re: /动员|部署会|照单全收|整改工作(动员|部署)|全面启动/ },
  { type: "speech-mobilization", weight: 2, re: /我讲.{1,3}点意见|讲几点意见|提.{1,3}点要求/ },
  { type: "speech-guidance", weight: 4, re: /(这次|今天的|本次)(专题)?民主生活会.{0,20}(开得|很成功|达到了|是一次|准备充分)|准备充分|查摆深刻|批评有力|整改有方/ },
  { type: "speech-guidance", weight: 2, re: /几点感受|点感受|我就讲这些|再强调|提几点希望|点评/ },
  { type: "rectification-report", weight: 5, re: /特此报告/ },
  { type: "rectification-report", weight: 3, re: /已完成.{0,4}[0-9０-９【X一二三四五六七八九十]+.{0,3}个|整改完成率|现将.{0,30}整改.{0,10}情况报告如下|整改落实情况报告如下/ },
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

export function detectType(ev: TypeEvidence): TypeGuess {
  const scores = Object.fromEntries(DOC_TYPE_IDS.map((t) => [t, 0])) as Record<DocTypeId, number>;
  const title = ev.title >= 0 ? ev.texts[ev.title] : "";
  const add = (signals: Signal[], text: string) => {
    for (const s of signals) if (s.re.test(text)) scores[s.type] += s.weight;
  };
  add(TITLE_SIGNALS, title);
  if (ev.salutation >= 0 && /同志/.test(ev.texts[ev.salutation])) {
    scores["speech-mobilization"] += 2;
    scores["speech-guidance"] += 2;
  }
  if (ev.salutation >= 0 && /组[：:]$|委员会[：:]$/.test(ev.texts[ev.salutation])) scores["rectification-report"] += 3;
  // Lead-in sentences and the closing carry most of the genre's voice; sample them, not the whole text.
  const sample: string[] = [];
  for (let i = ev.preambleStart; i < Math.min(ev.preambleEnd, ev.preambleStart + 12); i++) sample.push(ev.texts[i]);
  if (ev.closing >= 0) for (let i = ev.closing; i < Math.min(ev.texts.length, ev.closing + 4); i++) sample.push(ev.texts[i]);
  for (const h of ev.roots) sample.push(ev.texts[h.paragraph].slice(0, 120));
  add(BODY_SIGNALS, sample.join("\n"));

  // First person: a personal review says 我 far more than 我们.
  const body = ev.texts.slice(ev.preambleStart, Math.min(ev.texts.length, ev.preambleStart + 400)).join("");
  const wo = (body.match(/我(?!们)|本人/g) ?? []).length;
  const women = (body.match(/我们|班子/g) ?? []).length;
  if (wo > 8 && wo > women * 1.5) scores["personal-review"] += 2;
  if (women > 8 && women > wo * 1.5) scores["team-review"] += 1;

  for (const type of DOC_TYPE_IDS) {
    ev.rolesFor(type);
    const roles = new Set(ev.roots.map((h) => h.role).filter((r): r is Role => !!r));
    for (const r of roles) scores[type] += ROLE_WEIGHTS[r]?.[type] ?? 0;
  }
  // A review needs its three core sections; a speech with them is a self-criticism read aloud.
  let best: DocTypeId = DOC_TYPE_IDS[0];
  for (const t of DOC_TYPE_IDS) if (scores[t] > scores[best]) best = t;
  const total = DOC_TYPE_IDS.reduce((s, t) => s + Math.exp(scores[t] / 2), 0);
  const confidence = Math.round((Math.exp(scores[best] / 2) / total) * 100) / 100;
  return { id: best, confidence: scores[best] > 0 ? confidence : 0, scores };
}

export { docTypeName };
