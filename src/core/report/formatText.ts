// Plain-text renderings of outlines and check reports for the terminal (paragraph numbers shown 1-based, as editors count).
import { roleName } from "../model";
import type { HeadingJson } from "../parse/parseDocument";
import type { FileReport, FindingJson } from "./fileReport";

const SEVERITY: Record<FindingJson["severity"], string> = { error: "错误", warning: "警告", info: "提示" };

export function formatOutlineText(report: FileReport): string {
  const lines: string[] = [];
  lines.push(`== ${report.file}`);
  if (report.error) {
    lines.push(`  无法读取：${report.error}`);
    return lines.join("\n") + "\n";
  }
  if (report.type) {
    lines.push(`类型：${report.type.name}（${report.type.id}，置信度 ${Math.round(report.type.confidence * 100)}%）  段落数：${report.paragraphs}`);
    if (report.type.reasons?.length) lines.push(`识别依据：${report.type.reasons.slice(0, 4).join("；")}`);
  }
  const walk = (hs: HeadingJson[], depth: number) => {
    for (const h of hs) {
      const role = h.role ? `  〔${roleName(h.role)}〕` : "";
      lines.push(`${"  ".repeat(depth)}${h.marker}${h.title}${role}  （第${h.paragraph + 1}段）`);
      walk(h.children, depth + 1);
    }
  };
  walk(report.outline, 0);
  if (!report.outline.length) lines.push("（未识别到标题）");
  return lines.join("\n") + "\n";
}

export function formatReportsText(reports: FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`== ${r.file}`);
    if (r.error) {
      out.push(`  无法读取：${r.error}`, "");
      continue;
    }
    const counts = countBySeverity(r.findings);
    out.push(`类型：${r.type?.name ?? "未知"}（置信度 ${Math.round((r.type?.confidence ?? 0) * 100)}%）  错误 ${counts.error}  警告 ${counts.warning}  提示 ${counts.info}`);
    for (const f of r.findings) {
      out.push(`  第${f.paragraph + 1}段  [${SEVERITY[f.severity]}] ${f.rule}：${f.message}`);
      if (f.quote) out.push(`          「${f.quote}」`);
    }
    if (!r.findings.length) out.push("  未发现问题。");
    out.push("");
  }
  const files = reports.length;
  const withErrors = reports.filter((r) => r.error || r.findings.some((f) => f.severity === "error")).length;
  out.push(`共检查 ${files} 个文件，${withErrors} 个文件有错误或无法读取。`);
  return out.join("\n") + "\n";
}

export function countBySeverity(findings: FindingJson[]): Record<FindingJson["severity"], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
