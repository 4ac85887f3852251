/** 结构：按识别出的材料类型，检查必备部分（开头、各一级部分、结尾）是否缺失。 */
import { docTypeName, roleName, type Role } from "../../model";
import { DEFAULT_VARIANT, documentVariant, getOutline, isRequired } from "../../outlines/library";
import type { ParsedDocument } from "../../parse/parseDocument";
import { joinedRoles } from "../../parse/roles";
import { isBlank } from "../../parse/text";
import type { Rule } from "../types";
import { paragraphText } from "./common";

/**
 * Speech points are advice, not a fixed skeleton: a speech without a 统筹结合 point is not careless (info); a speech
 * without its opening or its evaluation of the meeting is a weakness, not a slip (warning). A missing closing is an error everywhere.
 */
const SPEECHES = new Set(["speech-mobilization", "speech-guidance"]);
const FRAME_ROLES = new Set<Role>(["preamble", "closing", "evaluation"]);
/** A closing call the parser's closing sentence list does not know ("同志们，……" at the end of a speech). */
const CLOSING_CALL = /^[\s\u3000]*同志们[，,！!]/;
const CLOSING_EXAMPLE: Record<string, string> = {
  "personal-review": "以上是我的对照检查，请同志们批评指正。",
  "team-review": "以上对照检查，敬请同志们批评指正。",
  "speech-mobilization": "同志们，……让我们……",
  "speech-guidance": "我就讲这些，谢谢大家！",
  "rectification-report": "特此报告。",
};
const EVALUATION = /民主生活会|会议|对照检查|批评|发言|感受|评价/;

function bodyParagraphs(doc: ParsedDocument, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, from); i < to; i++) if (!isBlank(paragraphText(doc, i))) out.push(i);
  return out;
}

function lastNonBlank(doc: ParsedDocument): number {
  for (let i = doc.paragraphs.length - 1; i >= 0; i--) if (!isBlank(paragraphText(doc, i))) return i;
  return 0;
}

/** One part the outline expects, and whether the document has it: the 检查 summary and this rule's findings both come from here. */
export interface SectionPresence {
  role: Role;
  /** The outline's heading for it (or the role's name). */
  expected: string;
  present: boolean;
  /** A speech point: advice (info), not a required part. */
  point: boolean;
  /** The outline's position of the part's first section, to say where a missing part belongs. */
  order: number;
}

/** The parts the type's outline requires (one entry per role, in outline order) and whether each is present. */
export function sectionPresence(doc: ParsedDocument): SectionPresence[] {
  const typeId = doc.type.id;
  const outline = getOutline(typeId);
  const variant = { ...DEFAULT_VARIANT, ...documentVariant(doc) };
  const speech = SPEECHES.has(typeId);
  const roots = doc.headings;
  const present = new Set<Role>(roots.map((h) => h.role).filter((r): r is Role => !!r));
  // A heading may join two parts ("一、会前准备及上年度整改措施落实情况").
  for (const h of roots) if (h.role) for (const r of joinedRoles(h.title, typeId)) present.add(r);
  const preamble = bodyParagraphs(doc, doc.preambleStart, doc.preambleEnd);
  if (preamble.length) present.add("preamble");
  if (preamble.some((i) => EVALUATION.test(paragraphText(doc, i)))) present.add("evaluation");
  const last = lastNonBlank(doc);
  if (doc.closing >= 0 || (speech && last > (roots[roots.length - 1]?.paragraph ?? -1) && CLOSING_CALL.test(paragraphText(doc, last)))) present.add("closing");
  const out: SectionPresence[] = [];
  const seen = new Set<Role>();
  outline.sections.forEach((s, k) => {
    const role = s.role;
    if (seen.has(role)) return;
    // A role with several sections (a speech's points) is required when any of them is.
    if (!outline.sections.some((o) => o.role === role && isRequired(o, variant))) return;
    seen.add(role);
    out.push({ role, expected: s.heading ?? roleName(role), present: present.has(role), point: speech && !FRAME_ROLES.has(role), order: k });
  });
  return out;
}

export const missingSection: Rule = {
  meta: {
    id: "missing-section",
    name: "必备部分",
    severity: "error",
    fixable: false,
    description: "按材料类型检查必备部分是否齐全（开头、问题、原因、措施、结尾等）",
    messages: {
      missing: "{type}缺少“{expected}”部分",
      missingPreamble: "{type}缺少开头部分（标题之后、第一个标题之前的说明段落）",
      missingClosing: "{type}缺少结尾语（如“{expected}”）",
      missingPoint: "讲话中没有“{expected}”方面的内容，可考虑补充",
    },
  },
  check(doc, report) {
    const typeId = doc.type.id;
    const outline = getOutline(typeId);
    const type = docTypeName(typeId);
    const speech = SPEECHES.has(typeId);
    const lowConfidence = doc.type.confidence < 0.5;
    const roots = doc.headings;
    const last = lastNonBlank(doc);
    // The position of each role in the outline, to say where a missing part belongs.
    const order = new Map<Role, number>();
    outline.sections.forEach((s, i) => {
      if (!order.has(s.role)) order.set(s.role, i);
    });
    for (const { role, expected, present, point, order: k } of sectionPresence(doc)) {
      if (present) continue;
      const severity = lowConfidence || (speech && role !== "closing") ? "warning" : undefined;
      if (role === "preamble") {
        const at = roots[0]?.paragraph ?? Math.max(0, doc.preambleStart);
        report({ messageId: "missingPreamble", data: { type }, paragraph: Math.min(at, last), range: [0, 0], severity });
        continue;
      }
      if (role === "closing") {
        report({ messageId: "missingClosing", data: { type, expected: CLOSING_EXAMPLE[typeId] }, paragraph: last, range: [0, 0], severity });
        continue;
      }
      // The first present level-1 heading that comes after this part in the outline.
      const after = roots.find((h) => h.role && (order.get(h.role) ?? -1) > k);
      const at = after ? after.paragraph : doc.closing >= 0 ? doc.closing : last;
      if (point) {
        report({ messageId: "missingPoint", data: { expected: roleName(role) }, paragraph: at, range: [0, 0], severity: "info" });
        continue;
      }
      report({ messageId: "missing", data: { type, expected }, paragraph: at, range: [0, 0], severity });
    }
  },
};
