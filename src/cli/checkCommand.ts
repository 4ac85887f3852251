// `tigang check`, and reading files into reports (shared with `tigang outline`): loaded only by the commands that read files.
import fs from "node:fs/promises";
import fsSync from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DocTypeId } from "../core/model";
import type { FileReport } from "../core/report/fileReport";
import { reportFromContent, unreadableReport } from "../core/report/checkReport";
import { annotateFile } from "../core/annotate/annotateFile";
import { formatReportsText } from "../core/report/formatText";
import { formatReportsHtml } from "../core/report/formatHtml";
import { loadCliLexicon } from "./lexiconSnapshot";
import { loadFile, readFileChecked } from "./load";
import { nodeInflate } from "./nodeInflate";
import { escapeControls, parseTypeOption, UsageError, VERSION, type Io } from "./main";

/** Read, parse and (optionally) check each file; unreadable files get an error report and processing goes on. */
export async function reportFiles(files: string[], type: DocTypeId | undefined, withFindings: boolean): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  // The lexicon is loaded for checking only (from the build's snapshot: src/cli/lexiconSnapshot.ts); `outline` does without it.
  if (withFindings) await loadCliLexicon();
  for (const file of files) {
    try {
      reports.push(reportFromContent(file, await loadFile(file), type, withFindings));
    } catch (e) {
      reports.push(unreadableReport(file, e));
    }
  }
  return reports;
}

/** Check each file and write its annotated copy into `outDir`; the reports are those of `tigang check`. */
async function annotateFiles(files: string[], type: DocTypeId | undefined, opts: { outDir: string; author?: string; force: boolean }, io: Io): Promise<FileReport[]> {
  const outDir = path.resolve(opts.outDir);
  const inputs = new Set(files.map((f) => path.resolve(f)));
  if (!opts.force) {
    const same = files.find((f) => path.dirname(path.resolve(f)) === outDir);
    if (same) throw new UsageError(`批注副本的输出目录不能是原文件所在的目录（${opts.outDir}），以免与原文件混在一起。请换一个目录，或加 --force。`);
  }
  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (e) {
    throw new UsageError(`无法创建输出目录 ${opts.outDir}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。`);
  }
  const used = new Set<string>();
  const reports: FileReport[] = [];
  let written = 0;
  await loadCliLexicon();
  for (const file of files) {
    let copy;
    try {
      copy = await annotateFile(file, readFileChecked(file), { type, author: opts.author, inflate: nodeInflate });
    } catch (e) {
      reports.push(unreadableReport(file, e));
      continue;
    }
    reports.push(copy.report);
    if (copy.report.error) continue;
    // Never over an input file, nor over another copy of this run (two inputs of one name from different folders).
    const parsed = path.parse(copy.name);
    let target = path.join(outDir, copy.name);
    for (let k = 1; inputs.has(target) || used.has(target.toLowerCase()); k++) target = path.join(outDir, `${parsed.name}（批注${k > 1 ? k : ""}）${parsed.ext}`);
    used.add(target.toLowerCase());
    try {
      await fs.writeFile(target, copy.bytes);
      written++;
    } catch (e) {
      reports[reports.length - 1] = { ...copy.report, error: `无法写入批注副本 ${target}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）` };
    }
  }
  io.err(`tigang：已在 ${opts.outDir} 写入 ${written} 个批注副本。\n`);
  return reports;
}

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { type: { type: "string" }, format: { type: "string", default: "text" }, out: { type: "string" }, annotate: { type: "string" }, author: { type: "string" }, force: { type: "boolean" } },
  });
  const type = parseTypeOption(values.type);
  const format = values.format ?? "text";
  if (!["text", "json", "html"].includes(format)) throw new UsageError(`未知的输出格式“${format}”，可选：text, json, html`);
  if (!positionals.length) throw new UsageError("请指定要检查的文件。运行 tigang --help 查看用法。");
  if (values.out && positionals.some((f) => sameFile(f, values.out as string))) throw new UsageError(`输出文件 ${values.out} 也是要检查的文件之一，写入会覆盖它。请换一个输出文件名。`);
  if (values.author !== undefined && values.annotate === undefined) throw new UsageError("--author 只与 --annotate 一起使用。");
  const reports = values.annotate !== undefined ? await annotateFiles(positionals, type, { outDir: values.annotate, author: values.author, force: values.force === true }, io) : await reportFiles(positionals, type, true);
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
