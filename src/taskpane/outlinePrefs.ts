// The 提纲 tab's saved choices (the meeting kind, 专题名称, format…), also read by the 短语 tab to suggest wording for
// the meeting being prepared.
import { documentVariant } from "../core/outlines/library";
import { MEETING_KIND_IDS, type MeetingKind } from "../core/outlines/meetings";
import type { ParsedDocument } from "../core/parse/parseDocument";
import { loadSetting, saveSetting } from "./settings";

export interface OutlinePrefs {
  meeting: MeetingKind;
  /** 其他专题's 专题名称 and 学习教育专题's campaign, as last typed. */
  topic: string;
  campaign: string;
  format: "gbt" | "plain";
  /** "2026:2025": the user confirmed writing the 2026 年度 meeting on the 2025 points against their notice. */
  focusConfirmed: string;
}
// Annual meetings are what most users prepare (every winter), so a new user starts there.
const PREFS: OutlinePrefs = { meeting: "annual", topic: "", campaign: "", format: "gbt", focusConfirmed: "" };

/** Settings saved by earlier versions said special/annual and 巡视/巡察 apart. */
export function loadOutlinePrefs(): OutlinePrefs {
  const p = loadSetting("outline", PREFS) as OutlinePrefs & { inspection?: string };
  if (MEETING_KIND_IDS.includes(p.meeting)) return p;
  return { ...p, meeting: (p.meeting as string) === "annual" ? "annual" : p.inspection === "巡察" ? "xuncha" : "xunshi" };
}

export function saveOutlinePrefs(p: OutlinePrefs): void {
  saveSetting("outline", p);
}

/** The meeting the document is for: what it says of itself, else the user's last choice in the 提纲 tab. */
export function meetingOf(doc: ParsedDocument | null | undefined): MeetingKind {
  return (doc ? documentVariant(doc).meeting : undefined) ?? loadOutlinePrefs().meeting;
}
