// `tigang check`, and reading files into reports (shared with `tigang outline`): loaded only by the commands that read files.
import fs from "node:fs/promises";
import fsSync from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DocTypeId } from "../core/model";
import { parseDocument } from "../core/parse/parseDocument";
import { checkDocument, findingToJson } from "../core/check/engine";
import { errorReport, fileReport, type FileReport } from "../core/report/fileReport";
import { formatReportsText } from "../core/report/formatText";
import { formatReportsHtml } from "../core/report/formatHtml";
import { loadFile } from "./load";
import { escapeControls, parseTypeOption, UsageError, VERSION, type Io } from "./main";

/** A message for an error that is not the file's fault, in Chinese (engine messages such as "Maximum call stack size exceeded" never reach the user). */
function internalMessage(e: unknown): string {
  if (e instanceof RangeError) return "读取失败：文件结构过深或过大，超出了程序的处理能力。";
  return `读取失败：程序内部错误（${(e as Error)?.name ?? "Error"}），请把文件发给开发者。`;
}

/** Read, parse and (optionally) check each file; unreadable files get an error report and processing goes on. */
export async function reportFiles(files: string[], type: DocTypeId | undefined, withFindings: boolean): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of files) {
    try {
      const { paragraphs, altChunks, empty } = await loadFile(file);
      if (empty) {
        reports.push(errorReport(file, "文件中没有文字，无法判断材料类型，也没有可检查的内容。"));
        continue;
      }
      const doc = parseDocument(paragraphs, { type });
      const findings = withFindings ? checkDocument(doc).map((f) => findingToJson(f, doc.paragraphs[f.paragraph]?.text)) : [];
      // Content imported from another file (altChunk) that could not be read is said to be unchecked.
      for (const c of altChunks) {
        if (!c.read) findings.push({ rule: "imported-content", severity: "warning", message: `此处插入了外部文件的内容（${c.part}${c.contentType ? `，${c.contentType}` : ""}），未能读取和检查。请在 Word 中打开后另存，使其成为正文。`, paragraph: Math.min(c.paragraph, Math.max(0, paragraphs.length - 1)) });
      }
      if (altChunks.some((c) => !c.read)) findings.sort((a, b) => a.paragraph - b.paragraph);
      reports.push(fileReport(file, doc, findings));
    } catch (e) {
      reports.push(errorReport(file, e instanceof Error && e.name === "InputError" ? e.message : internalMessage(e)));
    }
  }
  return reports;
}

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { type: { type: "string" }, format: { type: "string", default: "text" }, out: { type: "string" } },
  });
  const type = parseTypeOption(values.type);
  const format = values.format ?? "text";
  if (!["text", "json", "html"].includes(format)) throw new UsageError(`未知的输出格式“${format}”，可选：text, json, html`);
  if (!positionals.length) throw new UsageError("请指定要检查的文件。运行 tigang --help 查看用法。");
  if (values.out && positionals.some((f) => sameFile(f, values.out as string))) throw new UsageError(`输出文件 ${values.out} 也是要检查的文件之一，写入会覆盖它。请换一个输出文件名。`);
  const reports = await reportFiles(positionals, type, true);
  for (const r of reports) if (r.error) io.err(escapeControls(`tigang：${r.file}：${r.error}\n`));
  const output = format === "json" ? JSON.stringify({ files: reports }, null, 2) + "\n" : format === "html" ? formatReportsHtml(reports, VERSION) : escapeControls(formatReportsText(reports));
  if (values.out) {
    try {
      await fs.writeFile(values.out, output, "utf8");
    } catch (e) {
      io.err(`tigang：无法写入输出文件 ${values.out}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），请检查目录是否存在、是否有写入权限。\n`);
      return 2;
    }
  } else io.out(output);
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

/** Whether two paths name the same file (the same inode when both exist, else the same resolved path). */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [fsSync.statSync(a), fsSync.statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
