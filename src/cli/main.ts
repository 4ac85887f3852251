// The `tigang` command line: outline and check reports for reviewers with many files, over the same core as the add-in.
// Commands load their modules when they run: `tigang --help` loads neither the checker, nor the snippet library, nor zod.
import { DOC_TYPE_IDS, type DocTypeId } from "../core/model";

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
  tigang outline [--type <类型>] --meeting <会议> [--topic 专题名称] [--campaign 学习教育名称]
                 [--year 年度] [--focus 年度重点文件] [--format text|json]
      输出某次会议用的标准提纲（text 为完整的提纲文稿）；不指定 --type 时输出该会议用到的各类材料。
      会议：xunshi 巡视整改专题、xuncha 巡察整改专题、annual 年度民主生活会、campaign 学习教育专题、
      topic 其他专题（可写中文名称；--variant 与 --meeting 可选值相同）。年度会议按年度重点文件
      （默认为随程序发布的 build/data/outlines/year-focus.json）列出查摆方面。
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
    if (cmd === "check") return await (await import("./checkCommand")).checkCommand(rest, io);
    if (cmd === "outline") {
      const { outlineCommand } = await import("./outlineCommand");
      return await outlineCommand(rest, io, async (files, type, withFindings) => (await import("./checkCommand")).reportFiles(files, type, withFindings));
    }
    if (cmd === "snippets") return await (await import("./snippetsCommand")).snippetsCommand(rest, io);
    throw new UsageError(`未知的命令“${cmd}”。运行 tigang --help 查看用法。`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`tigang：${(e as Error).message}\n`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`tigang：${parseArgsMessage(code, (e as Error).message)}运行 tigang --help 查看用法。\n`);
      return 2;
    }
    throw e;
  }
}

/** node:util parseArgs speaks English; say it in Chinese, naming the option it quotes. */
function parseArgsMessage(code: string, message: string): string {
  const option = /'([^']+)'/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `未知的选项“${option}”。`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `选项“${option.split(/[ ,]/)[0]}”缺少取值或取值无效。`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `多余的参数“${option}”。`;
  return "命令行参数有误。";
}


/** Terminal safety: control characters (ESC, BEL …) and bidi overrides in a document are shown escaped in text output, never sent to the terminal as is. */
export function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}




