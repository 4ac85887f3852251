// Export of user snippets to JSON and import from JSON: size limits, zod validation with Chinese messages, de-duplication, named sources.
import * as z from "zod/mini";
import { KindSchema, RoleIdSchema, TypeIdSchema, type Snippet } from "./schema";
import { cleanSelectionText, dedupeKey, guessKind } from "./normalize";
import { hash53 } from "./pinyinCodec";
import {
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TEXT_LENGTH,
  snippetId,
  type ImportSource,
  type Result,
  type UserLibrary,
  type UserSnippet,
} from "./userLibrary";

/**
 * The export format (version 1), a UTF-8 JSON file:
 *
 *   {
 *     "format": "tigang-snippets",          // fixed
 *     "version": 1,                         // this format's version; newer versions are refused with a message
 *     "exportedAt": "2024-05-01T08:00:00.000Z",
 *     "name": "我的短语",                    // optional: offered as the import's name
 *     "snippets": [
 *       { "text": "理想信念有所松懈",          // required, 1–5000 characters, plain text (never HTML)
 *         "kind": "phrase",                 // optional: phrase | sentence | paragraph (guessed when absent)
 *         "roles": ["causes"],              // optional: section role ids (src/core/model.ts ROLES)
 *         "types": ["personal-review"],     // optional: document type ids
 *         "tags": ["理想信念"] }             // optional: up to 20 tags of up to 30 characters
 *     ]
 *   }
 *
 * Import also takes a bare array of such snippets (the shape of src/data/snippets/*.json). Unknown keys
 * (e.g. "id") are ignored. Limits: 5 MB, 20,000 snippets.
 */
export const EXPORT_FORMAT = "tigang-snippets";
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_SNIPPETS = 20000;

const ImportSnippetSchema = z.object({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEXT_LENGTH)),
  kind: z.optional(KindSchema),
  roles: z._default(z.array(RoleIdSchema).check(z.maxLength(40)), []),
  types: z._default(z.array(TypeIdSchema).check(z.maxLength(10)), []),
  tags: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TAG_LENGTH))).check(z.maxLength(MAX_TAGS)), []),
});

const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.optional(z.string()),
  name: z.optional(z.string().check(z.maxLength(200))),
  snippets: z.array(ImportSnippetSchema).check(z.maxLength(MAX_IMPORT_SNIPPETS)),
});

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  name?: string;
  snippets: { text: string; kind: Snippet["kind"]; roles: Snippet["roles"]; types: Snippet["types"]; tags: string[] }[];
}

export interface ExportOptions {
  /** "all" (default), OWN_SOURCE, or an import's source id. */
  source?: string;
  name?: string;
  now?: Date;
}

/** The user's snippets as an export file (pretty-printed JSON). */
export function exportUserLibrary(lib: UserLibrary, options: ExportOptions = {}): string {
  const source = options.source ?? "all";
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    ...(options.name ? { name: options.name } : {}),
    snippets: lib.snippets
      .filter((s) => source === "all" || s.source === source)
      .map((s) => ({ text: s.text, kind: s.kind, roles: s.roles, types: s.types, tags: s.tags })),
  };
  return JSON.stringify(file, null, 2) + "\n";
}

/** Whether a string's UTF-8 encoding exceeds `limit` bytes, without encoding it. */
export function utf8LengthExceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

export interface ImportOptions {
  /** The import's name as the user will see it (e.g. the file name); the file's own name is used when omitted. */
  name?: string;
  now?: Date;
  /** Shipped snippets: texts they already have are skipped. */
  builtin?: Iterable<Snippet>;
}

export type ImportResult = Result<{
  library: UserLibrary;
  source: ImportSource;
  /** Snippets added. */
  added: number;
  /** Duplicates inside the file, merged into one snippet each (roles, types and tags united). */
  merged: number;
  /** Snippets skipped because the user or the shipped library already has them. */
  skipped: number;
}>;

/**
 * Import snippets from a JSON string as a new named source. The file is checked first (size, JSON,
 * schema); if anything is wrong nothing changes and the message names the first problems (up to 3),
 * e.g. “第3条的 text 为空”. Texts are kept as plain strings: HTML stays literal text.
 */
