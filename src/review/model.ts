// The reviewing page's pure parts: rows of the file table (sort, filter), findings by section, the CSV export.
import { roleName, type DocTypeId } from "../core/model";
import type { HeadingJson } from "../core/parse/parseDocument";
import type { FileReport, FindingJson, Severity } from "../core/report/fileReport";
import { countBySeverity } from "../core/report/formatText";

export const SEVERITY_NAME: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type SortKey = "name" | "type" | "error" | "warning" | "info";
export type StatusFilter = "all" | "error" | "warning" | "clean" | "unreadable";

/** What the table shows of one file's report: made in the worker, so that only this small object (and the report as
 * a JSON string, parsed when a file is opened or exported) crosses to the page's main thread. */
export interface RowSummary {
  /** The Chinese message of a file that could not be read. */
  error?: string;
  type: { id: DocTypeId; name: string } | null;
  counts: Record<Severity, number>;
  missing: string[];
  first: Pick<FindingJson, "severity" | "paragraph" | "message">[];
}

export interface Row {
  id: number;
  name: string;
  /** Set while the file waits or is being read. */
  pending: boolean;
  summary?: RowSummary;
}

export function summarize(report: FileReport): RowSummary {
  return {
    ...(report.error !== undefined ? { error: report.error } : {}),
    type: report.type ? { id: report.type.id, name: report.type.name } : null,
    counts: countBySeverity(report.findings),
    missing: missingSections(report.findings),
    first: firstProblems(report.findings).map(({ severity, paragraph, message }) => ({ severity, paragraph, message })),
  };
}

/** The parts a required-section finding says are missing (“缺少“原因分析”部分” → 原因分析). */
export function missingSections(findings: FindingJson[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    if (f.rule !== "missing-section" || f.severity === "info") continue;
    const named = /缺少“([^”]+)”/.exec(f.message)?.[1];
    out.push(named ?? (/开头/.test(f.message) ? "开头" : /结尾/.test(f.message) ? "结尾语" : f.message));
  }
  return out;
}

/** The most serious findings first, at most `n`, in document order within a severity. */
export function firstProblems(findings: FindingJson[], n = 2): FindingJson[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.paragraph - b.paragraph).slice(0, n);
}

const NO_COUNTS: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
const rowCounts = (r: Row): Record<Severity, number> => r.summary?.counts ?? NO_COUNTS;

export function matchesFilter(r: Row, text: string, status: StatusFilter): boolean {
  if (text && !r.name.toLowerCase().includes(text.toLowerCase())) return false;
  if (status === "all") return true;
  if (!r.summary) return false;
  if (status === "unreadable") return r.summary.error !== undefined;
  if (r.summary.error !== undefined) return false;
  const c = rowCounts(r);
  if (status === "error") return c.error > 0;
  if (status === "warning") return c.error === 0 && c.warning > 0;
  return c.error === 0 && c.warning === 0;
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

export function sortRows(rows: Row[], key: SortKey, descending: boolean): Row[] {
  const value = (r: Row): string | number => {
    if (key === "name") return r.name;
    if (key === "type") return r.summary?.type?.name ?? (r.summary?.error !== undefined ? "～" : "");
    // Unreadable files sort with the most errors: they need attention first.
    return r.summary?.error !== undefined ? Number.MAX_SAFE_INTEGER : rowCounts(r)[key];
  };
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = typeof va === "number" && typeof vb === "number" ? va - vb : collator.compare(String(va), String(vb));
    return sign * c || a.id - b.id;
  });
}

export interface SectionGroup {
  /** “一、存在的问题〔存在的问题〕”, or 标题与开头 before the first heading. */
  title: string;
  paragraph: number;
  findings: FindingJson[];
}

/** Findings under the level-1 section they fall in (document order), with the part before the first heading first. */
export function groupBySection(report: FileReport): SectionGroup[] {
  const groups: SectionGroup[] = [{ title: "标题与开头", paragraph: 0, findings: [] }];
  for (const h of report.outline) groups.push({ title: `${h.marker}${h.title}${h.role ? `〔${roleName(h.role)}〕` : ""}`, paragraph: h.paragraph, findings: [] });
  const sorted = [...report.findings].sort((a, b) => a.paragraph - b.paragraph || (a.offset ?? 0) - (b.offset ?? 0));
  for (const f of sorted) {
    let g = groups[0];
    for (const candidate of groups.slice(1)) if (candidate.paragraph <= f.paragraph) g = candidate;
    g.findings.push(f);
  }
  return groups.filter((g) => g.findings.length);
}

/** The heading tree flattened for display: depth, marker and title, role name, paragraph (1-based). */
export function headingLines(outline: HeadingJson[]): { depth: number; text: string; role: string; paragraph: number }[] {
  const out: { depth: number; text: string; role: string; paragraph: number }[] = [];
  const walk = (hs: HeadingJson[], depth: number) => {
    for (const h of hs) {
      out.push({ depth, text: `${h.marker}${h.title}`, role: roleName(h.role), paragraph: h.paragraph + 1 });
      walk(h.children, depth + 1);
    }
  };
  walk(outline, 0);
  return out;
}

function csvCell(v: string | number): string {
  const s = String(v);
  // A cell starting with = + - @ is a formula to Excel and WPS: a leading apostrophe keeps it text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV for Excel and WPS: UTF-8 with a byte-order mark, CRLF, one row per finding (an unreadable file gets one row). */
export function reportsToCsv(reports: FileReport[]): string {
  const lines = [["文件", "类型", "段落", "级别", "规则", "说明", "原文", "建议修改为"].join(",")];
  for (const r of reports) {
    if (r.error) {
      lines.push([r.file, "", "", "无法读取", "", r.error, "", ""].map(csvCell).join(","));
      continue;
    }
    for (const f of r.findings) {
      const fix = f.replacement === undefined ? "" : f.replacement || "（删除）";
      lines.push([r.file, r.type?.name ?? "", f.paragraph + 1, SEVERITY_NAME[f.severity], f.rule, f.message, f.quote ?? "", fix].map(csvCell).join(","));
    }
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** Seconds left, from the time spent so far on `done` of `total` files; undefined until one file is done. */
export function secondsLeft(elapsedMs: number, done: number, total: number): number | undefined {
  if (done <= 0 || done >= total) return done >= total ? 0 : undefined;
  return Math.ceil(((elapsedMs / done) * (total - done)) / 1000);
}

/** The rows of a virtualised table worth drawing: those in the scrolled view, plus `overscan` rows either side so
 * that a scroll of a few rows shows rows already drawn. `first` is the index of the first, `end` one past the last. */
export function rowWindow(scrollTop: number, viewHeight: number, rowHeight: number, total: number, overscan: number): { first: number; end: number } {
  if (total <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const inView = Math.ceil(viewHeight / rowHeight) + 1;
  const first = Math.max(0, Math.min(top, total - 1) - overscan);
  return { first, end: Math.min(total, top + inView + overscan) };
}
