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
const leadIn = compile(table.leadIn);
const unmarked = compile(table.unmarkedHeadings);

/** The role a heading title plays in a document of `type`; `fallback` when only the catch-all rule matched. */
export function classifyHeading(title: string, type: DocTypeId): { role: Role | null; fallback: boolean } {
  for (const r of byType.get(type) ?? []) if (r.re.test(title)) return { role: r.role, fallback: r.fallback };
  return { role: null, fallback: false };
}

/** The role that a sentence introducing a run of headings gives them ("针对以上问题，…" → measures). */
export function classifyLeadIn(text: string): Role | null {
  if (!text) return null;
  for (const r of leadIn) if (r.re.test(text)) return r.role;
  return null;
}

/** A short unnumbered line that is a heading by its wording alone ("需要说明的有关情况"). */
export function matchUnmarkedHeading(text: string): Role | null {
  if (text.length > 20) return null;
  const t = text.replace(/[：:。]$/, "");
  for (const r of unmarked) if (r.re.test(t)) return r.role;
  return null;
}
