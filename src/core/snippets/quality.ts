// Editorial checks of the shipped phrase library (run by the data tests): duplicates, fill-ins, quotes, coverage of every section.
import { docTypeName, roleName, type DocTypeId, type Role } from "../model";
import { dedupeKey } from "./normalize";
import type { Snippet } from "./schema";
import { placeholderProblems } from "../placeholders";

/** The sections every type's snippets must cover (the outline library's roles per type). */
export const EXPECTED_ROLES: Record<DocTypeId, readonly Role[]> = {
  "personal-review": ["preamble", "last-rectification", "problems", "personal-matters", "causes", "measures", "closing"],
  "team-review": ["preamble", "preparation", "last-rectification", "problems", "causes", "measures", "closing"],
  "speech-mobilization": ["preamble", "awareness", "tasks", "methods", "integration", "leadership", "closing"],
  "speech-guidance": ["preamble", "evaluation", "requirements", "closing"],
  "rectification-report": ["preamble", "organization", "progress", "remaining", "next-steps", "closing"],
};

export const MIN_TOTAL = 600;

/** Placeholders other than 【…】 left in a text, and malformed 【】: the convention outlines share (src/core/placeholders.ts). */
export const fillInProblems = placeholderProblems;

export interface LibraryProblems {
  /** Defects the data tests fail on. */
  errors: string[];
  /** Worth a look; the tests list them without failing. */
  warnings: string[];
}

export function libraryProblems(snippets: readonly Snippet[], expected: Record<DocTypeId, readonly Role[]> = EXPECTED_ROLES): LibraryProblems {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (snippets.length < MIN_TOTAL) errors.push(`短语共 ${snippets.length} 条，少于 ${MIN_TOTAL} 条`);
  const ids = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const s of snippets) {
    if (ids.has(s.id)) errors.push(`id 重复：${s.id}`);
    ids.set(s.id, s.id);
    const key = dedupeKey(s.text);
    const prev = keys.get(key);
    if (prev) errors.push(`${s.id} 与 ${prev} 去掉标点和空格后相同：${s.text.slice(0, 30)}`);
    else keys.set(key, s.id);
    for (const p of fillInProblems(s.text)) errors.push(`${s.id}：${p}`);
    if (s.text.includes('"') || s.tags.some((t) => t.includes('"'))) errors.push(`${s.id}：含半角双引号 "，应为“”`);
    if (/[\u4e00-\u9fff][,;:!?]|[,;:!?][\u4e00-\u9fff]|[\u4e00-\u9fff]\(|\)[\u4e00-\u9fff]/.test(s.text)) warnings.push(`${s.id}：汉字旁的半角标点`);
    if (s.kind === "phrase" && /。/.test(s.text)) warnings.push(`${s.id}：标为短语（phrase）却含句号`);
    if (new Set(s.roles).size !== s.roles.length || new Set(s.types).size !== s.types.length || new Set(s.tags).size !== s.tags.length) warnings.push(`${s.id}：roles、types 或 tags 有重复项`);
  }
  for (const [type, roles] of Object.entries(expected) as [DocTypeId, readonly Role[]][]) {
    for (const role of roles) {
      const n = snippets.filter((s) => s.types.includes(type) && s.roles.includes(role)).length;
      if (n === 0) errors.push(`${docTypeName(type)}（${type}）的“${roleName(role)}”（${role}）没有短语`);
      else if (n < 3) warnings.push(`${docTypeName(type)}（${type}）的“${roleName(role)}”（${role}）只有 ${n} 条短语`);
    }
  }
  return { errors, warnings };
}
