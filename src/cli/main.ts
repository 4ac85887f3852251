// The `tigang` command line: outline and check reports for reviewers with many files, over the same core as the add-in.
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { DOC_TYPE_IDS, type DocTypeId } from "../core/model";
import { parseDocument } from "../core/parse/parseDocument";
import { checkDocument, findingToJson } from "../core/check/engine";
import { typoWrongForms } from "../core/check/rules/typo";
import { loadLexicon } from "../core/lexicon";
import { errorReport, fileReport, type FileReport } from "../core/report/fileReport";
import { formatOutlineText, formatReportsText } from "../core/report/formatText";
import { formatReportsHtml } from "../core/report/formatHtml";
import { loadParagraphs } from "./load";
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
  // The lexicon (tens of milliseconds to index) is loaded for checking only; `outline` does without it.
  if (withFindings) await loadLexicon(typoWrongForms);
  for (const file of files) {
    try {
      const paragraphs = await loadParagraphs(file);
      const doc = parseDocument(paragraphs, { type });
      const findings = withFindings ? checkDocument(doc).map((f) => findingToJson(f, doc.paragraphs[f.paragraph]?.text)) : [];
      reports.push(fileReport(file, doc, findings));
    } catch (e) {
      const msg = e instanceof Error && e.name === "InputError" ? e.message : `读取失败：${(e as Error)?.message ?? e}`;
      reports.push(errorReport(file, msg));
    }
  }
  return reports;
}

async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { type: { type: "string" }, format: { type: "string", default: "text" }, out: { type: "string" } },
  });
  const type = parseTypeOption(values.type);
  const format = values.format ?? "text";
  if (!["text", "json", "html"].includes(format)) throw new UsageError(`未知的输出格式“${format}”，可选：text, json, html`);
  if (!positionals.length) throw new UsageError("请指定要检查的文件。运行 tigang --help 查看用法。");
  const reports = await reportFiles(positionals, type, true);
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

export { formatOutlineText };
