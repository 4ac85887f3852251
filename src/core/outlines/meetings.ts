// The kinds of 民主生活会 the materials are written for: their ids, names, the data group each belongs to, and the meeting year.

/** The meeting kinds the 会议 choice (pane) and `--meeting` (CLI) offer. Ids are stable: settings and the CLI use them. */
export const MEETING_KINDS = [
  { id: "xunshi", name: "巡视整改专题", group: "inspection" },
  { id: "xuncha", name: "巡察整改专题", group: "inspection" },
  { id: "annual", name: "年度民主生活会", group: "annual" },
  { id: "campaign", name: "学习教育专题", group: "campaign" },
  { id: "topic", name: "其他专题", group: "topic" },
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number]["id"];
export const MEETING_KIND_IDS: readonly MeetingKind[] = MEETING_KINDS.map((m) => m.id);

/** What outline data is written for: the two inspection kinds share their text ({inspection} names 巡视 or 巡察). */
export const MEETING_GROUPS = ["inspection", "annual", "campaign", "topic"] as const;
export type MeetingGroup = (typeof MEETING_GROUPS)[number];

export function meetingGroup(kind: MeetingKind): MeetingGroup {
  return MEETING_KINDS.find((m) => m.id === kind)?.group ?? "inspection";
}

export function meetingName(kind: MeetingKind): string {
  return MEETING_KINDS.find((m) => m.id === kind)?.name ?? kind;
}

/** 巡视 or 巡察 for the inspection kinds; null for the others. */
export function inspectionOf(kind: MeetingKind): "巡视" | "巡察" | null {
  return kind === "xunshi" ? "巡视" : kind === "xuncha" ? "巡察" : null;
}

/**
 * The 年度 of the annual meeting being prepared on `date`: annual meetings on year Y are held from December of Y to
 * February of Y+1, so January and February still prepare the previous year's meeting; from March on, the coming one
 * is that year's. (On 2026-12-03 the meetings being prepared are the 2026 年度 ones.)
 */
export function meetingYear(date: Date = new Date()): number {
  return date.getMonth() < 2 ? date.getFullYear() - 1 : date.getFullYear();
}

const ALIASES: Record<string, MeetingKind> = {
  xunshi: "xunshi",
  巡视: "xunshi",
  巡视整改: "xunshi",
  巡视整改专题: "xunshi",
  xuncha: "xuncha",
  巡察: "xuncha",
  巡察整改: "xuncha",
  巡察整改专题: "xuncha",
  annual: "annual",
  年度: "annual",
  年度民主生活会: "annual",
  campaign: "campaign",
  学习教育: "campaign",
  学习教育专题: "campaign",
  topic: "topic",
  其他专题: "topic",
  专题: "topic",
};

/** A meeting kind from its id or Chinese name ("annual", "年度", "巡察整改专题"); null when unknown. */
export function parseMeetingKind(text: string): MeetingKind | null {
  return ALIASES[text.trim()] ?? null;
}
