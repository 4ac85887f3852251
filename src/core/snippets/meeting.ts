// Which meetings a snippet is worded for: one that names 巡视 or 巡察 (in its text or tags) belongs to those inspection
// meetings only, so the suggestions for an annual, 学习教育 or other 专题 meeting never offer inspection wording.
import { inspectionOf, type MeetingKind } from "../outlines/meetings";
import type { Snippet } from "./schema";

/** 巡视, 巡察, both (巡视（巡察）, 巡视巡察), or null for a snippet that names neither. */
export function snippetInspection(s: Pick<Snippet, "text" | "tags">): "巡视" | "巡察" | "both" | null {
  const all = [s.text, ...s.tags].join("\n");
  const shi = all.includes("巡视");
  const cha = all.includes("巡察");
  return shi && cha ? "both" : shi ? "巡视" : cha ? "巡察" : null;
}

/** Whether a snippet's wording fits the meeting: inspection wording only at that inspection's meeting. */
export function fitsMeeting(s: Pick<Snippet, "text" | "tags">, meeting: MeetingKind): boolean {
  const said = snippetInspection(s);
  if (!said) return true;
  const ins = inspectionOf(meeting);
  return !!ins && (said === "both" || said === ins);
}
