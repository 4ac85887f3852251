// `tigang outline`: the structure of files, or (with --type) a type's standard outline.
import { parseArgs } from "node:util";
import type { DocTypeId } from "../core/model";
import type { FileReport } from "../core/report/fileReport";
import { formatOutlineText } from "../core/report/formatText";
import { escapeControls, parseTypeOption, UsageError, type Io } from "./main";
import { expandTokens, getOutline, type OutlineVariant } from "../core/outlines/library";
import type { Outline } from "../core/outlines/schema";
import { skeletonText } from "../core/outlines/skeleton";

function variantOf(inspection: string | undefined, meeting: string | undefined): OutlineVariant {
  if (inspection !== undefined && inspection !== "巡视" && inspection !== "巡察") throw new UsageError(`--variant 只能是“巡视”或“巡察”，而不是“${inspection}”`);
  if (meeting !== undefined && meeting !== "special" && meeting !== "annual") throw new UsageError(`--meeting 只能是 special（专题）或 annual（年度），而不是“${meeting}”`);
  return { inspection: (inspection as OutlineVariant["inspection"]) ?? "巡视", meeting: (meeting as OutlineVariant["meeting"]) ?? "special" };
}

/** The outline with tokens expanded for the variant, as printed by --format json. */
function expandOutline(outline: Outline, v: OutlineVariant): Outline {
  const x = (t: string) => expandTokens(t, v, outline);
  return {
    ...outline,
    titles: outline.titles.map((t) => ({ ...t, text: x(t.text) })),
    sections: outline.sections.map((s) => ({
      ...s,
      heading: s.heading && x(s.heading),
      variants: s.variants.map(x),
      guidance: x(s.guidance),
      paragraphs: s.paragraphs.map(x),
      subsections: s.subsections.map((sub) => ({ ...sub, heading: x(sub.heading), variants: sub.variants.map(x), paragraphs: sub.paragraphs.map(x), guidance: sub.guidance && x(sub.guidance) })),
    })),
  };
}

export async function outlineCommand(args: string[], io: Io, reportFiles: (files: string[], type: DocTypeId | undefined, withFindings: boolean) => Promise<FileReport[]>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { type: { type: "string" }, format: { type: "string", default: "text" }, variant: { type: "string" }, meeting: { type: "string" } },
  });
  const type = parseTypeOption(values.type);
  const format = values.format ?? "text";
  if (!["text", "json"].includes(format)) throw new UsageError(`未知的输出格式“${format}”，可选：text, json`);
  if (!positionals.length) {
    if (!type) throw new UsageError("请指定文件，或用 --type 指定要输出标准提纲的类型。");
    const variant = variantOf(values.variant, values.meeting);
    const outline = getOutline(type);
    if (format === "json") io.out(JSON.stringify(expandOutline(outline, variant), null, 2) + "\n");
    else io.out(skeletonText(outline, variant));
    return 0;
  }
  const reports = await reportFiles(positionals, type, false);
  for (const r of reports) if (r.error) io.err(escapeControls(`tigang：${r.file}：${r.error}\n`));
  if (format === "json") io.out(JSON.stringify({ files: reports.map(({ findings: _f, ...r }) => r) }, null, 2) + "\n");
  else io.out(escapeControls(reports.map(formatOutlineText).join("\n")));
  return reports.some((r) => r.error) ? 2 : 0;
}
