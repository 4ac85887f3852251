// A self-contained HTML report for many files (no scripts, no external resources): files × counts, then each file's findings.
import type { FileReport } from "./fileReport";
import { countBySeverity } from "./formatText";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;

export function formatReportsHtml(reports: FileReport[], version: string): string {
  const rows = reports
    .map((r, i) => {
      const c = countBySeverity(r.findings);
      const status = r.error ? `<td colspan="3" class="error">无法读取</td>` : `<td class="${c.error ? "error" : ""}">${c.error}</td><td>${c.warning}</td><td>${c.info}</td>`;
      return `<tr><td><a href="#f${i}">${escapeHtml(r.file)}</a></td><td>${escapeHtml(r.type?.name ?? "—")}</td>${status}</tr>`;
    })
    .join("\n");
  const sections = reports
    .map((r, i) => {
      const head = `<h2 id="f${i}">${escapeHtml(r.file)}</h2>`;
      if (r.error) return `${head}<p class="error">无法读取：${escapeHtml(r.error)}</p>`;
      const items = r.findings.length
        ? `<table><thead><tr><th>段落</th><th>级别</th><th>规则</th><th>说明</th><th>建议</th></tr></thead><tbody>${r.findings
            .map((f) => `<tr class="${f.severity}"><td>第${f.paragraph + 1}段</td><td>${SEVERITY[f.severity]}</td><td><code>${escapeHtml(f.rule)}</code></td><td>${escapeHtml(f.message)}${f.quote ? `<div class="quote">「${escapeHtml(f.quote)}」</div>` : ""}</td><td>${f.replacement !== undefined ? escapeHtml(f.replacement || "（删除）") : ""}</td></tr>`)
            .join("\n")}</tbody></table>`
        : "<p>未发现问题。</p>";
      return `${head}<p>类型：${escapeHtml(r.type?.name ?? "未知")}，段落数 ${r.paragraphs}</p>${items}`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>提纲助手检查报告</title>
<style>body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}.error{color:#b00020;font-weight:bold}tr.warning td:nth-child(2){color:#8a5a00}code{font-size:90%}.quote{color:#555;font-size:90%;margin-top:2px}</style>
</head><body>
<h1>提纲助手检查报告</h1>
<p>共 ${reports.length} 个文件；提纲助手 ${escapeHtml(version)} 生成。</p>
<table><thead><tr><th>文件</th><th>类型</th><th>错误</th><th>警告</th><th>提示</th></tr></thead><tbody>
${rows}
</tbody></table>
${sections}
</body></html>
`;
}
