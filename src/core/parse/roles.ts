// Heading → role classification from the data table in src/data/roles.json (its zod schema is rolesSchema.ts; at load the
// rules are checked for what the classifier relies on: known roles and patterns that compile).
import rolesData from "../../data/roles.json";
import { DOC_TYPE_IDS, ROLE_IDS, type DocTypeId, type Role } from "../model";

interface RoleRule {
  role: Role;
  pattern: string;
}
interface RolesTable {
  types: Record<DocTypeId, RoleRule[]>;
  leadIn: RoleRule[];
  unmarkedHeadings: RoleRule[];
}

/** Check the table's shape where the classifier depends on it; a broken data file fails loudly at load. */
export function checkRolesTable(data: unknown): RolesTable {
  const t = data as RolesTable;
  const rules = (where: string, list: unknown): RoleRule[] => {
    if (!Array.isArray(list)) throw new Error(`roles.json：${where} 不是数组`);
    list.forEach((r: RoleRule, i) => {
      if (!r || !(ROLE_IDS as string[]).includes(r.role) || typeof r.pattern !== "string" || !r.pattern) throw new Error(`roles.json：${where}[${i}] 的 role 或 pattern 无效`);
    });
    return list as RoleRule[];
  };
  for (const type of DOC_TYPE_IDS) rules(`types.${type}`, t?.types?.[type]);
  rules("leadIn", t?.leadIn);
  rules("unmarkedHeadings", t?.unmarkedHeadings);
  return t;
}

interface Compiled {
  role: Role;
  re: RegExp;
  fallback: boolean;
}

const compile = (rules: RoleRule[]): Compiled[] =>
  rules.map((r) => ({ role: r.role, re: new RegExp(r.pattern, "u"), fallback: r.pattern === "." }));

const table = checkRolesTable(rolesData);
const byType = new Map<DocTypeId, Compiled[]>(DOC_TYPE_IDS.map((t) => [t, compile(table.types[t] ?? [])]));
const typeRoles = new Map<DocTypeId, Set<Role>>(DOC_TYPE_IDS.map((t) => [t, new Set((table.types[t] ?? []).map((r) => r.role))]));
const leadIn = compile(table.leadIn);
const unmarked = compile(table.unmarkedHeadings);

/**
 * Types whose level-1 headings are "point, purpose" ("加强组织领导，确保整改任务落地见效"): the first clause names the
 * point, the second only says what it is for, so the first clause is classified first.
 */
const POINT_FIRST = new Set<DocTypeId>(["speech-mobilization"]);
const CLAUSE_END = /[，,；;]/;

/** The roles a document of `type` can give its sections (those its rules name). */
function rolesOfType(type: DocTypeId): ReadonlySet<Role> {
  return typeRoles.get(type) ?? new Set();
}

/** The role a heading title plays in a document of `type`; `fallback` when only the catch-all rule matched. */
export function classifyHeading(title: string, type: DocTypeId): { role: Role | null; fallback: boolean } {
  const rules = byType.get(type) ?? [];
  if (POINT_FIRST.has(type)) {
    const cut = title.search(CLAUSE_END);
    if (cut > 0) {
      const head = title.slice(0, cut);
      for (const r of rules) if (!r.fallback && r.re.test(head)) return { role: r.role, fallback: false };
    }
  }
  for (const r of rules) if (r.re.test(title)) return { role: r.role, fallback: r.fallback };
  return { role: null, fallback: false };
}

const JOIN = /以及|及|和|与|暨/;

/**
 * The roles of the parts of a heading that joins two sections ("会前准备及上年度民主生活会整改措施落实情况" is preparation
 * and last-rectification). Only when every part has a role of its own; empty otherwise.
 */
export function joinedRoles(title: string, type: DocTypeId): Role[] {
  if (!JOIN.test(title) || title.length > 40) return [];
  const parts = title.split(JOIN).filter((p) => p.length > 0);
  if (parts.length < 2) return [];
  const out: Role[] = [];
  for (const p of parts) {
    const c = classifyHeading(p, type);
    if (!c.role || c.fallback) return [];
    out.push(c.role);
  }
  return out;
}

/** The last sentence of a paragraph (the one that leads into what follows), or "" when it is the only one. */
function lastSentence(text: string): string {
  const t = text.replace(/[。！？!?：:\s\u3000]+$/, "");
  const k = Math.max(t.lastIndexOf("。"), t.lastIndexOf("！"), t.lastIndexOf("？"), t.lastIndexOf("；"));
  return k >= 0 ? t.slice(k + 1) : "";
}

/**
 * The role that a sentence introducing a run of headings gives them ("针对以上问题，…" → measures). The paragraph's last
 * sentence speaks first ("……通报了整改措施落实情况。下面，我讲两个方面的意见。" introduces points, not measures); with
 * `type`, only roles that type has are given.
 */
export function classifyLeadIn(text: string, type?: DocTypeId): Role | null {
  if (!text) return null;
  const allowed = type ? rolesOfType(type) : null;
  const match = (s: string): Role | null => {
    for (const r of leadIn) if ((!allowed || allowed.has(r.role)) && r.re.test(s)) return r.role;
    return null;
  };
  const last = lastSentence(text);
  return (last && match(last)) || match(text);
}

/** A short unnumbered line that is a heading by its wording alone ("需要说明的有关情况"). */
export function matchUnmarkedHeading(text: string): Role | null {
  if (text.length > 20) return null;
  const t = text.replace(/[：:。]$/, "");
  for (const r of unmarked) if (r.re.test(t)) return r.role;
  return null;
}