export function importUserSnippets(lib: UserLibrary, json: string, options: ImportOptions = {}): ImportResult {
  const fail = (problems: string[], total = problems.length): ImportResult => ({
    ok: false,
    message: `导入失败：${problems.slice(0, 3).join("；")}${total > 3 ? `；等共 ${total} 处问题` : ""}。短语库未做任何更改。`,
    problems: problems.slice(0, 3),
  });
  if (typeof json !== "string") return fail(["文件内容不是文本"]);
  if (utf8LengthExceeds(json, MAX_IMPORT_BYTES)) return fail([`文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限`]);
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail([`不是有效的 JSON 文件（${(e as Error).message}）`]);
  }
  if (Array.isArray(data)) data = { format: EXPORT_FORMAT, version: EXPORT_VERSION, snippets: data };
  const shapeProblem = checkShape(data);
  if (shapeProblem) return fail([shapeProblem]);
  const parsed = ExportFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    return fail(issues.slice(0, 3).map((i) => describeIssue(i, data)), issues.length);
  }

  // Merge duplicates inside the file, then skip what the user or the shipped library already has.
  const now = (options.now ?? new Date()).toISOString();
  const have = new Set<string>();
  for (const s of lib.snippets) have.add(dedupeKey(s.text));
  for (const s of options.builtin ?? []) have.add(dedupeKey(s.text));
  const fileName = parsed.data.name?.trim();
  const name = (options.name?.trim() || fileName || "导入的短语").slice(0, 100);
  const sourceId = `s-${hash53(`${name}\u0000${now}\u0000${lib.sources.length}`).toString(36)}`;
  const byKey = new Map<string, UserSnippet>();
  const ids = new Set(lib.snippets.map((s) => s.id));
  let merged = 0;
  let skipped = 0;
  for (const s of parsed.data.snippets) {
    const text = cleanSelectionText(s.text);
    const key = dedupeKey(text);
    if (!key) {
      skipped++;
      continue;
    }
    if (have.has(key)) {
      skipped++;
      continue;
    }
    const prev = byKey.get(key);
    if (prev) {
      merged++;
      prev.roles = [...new Set([...prev.roles, ...s.roles])];
      prev.types = [...new Set([...prev.types, ...s.types])];
      prev.tags = [...new Set([...prev.tags, ...s.tags])].slice(0, MAX_TAGS);
      continue;
    }
    const id = snippetId("i", text, (x) => ids.has(x));
    ids.add(id);
    byKey.set(key, {
      id,
      text,
      kind: s.kind ?? guessKind(text),
      roles: [...new Set(s.roles)],
      types: [...new Set(s.types)],
      tags: [...new Set(s.tags)],
      source: sourceId,
      createdAt: now,
    });
  }
  const added = [...byKey.values()];
  const source: ImportSource = { id: sourceId, name, importedAt: now, added: added.length };
  return { ok: true, library: { ...lib, snippets: [...lib.snippets, ...added], sources: [...lib.sources, source] }, source, added: added.length, merged, skipped };
}

/** Problems of the file as a whole, before field-by-field validation. */
function checkShape(data: unknown): string | null {
  if (!data || typeof data !== "object") return "文件内容应为短语库导出文件（format 为 tigang-snippets）或短语数组";
  const d = data as Record<string, unknown>;
  if (d.format !== EXPORT_FORMAT) return `不是提纲助手的短语库文件（format 应为“${EXPORT_FORMAT}”）`;
  if (typeof d.version === "number" && d.version > EXPORT_VERSION) return `文件版本为 ${d.version}，本程序只支持到版本 ${EXPORT_VERSION}，请升级提纲助手`;
  if (Array.isArray(d.snippets) && d.snippets.length > MAX_IMPORT_SNIPPETS) return `文件中有 ${d.snippets.length} 条短语，超过 ${MAX_IMPORT_SNIPPETS} 条上限`;
  return null;
}

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** “第3条的 text”, “第3条的 roles 第2项”, “version 字段”. */
function describePath(path: readonly PropertyKey[]): string {
  if (path[0] === "snippets" && typeof path[1] === "number") {
    const rest = path.slice(2);
    const head = `第${path[1] + 1}条`;
    if (!rest.length) return head;
    const parts = rest.map((k) => (typeof k === "number" ? `第${k + 1}项` : String(k)));
    return `${head}的 ${parts.join(" ")}`;
  }
  if (!path.length) return "文件内容";
  return `${path.map(String).join(".")} 字段`;
}

const TYPE_NAMES: Record<string, string> = { string: "文字", array: "数组", object: "对象", number: "数字", boolean: "true 或 false" };

function shortValue(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/** One zod issue in Chinese, naming where it is. */
export function describeIssue(issue: Issue, data: unknown): string {
  const where = describePath(issue.path);
  const value = valueAt(data, issue.path);
  const field = [...issue.path].reverse().find((k) => typeof k === "string");
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return `${where}缺失`.replace(/的 (\S+)缺失$/, "缺少 $1");
      return `${where} 应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? `${where} 为空` : `${where} 太短`;
      return `${where} 至少要有 ${issue.minimum} 项`;
    case "too_big":
      if (issue.origin === "string") return `${where} 过长（超过 ${issue.maximum} 字）`;
      return `${where} 超过 ${issue.maximum} 项`;
    case "invalid_value":
      if (field === "roles") return `${where}“${shortValue(value)}”不是可识别的作用`;
      if (field === "types") return `${where}“${shortValue(value)}”不是可识别的材料类型`;
      if (field === "kind") return `${where}“${shortValue(value)}”应为 phrase、sentence 或 paragraph`;
      return `${where}的值“${shortValue(value)}”不可识别`;
    default:
      return `${where}：${issue.message}`;
  }
}

