// Counts of a snippet list by role, type and kind (the CLI's `snippets stats`, coverage views).
import { DOC_TYPE_IDS, ROLE_IDS, type DocTypeId, type Role } from "../model";
import { SNIPPET_KINDS, type Snippet, type SnippetKind } from "./schema";

export interface SnippetStats {
  total: number;
  byKind: Record<SnippetKind, number>;
  /** Roles in ROLE_IDS order; roles no snippet has are left out. */
  byRole: Partial<Record<Role, number>>;
  byType: Record<DocTypeId, number>;
  /** Per type, per role: how many snippets have both. */
  byTypeRole: Record<DocTypeId, Partial<Record<Role, number>>>;
}

export function snippetStats(snippets: readonly Snippet[]): SnippetStats {
  const byKind = Object.fromEntries(SNIPPET_KINDS.map((k) => [k, 0])) as Record<SnippetKind, number>;
  const byType = Object.fromEntries(DOC_TYPE_IDS.map((t) => [t, 0])) as Record<DocTypeId, number>;
  const roleCount = new Map<Role, number>();
  const pair = new Map<DocTypeId, Map<Role, number>>(DOC_TYPE_IDS.map((t) => [t, new Map()]));
  for (const s of snippets) {
    byKind[s.kind]++;
    for (const t of new Set(s.types)) byType[t]++;
    for (const r of new Set(s.roles)) {
      roleCount.set(r, (roleCount.get(r) ?? 0) + 1);
      for (const t of new Set(s.types)) {
        const m = pair.get(t)!;
        m.set(r, (m.get(r) ?? 0) + 1);
      }
    }
  }
  const ordered = (m: Map<Role, number>) => Object.fromEntries(ROLE_IDS.filter((r) => m.has(r)).map((r) => [r, m.get(r)!])) as Partial<Record<Role, number>>;
  return {
    total: snippets.length,
    byKind,
    byRole: ordered(roleCount),
    byType,
    byTypeRole: Object.fromEntries(DOC_TYPE_IDS.map((t) => [t, ordered(pair.get(t)!)])) as Record<DocTypeId, Partial<Record<Role, number>>>,
  };
}
