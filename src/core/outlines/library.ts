// The standard outlines of the five types, loaded from src/data/outlines and validated; resolving one for a meeting
// (the text written for that meeting, the year's points as sub-sections, tokens expanded).
import personal from "../../data/outlines/personal-review.json";
import team from "../../data/outlines/team-review.json";
import mobilization from "../../data/outlines/speech-mobilization.json";
import guidance from "../../data/outlines/speech-guidance.json";
import report from "../../data/outlines/rectification-report.json";
import type { DocTypeId } from "../model";
import type { ParsedDocument } from "../parse/parseDocument";
import { pointHeading, shippedFocus, type FocusPoint, type YearFocus } from "./focus";
import { inspectionOf, meetingGroup, meetingYear, MEETING_KIND_IDS, type MeetingGroup, type MeetingKind } from "./meetings";
import { OutlineSchema, type Outline, type OutlineData, type OutlineSection, type OutlineSubsection, type SectionData } from "./schema";

/** The shipped outline files; their schema (schema.ts) is checked by the tests and the CLI build (validate.ts), and parsed once at first use, which fills in its defaults (zod/mini, loaded by the commands that need outlines, never by --help). */
export const OUTLINE_FILES: Record<DocTypeId, unknown> = {
  "personal-review": personal,
  "team-review": team,
  "speech-mobilization": mobilization,
  "speech-guidance": guidance,
  "rectification-report": report,
};

let cache: Map<DocTypeId, OutlineData> | null = null;

/** All outline files, validated once. A data error is a programming error: it throws with the file and the problem. */
export function outlines(): Map<DocTypeId, OutlineData> {
  if (cache) return cache;
  const m = new Map<DocTypeId, OutlineData>();
  for (const [type, raw] of Object.entries(OUTLINE_FILES) as [DocTypeId, unknown][]) {
    const parsed = OutlineSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`提纲库 ${type}.json 数据有误：${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("；")}`);
    if (parsed.data.type !== type) throw new Error(`提纲库 ${type}.json 的 type 字段为 ${parsed.data.type}`);
    m.set(type, parsed.data);
  }
  cache = m;
  return m;
}

export function outlineData(type: DocTypeId): OutlineData {
  const o = outlines().get(type);
  if (!o) throw new Error(`没有类型 ${type} 的提纲`);
  return o;
}

/** The meeting an outline is written for. */
export interface OutlineVariant {
  meeting: MeetingKind;
  /** 其他专题: the 专题名称 (fills the title and the opening); 【专题名称】 when empty. */
  topic?: string;
  /** 学习教育专题: the campaign's name; by default the one in the year file. */
  campaign?: string;
  /** The 年度 of an annual meeting; by default the one being prepared today. */
  year?: number;
  /** The year's points; by default the shipped file. */
  focus?: YearFocus;
  /** Title variant id (e.g. "checklist" 对照检查材料 or "speech" 发言提纲). */
  titleId?: string;
}

export const DEFAULT_VARIANT: OutlineVariant = { meeting: "xunshi" };

/** The meeting kinds a type of material is written for (整改部署讲话 and 整改落实情况报告: the inspection ones). */
export function meetingsOf(type: DocTypeId): MeetingKind[] {
  const groups = new Set(outlineData(type).meetings);
  return MEETING_KIND_IDS.filter((k) => groups.has(meetingGroup(k)));
}

/** The campaign a 学习教育 meeting is about, and the year file's points for it when the names agree. */
function campaignOf(v: OutlineVariant, focus: YearFocus): { name: string; points: FocusPoint[] | null } {
  const filed = focus.campaign;
  const name = v.campaign?.trim() || filed?.name || "【学习教育名称】";
  return { name, points: filed && filed.name === name ? filed.points : null };
}

