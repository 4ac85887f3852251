// `tigang outline`: the structure of files, or (with --type or --meeting) the standard outline for a meeting.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { DOC_TYPE_IDS, docTypeName, type DocTypeId } from "../core/model";
import type { FileReport } from "../core/report/fileReport";
import { formatOutlineText } from "../core/report/formatText";
import { escapeControls, parseTypeOption, UsageError, type Io } from "./main";
import { getOutline, meetingsOf, type OutlineVariant } from "../core/outlines/library";
import { focusNotice, parseYearFocusText, shippedFocus, type YearFocus } from "../core/outlines/focus";
import { MEETING_KINDS, meetingName, meetingYear, parseMeetingKind, type MeetingKind } from "../core/outlines/meetings";
import { skeletonText } from "../core/outlines/skeleton";

const CHOICES = MEETING_KINDS.map((m) => `${m.id}（${m.name}）`).join("、");

/** The meeting from --meeting and --variant (the same choices; the older special means the inspection one named by --variant). */
function meetingOf(meeting: string | undefined, variant: string | undefined): MeetingKind {
  const parse = (opt: string, v: string) => {
    const k = parseMeetingKind(v);
    if (!k) throw new UsageError(`${opt} 只能是 ${CHOICES}，而不是“${v}”`);
    return k;
  };
  const byVariant = variant === undefined ? undefined : parse("--variant", variant);
  if (meeting === undefined || meeting === "special") return byVariant ?? "xunshi";
  const byMeeting = parse("--meeting", meeting);
  if (byVariant && byVariant !== byMeeting) throw new UsageError(`--variant ${variant} 与 --meeting ${meeting} 指的不是同一种会议`);
  return byMeeting;
}

function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--year 应为四位年份，如 2026，而不是“${text}”`);
  return Number(text);
}

/** The year file: --focus FILE, else the one shipped in build/data/outlines/year-focus.json (an office may replace it). */
function focusOf(file: string | undefined): YearFocus {
  if (file === undefined) return shippedFocus();
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`无法读取年度重点文件 ${file}：${(e as Error).message}`);
  }
  const r = parseYearFocusText(text);
  if (!r.ok) throw new UsageError(`${file}：${r.message}`);
  return r.focus;
}

export async function outlineCommand(args: string[], io: Io, reportFiles: (files: string[], type: DocTypeId | undefined, withFindings: boolean) => Promise<FileReport[]>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      type: { type: "string" },
      format: { type: "string", default: "text" },
      variant: { type: "string" },
      meeting: { type: "string" },
      topic: { type: "string" },
      campaign: { type: "string" },
      year: { type: "string" },
      focus: { type: "string" },
    },
  });
  const type = parseTypeOption(values.type);
  const format = values.format ?? "text";
  if (!["text", "json"].includes(format)) throw new UsageError(`未知的输出格式“${format}”，可选：text, json`);
  if (!positionals.length) {
    if (!type && values.meeting === undefined && values.variant === undefined) throw new UsageError("请指定文件，或用 --type、--meeting 指定要输出的标准提纲。");
    const meeting = meetingOf(values.meeting, values.variant);
    const focus = focusOf(values.focus);
    const year = yearOf(values.year) ?? meetingYear();
    const variant: OutlineVariant = { meeting, topic: values.topic, campaign: values.campaign, year, focus };
    const types = type ? [type] : DOC_TYPE_IDS.filter((t) => meetingsOf(t).includes(meeting));
    if (type && !meetingsOf(type).includes(meeting)) {
      throw new UsageError(`${docTypeName(type)}用于${meetingsOf(type).map(meetingName).join("、")}，不用于${meetingName(meeting)}`);
    }
    // Annual meetings follow the year's points: say when the file is older than the meeting.
    const notice = meeting === "annual" ? focusNotice(focus, year) : null;
    const outlines = types.map((t) => getOutline(t, variant));
    if (format === "json") {
      const focusInfo = { year: focus.year, label: focus.label, source: focus.source, meetingYear: year, notice };
      io.out(JSON.stringify(type ? { ...outlines[0], focus: focusInfo } : { meeting, focus: focusInfo, outlines }, null, 2) + "\n");
    } else {
      if (notice) io.err(`tigang：${year}年度民主生活会：${notice}（${focus.source.publisher}${focus.source.date}）。\n`);
      io.out(outlines.map((o) => (type ? "" : `=== ${o.name}（${meetingName(meeting)}） ===\n`) + skeletonText(o, variant)).join("\n"));
    }
    return 0;
  }
  const reports = await reportFiles(positionals, type, false);
  for (const r of reports) if (r.error) io.err(escapeControls(`tigang：${r.file}：${r.error}\n`));
  if (format === "json") io.out(JSON.stringify({ files: reports.map(({ findings: _f, ...r }) => r) }, null, 2) + "\n");
  else io.out(escapeControls(reports.map(formatOutlineText).join("\n")));
  return reports.some((r) => r.error) ? 2 : 0;
}
