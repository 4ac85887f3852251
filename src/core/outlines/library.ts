// The standard outlines of the five types, loaded from src/data/outlines and validated; token expansion for variants.
import personal from "../../data/outlines/personal-review.json";
import team from "../../data/outlines/team-review.json";
import mobilization from "../../data/outlines/speech-mobilization.json";
import guidance from "../../data/outlines/speech-guidance.json";
import report from "../../data/outlines/rectification-report.json";
import type { DocTypeId } from "../model";
import type { ParsedDocument } from "../parse/parseDocument";
import type { Outline, OutlineSection } from "./schema";

/** The shipped outline files; their schema (schema.ts) is checked by the tests and the CLI build (validate.ts), not at every start. */
export const OUTLINE_FILES: Record<DocTypeId, unknown> = {
  "personal-review": personal,
  "team-review": team,
  "speech-mobilization": mobilization,
  "speech-guidance": guidance,
  "rectification-report": report,
};

let cache: Map<DocTypeId, Outline> | null = null;

/** All outlines, as shipped (validated at build time). A file of another type is a programming error: it throws. */
export function outlines(): Map<DocTypeId, Outline> {
  if (cache) return cache;
  const m = new Map<DocTypeId, Outline>();
  for (const [type, raw] of Object.entries(OUTLINE_FILES) as [DocTypeId, Outline][]) {
    if (raw?.type !== type) throw new Error(`提纲库 ${type}.json 的 type 字段为 ${raw?.type}`);
    m.set(type, raw);
  }
  cache = m;
  return m;
}

export function getOutline(type: DocTypeId): Outline {
  const o = outlines().get(type);
  if (!o) throw new Error(`没有类型 ${type} 的提纲`);
  return o;
}

export interface OutlineVariant {
  /** 巡视 or 巡察. */
  inspection: "巡视" | "巡察";
  /** A special (专题) or an annual (年度) meeting. */
  meeting: "special" | "annual";
  /** Title variant id (e.g. "checklist" 对照检查材料 or "speech" 发言提纲). */
  titleId?: string;
}

export const DEFAULT_VARIANT: OutlineVariant = { inspection: "巡视", meeting: "special" };

/** Expand {inspection}, {meeting} and {docname} in outline text. */
export function expandTokens(text: string, v: OutlineVariant, outline?: Outline): string {
  const title = outline?.titles.find((t) => t.id === v.titleId) ?? outline?.titles[0];
  const docname = title && /提纲/.test(title.label) ? "发言提纲" : "对照检查材料";
  const meeting = v.meeting === "annual" ? "【年度】民主生活会" : `${v.inspection}整改专题民主生活会`;
  return text.replace(/\{meeting\}/g, meeting).replace(/\{inspection\}/g, v.inspection).replace(/\{docname\}/g, docname);
}

/**
 * What the document itself says of its meeting: 巡视 or 巡察 named in the title or the first lines of the preamble, an
 * annual meeting (年度民主生活会, not a 整改 one) or a 专题 one. Only what it says: a field is absent without evidence.
 */
export function documentVariant(doc: ParsedDocument): Partial<OutlineVariant> {
  const head = [doc.titleText, ...doc.paragraphs.slice(doc.preambleStart, Math.min(doc.preambleEnd, doc.preambleStart + 3)).map((p) => p.text ?? "")].join("");
  const out: Partial<OutlineVariant> = {};
  if (/巡察/.test(head)) out.inspection = "巡察";
  else if (/巡视/.test(head)) out.inspection = "巡视";
  const rectification = /(巡视|巡察).{0,6}整改/.test(head);
  if (/年度民主生活会|年度.{0,6}专题民主生活会/.test(head) && !rectification) out.meeting = "annual";
  else if (rectification || /专题民主生活会/.test(head)) out.meeting = "special";
  return out;
}

/** Whether a section is required for this meeting variant. */
export function isRequired(section: OutlineSection, v: OutlineVariant = DEFAULT_VARIANT): boolean {
  return section.required === true || (section.required === "annual" && v.meeting === "annual");
}