/** The values of the tokens in outline text for a meeting. */
function tokenValues(v: OutlineVariant, focus: YearFocus, docname: string): Record<string, string> {
  const year = v.year ?? meetingYear();
  const inspection = inspectionOf(v.meeting);
  const campaign = campaignOf(v, focus).name;
  const topic = v.topic?.trim() || "【专题名称】";
  const yearCampaign = focus.campaign && focus.campaign.year === year ? focus.campaign.name : "【本年度学习教育名称】";
  const meeting =
    v.meeting === "annual" ? `${year}年度民主生活会` : v.meeting === "campaign" ? `${campaign}专题民主生活会` : v.meeting === "topic" ? `${topic}专题民主生活会` : `${inspection}整改专题民主生活会`;
  return {
    // Never empty: an {inspection} left in non-inspection text shows as 巡视（巡察）, which the data tests reject.
    inspection: inspection ?? "巡视（巡察）",
    meeting,
    docname,
    year: String(year),
    topic: v.meeting === "campaign" ? campaign : v.meeting === "topic" ? topic : "【会议主题】",
    campaign: v.meeting === "campaign" ? campaign : yearCampaign,
  };
}

/** Expand {inspection}, {meeting}, {docname}, {year}, {topic}, {campaign} (and {point} when given) in outline text. */
export function expandTokens(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

const applies = (meetings: readonly MeetingGroup[] | undefined, g: MeetingGroup) => !meetings || meetings.includes(g);
const paraText = (p: string | { text: string }) => (typeof p === "string" ? p : p.text);
const paraApplies = (p: string | { meetings: MeetingGroup[] }, g: MeetingGroup) => typeof p === "string" || p.meetings.includes(g);

/** The year's points that replace a section's sub-sections at this meeting, if any. */
function focusPoints(section: SectionData, v: OutlineVariant, focus: YearFocus): FocusPoint[] | null {
  if (!section.focus) return null;
  if (v.meeting === "annual") return focus.points;
  if (v.meeting === "campaign") return campaignOf(v, focus).points;
  return null;
}

/** One meeting's outline: the sections, sub-sections and paragraphs written for it, tokens expanded. */
export function resolveOutline(data: OutlineData, v: OutlineVariant = DEFAULT_VARIANT): Outline {
  const g = meetingGroup(v.meeting);
  const focus = v.focus ?? shippedFocus();
  const titles = data.titles.filter((t) => applies(t.meetings, g));
  const title = titles.find((t) => t.id === v.titleId) ?? titles[0];
  const docname = title && /提纲/.test(title.label) ? "发言提纲" : "对照检查材料";
  const values = tokenValues(v, focus, docname);
  const x = (t: string) => expandTokens(t, values);
  const paras = (ps: SectionData["paragraphs"]) => ps.filter((p) => paraApplies(p, g)).map((p) => x(paraText(p)));
  const sections: OutlineSection[] = data.sections
    .filter((s) => applies(s.meetings, g))
    .map((s) => {
      const points = focusPoints(s, v, focus);
      const subsections: OutlineSubsection[] = points
        ? points.map((p) => ({
            id: `${s.id}-focus-${p.id}`,
            heading: s.focus!.heading ? expandTokens(s.focus!.heading, { ...values, point: p.text }) : pointHeading(p),
            variants: [],
            default: true,
            guidance: p.guide,
            paragraphs: s.focus!.paragraphs.map((t) => expandTokens(t, { ...values, point: p.text })),
          }))
        : s.subsections.filter((sub) => applies(sub.meetings, g)).map((sub) => ({ ...sub, heading: x(sub.heading), variants: sub.variants.map(x), guidance: sub.guidance && x(sub.guidance), paragraphs: paras(sub.paragraphs) }));
      return {
        id: s.id,
        role: s.role,
        numbered: s.numbered,
        required: s.required,
        heading: s.heading && x(s.heading),
        variants: s.variants.map(x),
        guidance: x(s.guidanceBy?.[g] ?? s.guidance),
        paragraphs: paras(s.paragraphs),
        subsections,
      };
    });
  return { type: data.type, name: data.name, titles: titles.map((t) => ({ id: t.id, label: t.label, text: x(t.text) })), salutation: data.salutation, sections };
}

/** The outline of a type for a meeting (by default a 巡视整改 one). */
export function getOutline(type: DocTypeId, v: OutlineVariant = DEFAULT_VARIANT): Outline {
  return resolveOutline(outlineData(type), v);
}

/**
 * What the document itself says of its meeting, from the title and the first lines of the preamble: a 巡视 or 巡察
 * 整改 meeting, an annual one (年度民主生活会, with its year), a 学习教育 one, or another 专题 (with its name). Only what
 * it says: the result is empty without evidence.
 */
export function documentVariant(doc: ParsedDocument): Partial<OutlineVariant> {
  const title = doc.titleText ?? "";
  const head = [title, ...doc.paragraphs.slice(doc.preambleStart, Math.min(doc.preambleEnd, doc.preambleStart + 3)).map((p) => p.text ?? "")].join("");
  const annual = (text: string): Partial<OutlineVariant> | null => {
    const m = /(\d{4})\s*年度.{0,10}民主生活会/.exec(text);
    return m ? { meeting: "annual", year: Number(m[1]) } : /年度民主生活会/.test(text) ? { meeting: "annual" } : null;
  };
  const campaign = (text: string): Partial<OutlineVariant> | null => {
    const m = /“?([^在，。、“”]{2,30}学习教育)”?(?:专题)?民主生活会/.exec(text);
    return m ? { meeting: "campaign", campaign: meetingSubject(m[1]) } : null;
  };
  const rectification = /(巡视|巡察).{0,6}整改/;
  // The title names the meeting best; the opening lines may mention an inspection in passing.
  if (!rectification.test(title)) {
    const byTitle = annual(title) ?? campaign(title);
    if (byTitle) return byTitle;
  }
  if (rectification.test(head) || /巡视|巡察/.test(title)) return { meeting: /巡察/.test(rectification.exec(head)?.[0] ?? title) ? "xuncha" : "xunshi" };
  const byHead = annual(head) ?? campaign(head);
  if (byHead) return byHead;
  // A quoted topic may hold 、 (“严守纪律规矩、加强作风建设”专题民主生活会); an unquoted one is a run of words.
  const topic = /“([^“”]{2,40})”\s*专题民主生活会/.exec(title) ?? /(?:在|召开)?([^在，。、“”]{2,30}?)专题民主生活会/.exec(title) ?? /召开([^，。、“”]{2,30}?)专题民主生活会/.exec(head);
  if (topic) return { meeting: "topic", topic: meetingSubject(topic[1]) };
  return {};
}

/**
 * The subject of a meeting as a title names it, without the unit before it: “市局党组领导班子深入贯彻…学习教育” →
 * “深入贯彻…学习教育”, “XX区委领导班子落实…主体责任” → “落实…主体责任” (the unit is kept when nothing of substance
 * would be left).
 */
export function meetingSubject(raw: string): string {
  const s = raw.trim();
  // Only the unit words titles put before a meeting's subject: …领导班子 / …班子(成员), or a person's …同志(在). Words
  // such as 党组 or 党委 alone are left: they also occur inside subjects (加强党组织建设, 落实党委主体责任).
  const m = /^.{0,16}?(?:领导班子|班子)(?:成员)?(?:在|召开)?|^.{0,10}?同志(?:在)?/.exec(s);
  // A prefix with a verb in it is part of the subject (加强领导班子思想政治建设), not a unit.
  if (!m || /加强|落实|推进|深入|坚持|严守|强化|提升|树立|践行|贯彻|学习|巩固|全面|持续|扎实|建设|抓/.test(m[0])) return s;
  const rest = s.slice(m[0].length);
  return rest.length >= 4 ? rest : s;
}

/** Whether a section is required for this meeting. */
export function isRequired(section: Pick<OutlineSection, "required">, v: Pick<OutlineVariant, "meeting"> = DEFAULT_VARIANT): boolean {
  return section.required === true || (section.required === "annual" && v.meeting === "annual");
}
