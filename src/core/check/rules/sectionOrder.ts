/** 结构：一级部分须按材料类型的顺序排列（问题 → 原因 → 措施）；讲话各点的先后不作要求。 */
import { roleName, type DocTypeId, type Role } from "../../model";
import { getOutline } from "../../outlines/library";
import type { Heading } from "../../parse/parseDocument";
import type { Rule } from "../types";

/** Roles whose order among themselves is free: a speech's points, and the personal matters, which writers put in several places. */
const FREE: Partial<Record<DocTypeId, Role[]>> = {
  "speech-mobilization": ["awareness", "tasks", "methods", "integration", "leadership"],
};
const ANYWHERE = new Set<Role>(["personal-matters"]);

export const sectionOrder: Rule = {
  meta: {
    id: "section-order",
    name: "部分顺序",
    severity: "error",
    fixable: false,
    description: "一级部分的先后顺序须符合材料类型（如先查摆问题、再分析原因、后提出措施）",
    messages: {
      order: "“{found}”（{role}）应放在“{expected}”（{expectedRole}）之前",
    },
  },
  check(doc, report) {
    const type = doc.type.id;
    const outline = getOutline(type);
    const rank = new Map<Role, number>();
    outline.sections.forEach((s, i) => {
      if (!rank.has(s.role)) rank.set(s.role, i);
    });
    const free = FREE[type] ?? [];
    if (free.length) {
      const min = Math.min(...free.map((r) => rank.get(r) ?? Infinity));
      for (const r of free) if (rank.has(r)) rank.set(r, min);
    }
    let latest: Heading | null = null;
    const reported = new Set<string>();
    for (const h of doc.headings) {
      if (!h.role || ANYWHERE.has(h.role)) continue;
      const r = rank.get(h.role);
      if (r === undefined) continue;
      const lr = latest?.role ? rank.get(latest.role) : undefined;
      if (latest && lr !== undefined && r < lr) {
        const pair = `${h.role}<${latest.role}`;
        if (!reported.has(pair)) {
          reported.add(pair);
          report({
            messageId: "order",
            data: { found: h.marker + h.title, role: roleName(h.role), expected: latest.marker + latest.title, expectedRole: roleName(latest.role) },
            paragraph: h.paragraph,
            range: [h.titleOffset, h.titleOffset + h.titleLength],
          });
        }
        continue;
      }
      latest = h;
    }
  },
};
