// The `tigang` command line: outline and check reports for reviewers with many files, over the same core as the add-in.
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { DOC_TYPE_IDS, type DocTypeId } from "../core/model";
import { parseDocument } from "../core/parse/parseDocument";
import { fileReport, type FileReport } from "../core/report/fileReport";
import { checkReport, unreadableReport } from "../core/report/checkReport";
import { formatOutlineText, formatReportsText } from "../core/report/formatText";
import { formatReportsHtml } from "../core/report/formatHtml";
import path from "node:path";
import { annotateFile } from "../core/annotate/annotateFile";
import { loadBytes, loadParagraphs } from "./load";
import { nodeInflate } from "./nodeInflate";
import { outlineCommand } from "./outlineCommand";
import { snippetsCommand } from "./snippetsCommand";

export const VERSION: string = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("../../package.json").version as string;
  } catch {
    return "0.0.0";
  }
})();

export const HELP = `提纲助手 命令行 ${VERSION}

用法：
  tigang check [--type <类型>] [--format text|json|html] [--out 文件] <文件…>
      检查 .docx / .txt 文件的结构与文字，按文件报告问题。
  tigang check --annotate <输出目录> [--author 批注作者] [--force] <文件…>
      另外为每个文件写一份带 Word 批注的副本（.txt 生成 .docx），每个问题一条批注，批注以“【提纲助手】”开头；
      再次运行会替换本工具以前的批注，文档原有的批注保留。不会覆盖原文件；输出目录是原文件所在目录时须加 --force。
      退出码：0 无错误；1 有“错误”级问题；2 文件无法读取或用法有误。
  tigang outline <文件…> [--format text|json]
      显示文件的提纲结构（各级标题及其作用）。
  tigang outline --type <类型> [--format text|json] [--variant 巡视|巡察] [--meeting special|annual]
      输出某类材料的标准提纲（text 为完整的提纲文稿）。
  tigang snippets stats [--format json]
  tigang snippets search <关键词> [--role <作用>] [--type <类型>] [--format json]
      短语库统计与检索（支持汉字、全拼、拼音首字母）。
  tigang --version | --help

类型：${DOC_TYPE_IDS.join(", ")}
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export class UsageError extends Error {}

export function parseTypeOption(v: string | undefined): DocTypeId | undefined {
  if (v === undefined) return undefined;
  if (!(DOC_TYPE_IDS as readonly string[]).includes(v)) throw new UsageError(`未知的类型“${v}”，可选：${DOC_TYPE_IDS.join(", ")}`);
  return v as DocTypeId;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") {
      io.out(HELP);
      return cmd ? 0 : 2;
    }
    if (cmd === "--version" || cmd === "-v" || cmd === "version") {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (cmd === "check") return await checkCommand(rest, io);
    if (cmd === "outline") return await outlineCommand(rest, io, reportFiles);
    if (cmd === "snippets") return await snippetsCommand(rest, io);
    throw new UsageError(`未知的命令“${cmd}”。运行 tigang --help 查看用法。`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`tigang：${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

/** Read, parse and (optionally) check each file; unreadable files get an error report and processing goes on. */
export async function reportFiles(files: string[], type: DocTypeId | undefined, withFindings: boolean): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of files) {
    try {
      const paragraphs = await loadParagraphs(file);
      reports.push(withFindings ? checkReport(file, paragraphs, type) : fileReport(file, parseDocument(paragraphs, { type }), []));
    } catch (e) {
      reports.push(unreadableReport(file, e));
    }
  }
  return reports;
}

async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { type: { type: "string" }, format: { type: "string", default: "text" }, out: { type: "string" }, annotate: { type: "string" }, author: { type: "string" }, force: { type: "boolean" } },
  });
  const type = parseTypeOption(values.type);
  const format = values.format ?? "text";
  if (!["text", "json", "html"].includes(format)) throw new UsageError(`未知的输出格式“${format}”，可选：text, json, html`);
  if (!positionals.length) throw new UsageError("请指定要检查的文件。运行 tigang --help 查看用法。");
  if (values.author !== undefined && values.annotate === undefined) throw new UsageError("--author 只与 --annotate 一起使用。");
  const reports = values.annotate !== undefined ? await annotateFiles(positionals, type, { outDir: values.annotate, author: values.author, force: values.force === true }, io) : await reportFiles(positionals, type, true);
  for (const r of reports) if (r.error) io.err(`tigang：${r.file}：${r.error}\n`);
  const output = format === "json" ? JSON.stringify({ files: reports }, null, 2) + "\n" : format === "html" ? formatReportsHtml(reports, VERSION) : formatReportsText(reports);
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
  for (const file of files) {
    let copy;
    try {
      copy = await annotateFile(file, await loadBytes(file), { type, author: opts.author, inflate: nodeInflate });
    } catch (e) {
      reports.push(unreadableReport(file, e));
      continue;
    }
    reports.push(copy.report);
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

export { formatOutlineText };
