// `tigang snippets`: statistics of and search in the phrase library.
import { parseArgs } from "node:util";
import { docTypeName, roleName, ROLE_IDS, type Role } from "../core/model";
import { builtinSnippets } from "../core/snippets/library";
import { buildSearchIndex } from "../core/snippets/prepareIndex";
import { KIND_NAMES, type Snippet } from "../core/snippets/schema";
import { search, type MatchTier, type SearchResults } from "../core/snippets/search";
import { snippetStats, type SnippetStats } from "../core/snippets/stats";
import { parseTypeOption, UsageError, type Io } from "./main";

const USAGE = "用法：tigang snippets stats [--format json] | tigang snippets search <关键词> [--role <作用>] [--type <类型>] [--limit N] [--format json]";

const TIER_NAMES: Record<MatchTier, string> = {
  tag: "标签",
  prefix: "开头",
  substring: "包含",
  pinyin: "全拼",
  initials: "拼音首字母",
  mixed: "拼音缩写",
};

export async function snippetsCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "stats") return statsCommand(rest, io);
  if (sub === "search") return searchCommand(rest, io);
  throw new UsageError(sub ? `未知的子命令“${sub}”。${USAGE}` : USAGE);
}

function formatOption(v: string | undefined): "text" | "json" {
  const f = v ?? "text";
  if (f !== "text" && f !== "json") throw new UsageError(`未知的输出格式“${f}”，可选：text, json`);
  return f;
}

export function parseRoleOption(v: string | undefined): Role | undefined {
  if (v === undefined) return undefined;
  if (!(ROLE_IDS as readonly string[]).includes(v)) throw new UsageError(`未知的作用“${v}”，可选：${ROLE_IDS.join(", ")}`);
  return v as Role;
}

function statsCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: "string" } } });
  if (positionals.length) throw new UsageError(`多余的参数“${positionals[0]}”。${USAGE}`);
  const format = formatOption(values.format);
  const stats = snippetStats(builtinSnippets());
  io.out(format === "json" ? JSON.stringify(stats, null, 2) + "\n" : formatStats(stats));
  return 0;
}

export function formatStats(stats: SnippetStats): string {
  const lines = [`短语库：共 ${stats.total} 条`, ""];
  lines.push(`按形式：${Object.entries(stats.byKind).map(([k, n]) => `${KIND_NAMES[k as Snippet["kind"]]} ${n}`).join("，")}`);
  lines.push("", "按类型：");
  for (const [t, n] of Object.entries(stats.byType)) lines.push(`  ${docTypeName(t as never).padEnd(12, "　")} ${String(n).padStart(5)}  (${t})`);
  lines.push("", "按作用：");
  for (const [r, n] of Object.entries(stats.byRole)) lines.push(`  ${roleName(r as Role).padEnd(14, "　")} ${String(n).padStart(5)}  (${r})`);
  lines.push("", "按类型和作用：");
  for (const [t, roles] of Object.entries(stats.byTypeRole)) {
    lines.push(`  ${docTypeName(t as never)}：${Object.entries(roles).map(([r, n]) => `${roleName(r as Role)} ${n}`).join("，") || "（无）"}`);
  }
  return lines.join("\n") + "\n";
}

async function searchCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: "string" }, type: { type: "string" }, format: { type: "string" }, limit: { type: "string" } },
  });
  const format = formatOption(values.format);
  const role = parseRoleOption(values.role);
  const type = parseTypeOption(values.type);
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10000) throw new UsageError(`--limit 应为 1 到 10000 之间的整数，而不是“${values.limit}”`);
  const query = positionals.join(" ");
  if (!query.trim() && !role && !type) throw new UsageError(`请给出关键词（汉字、全拼或拼音首字母），或用 --role/--type 查看推荐短语。${USAGE}`);
  const { index, warning } = await buildSearchIndex(builtinSnippets());
  if (warning) io.err(`tigang：${warning}\n`);
  const results = search(index, query, { role, type, limit });
  if (format === "json") {
    io.out(
      JSON.stringify(
        {
          query,
          role: role ?? null,
          type: type ?? null,
          total: results.total,
          results: results.hits.map((h) => ({ ...h.snippet, match: h.match })),
        },
        null,
        2,
      ) + "\n",
    );
  } else io.out(formatResults(results, role, type));
  return 0;
}

function formatResults(results: SearchResults, role: Role | undefined, type: string | undefined): string {
  const scope = [role ? `作用：${roleName(role)}` : "", type ? `类型：${docTypeName(type as never)}` : ""].filter(Boolean).join("，");
  const head = results.query.trim() ? `“${results.query}”：共 ${results.total} 条` : `推荐短语：共 ${results.total} 条可选`;
  const lines = [`${head}${results.hits.length < results.total ? `，显示前 ${results.hits.length} 条` : ""}${scope ? `（${scope}）` : ""}`];
  if (!results.hits.length) lines.push("  没有找到。可以试试更短的关键词、全拼或拼音首字母。");
  results.hits.forEach((h, i) => {
    const s = h.snippet;
    lines.push(`${String(i + 1).padStart(3)}. [${KIND_NAMES[s.kind]}] ${s.text.replace(/\n/g, " / ")}`);
    const meta = [s.id, s.roles.map(roleName).join("、"), s.tags.length ? `标签：${s.tags.join("、")}` : "", h.match ? `匹配：${TIER_NAMES[h.match.tier]}` : ""].filter(Boolean);
    lines.push(`     ${meta.join(" · ")}`);
  });
  return lines.join("\n") + "\n";
}
